package org.hrsnn.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.hrsnn.simulator.config.NetworkConfig;

/** Shared by the examples: the embedded configurations of examples/src/main/resources/org/hrsnn/configs. */
final class Examples {
    private Examples() {
    }

    /** The default HRSNN (1000 neurons). */
    static NetworkConfig defaultConfig() {
        return embedded("default-hrsnn.yaml");
    }

    /** The 250-neuron version used by demo --quick. */
    static NetworkConfig smallConfig() {
        return embedded("default-hrsnn-quick.yaml");
    }

    static NetworkConfig embedded(String name) {
        try (InputStream in = Examples.class.getResourceAsStream("/org/hrsnn/configs/" + name)) {
            if (in == null) {
                throw new IllegalStateException("embedded configuration missing: " + name);
            }
            return NetworkConfig.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), NetworkConfig.Format.YAML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
