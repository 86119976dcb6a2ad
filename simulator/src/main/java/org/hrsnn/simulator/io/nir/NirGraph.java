package org.hrsnn.simulator.io.nir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A NIR graph as stored in a file: named nodes, directed edges between node names, and
 * graph-level metadata (keys may contain '/' for nested metadata groups). {@code version} is the
 * root {@code version} dataset of the file (null for a nested graph).
 */
public final class NirGraph {
    /** A directed edge: the output of {@code source} feeds the input of {@code target}. */
    public record Edge(String source, String target) {
    }

    private final String version;
    private final Map<String, NirNode> nodes;
    private final List<Edge> edges;
    private final Map<String, NirValue> metadata;

    public NirGraph(String version, Map<String, NirNode> nodes, List<Edge> edges, Map<String, NirValue> metadata) {
        this.version = version;
        this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        this.edges = List.copyOf(edges);
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    public String version() {
        return version;
    }

    public Map<String, NirNode> nodes() {
        return nodes;
    }

    public NirNode node(String name) {
        return nodes.get(name);
    }

    public List<Edge> edges() {
        return edges;
    }

    public Map<String, NirValue> metadata() {
        return metadata;
    }

    /** Names of the nodes with an edge into {@code name}, in edge order. */
    public List<String> predecessors(String name) {
        List<String> out = new ArrayList<>();
        for (Edge e : edges) {
            if (e.target().equals(name)) {
                out.add(e.source());
            }
        }
        return out;
    }

    /** Names of the nodes {@code name} has an edge to, in edge order. */
    public List<String> successors(String name) {
        List<String> out = new ArrayList<>();
        for (Edge e : edges) {
            if (e.source().equals(name)) {
                out.add(e.target());
            }
        }
        return out;
    }
}
