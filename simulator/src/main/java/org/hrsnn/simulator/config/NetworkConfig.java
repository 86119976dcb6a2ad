package org.hrsnn.simulator.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.input.CurrentInjection;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NetworkBuilder;

/**
 * A network described in a YAML or JSON file (one schema for both): populations with
 * per-neuron parameter distributions, connections by rule or by explicit list, external inputs
 * (Poisson, spike times, current steps) and the seed of every random draw.
 *
 * <pre>
 * seed: 42
 * populations:
 *   - {name: exc, size: 800, model: LIF, sign: excitatory,
 *      membraneTau: {type: gamma, shape: 3, scale: 6.67}, threshold: -50}
 *   - {name: inh, size: 200, sign: inhibitory}
 * connections:
 *   - {pre: exc, post: all, rule: {type: fixedProbability, probability: 0.02}, weight: 1.62, delay: 0}
 * inputs:
 *   - {name: drive, type: poisson, channels: 100, rateHz: 20, target: exc,
 *      rule: {type: fixedProbability, probability: 0.1}, weight: 2.0}
 * </pre>
 *
 * Unknown keys and bad values are rejected with an {@link InvalidInputException} that gives the
 * full path of the field (e.g. {@code populations[1].membraneTau.shape}) and what is allowed.
 * {@link #build()} gives the same {@link Network} as the equivalent {@link NetworkBuilder} calls.
 */
public final class NetworkConfig {
    /** Seed used when the file gives none. */
    public static final long DEFAULT_SEED = 1;

    /** The two syntaxes of the one schema. */
    public enum Format {
        YAML, JSON;

        /** The format of a file from its name: .yaml, .yml or .json. */
        public static Format of(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                return YAML;
            }
            if (name.endsWith(".json")) {
                return JSON;
            }
            throw new InvalidInputException("config", file.toString(), "a file ending in .yaml, .yml or .json");
        }
    }

    private final long seed;
    private final List<PopulationConfig> populations;
    private final List<ConnectionConfig> connections;
    private final List<InputConfig> inputs;

    public NetworkConfig(long seed, List<PopulationConfig> populations, List<ConnectionConfig> connections,
                         List<InputConfig> inputs) {
        this.seed = seed;
        this.populations = List.copyOf(populations);
        this.connections = List.copyOf(connections);
        this.inputs = List.copyOf(inputs);
    }

    /** Reads and checks a configuration file (.yaml, .yml or .json). */
    public static NetworkConfig load(Path file) {
        Format format = Format.of(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("config", file.toString(), "an existing file (no file at that path)");
        } catch (IOException e) {
            throw new InvalidInputException("config", file.toString(), "a readable file (" + e.getMessage() + ")");
        }
        return parse(text, format);
    }

    /** Reads and checks a configuration from text. */
    public static NetworkConfig parse(String text, Format format) {
        JsonNode root;
        try {
            root = mapper(format).readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new InvalidInputException("config: not valid " + format + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new InvalidInputException("config", "empty", "a " + format + " object with at least 'populations'");
        }
        return ConfigReader.read(new ConfigNode(root, ""));
    }

    private static ObjectMapper mapper(Format format) {
        ObjectMapper m = format == Format.YAML
                ? new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build())
                : new ObjectMapper();
        // A key given twice is a mistake, not a silent override.
        m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        m.enable(SerializationFeature.INDENT_OUTPUT);
        return m;
    }

    /** The configuration as a tree (the keys and shapes the reader accepts). */
    public JsonNode toTree() {
        return ConfigWriter.write(this);
    }

    public String toYaml() {
        return write(Format.YAML);
    }

    public String toJson() {
        return write(Format.JSON);
    }

    public String write(Format format) {
        try {
            return mapper(format).writeValueAsString(toTree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same configuration with another seed (the command line's --seed). */
    public NetworkConfig withSeed(long newSeed) {
        return new NetworkConfig(newSeed, populations, connections, inputs);
    }

    /** Builds the network this configuration describes. */
    public Network build() {
        NetworkBuilder b = new NetworkBuilder(seed);
        Map<String, Integer> start = new HashMap<>();
        Map<String, Integer> size = new HashMap<>();
        int n = 0;
        for (PopulationConfig p : populations) {
            b.add(p.toSpec());
            start.put(p.name(), n);
            size.put(p.name(), p.size());
            n += p.size();
        }
        start.put(NetworkBuilder.ALL, 0);
        size.put(NetworkBuilder.ALL, n);
        for (ConnectionConfig c : connections) {
            if (c.synapses() != null) {
                ConnectionConfig.ExplicitSynapses e = c.synapses();
                b.connectExplicit(c.pre(), c.post(), e.pre().stream().mapToInt(Integer::intValue).toArray(),
                        e.post().stream().mapToInt(Integer::intValue).toArray(),
                        e.weight().stream().mapToDouble(Double::doubleValue).toArray(),
                        e.delay().stream().mapToDouble(Double::doubleValue).toArray());
            } else {
                b.connect(c.pre(), c.post(), c.rule().toRule(), c.weight(), c.delay());
            }
        }
        for (InputConfig in : inputs) {
            if (in instanceof InputConfig.Current cur) {
                int first = start.get(cur.target());
                int[] neurons;
                if (cur.neurons() == null) {
                    neurons = new int[size.get(cur.target())];
                    for (int i = 0; i < neurons.length; i++) {
                        neurons[i] = first + i;
                    }
                } else {
                    neurons = cur.neurons().stream().mapToInt(i -> first + i).toArray();
                }
                b.current(new CurrentInjection(cur.name(), neurons, cur.amplitude(), cur.startMs(),
                        cur.stopMs() == null ? Double.POSITIVE_INFINITY : cur.stopMs()));
            } else if (in instanceof InputConfig.Poisson p) {
                b.input(p.name(), p.toSource(), p.target(), p.rule().toRule(), p.weight(), p.delay());
            } else if (in instanceof InputConfig.SpikeTimes s) {
                b.input(s.name(), s.toSource(), s.target(), s.rule().toRule(), s.weight(), s.delay());
            }
        }
        return b.build();
    }

    public long seed() {
        return seed;
    }

    public List<PopulationConfig> populations() {
        return populations;
    }

    public List<ConnectionConfig> connections() {
        return connections;
    }

    public List<InputConfig> inputs() {
        return inputs;
    }

    /** Total number of neurons. */
    public int size() {
        return populations.stream().mapToInt(PopulationConfig::size).sum();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkConfig c && c.seed == seed && c.populations.equals(populations)
                && c.connections.equals(connections) && c.inputs.equals(inputs);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(seed, populations, connections, inputs);
    }

    @Override
    public String toString() {
        return toYaml();
    }
}
