package org.hrsnn.simulator.io.nir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node of a NIR graph: its name, its {@code type} (e.g. "CubaLIF"), its parameter datasets
 * (e.g. {@code tau_mem}), its metadata datasets, and, for a nested "NIRGraph" node, the subgraph.
 */
public record NirNode(String name, String type, Map<String, NirValue> parameters,
                      Map<String, NirValue> metadata, NirGraph subgraph) {

    public NirNode {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    public static NirNode of(String name, String type, Map<String, NirValue> parameters) {
        return new NirNode(name, type, parameters, Map.of(), null);
    }

    public NirValue parameter(String key) {
        return parameters.get(key);
    }
}
