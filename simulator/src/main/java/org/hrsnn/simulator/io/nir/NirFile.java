package org.hrsnn.simulator.io.nir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.io.Hdf5;

/**
 * Reads and writes the NIR HDF5 layout of the reference implementation (the {@code nir} Python
 * package, {@code nir.write}/{@code nir.read}), with datasets only, never attributes:
 * <pre>
 * /version                       string, the NIR version the layout follows
 * /node/type                     "NIRGraph"
 * /node/edges                    (E, 2) strings: source and target node names
 * /node/nodes/&lt;name&gt;/type        the node type, e.g. "CubaLIF"
 * /node/nodes/&lt;name&gt;/&lt;param&gt;     one dataset per parameter (per-neuron 1-D arrays, 2-D weights)
 * /node/metadata/...             graph metadata (written only when not empty)
 * </pre>
 * The reference writes strings as variable-length UTF-8; jHDF 0.8.4 writes fixed-length UTF-8
 * strings, which h5py reads as {@code bytes} just as it reads variable-length ones, so
 * {@code nir.read} accepts them. Reading accepts both. Older reference files also hold
 * {@code input_type}/{@code output_type} groups in nodes: they are skipped on reading.
 */
public final class NirFile {
    /** The NIR release whose on-disk layout this writer follows. */
    public static final String LAYOUT_VERSION = "1.0.8";

    private NirFile() {
    }

    // ---------------------------------------------------------------- writing

    public static void write(NirGraph graph, Path file) {
        try (WritableHdfFile f = HdfFile.write(file)) {
            f.putDataset("version", graph.version() != null ? graph.version() : LAYOUT_VERSION);
            writeGraph(f.putGroup("node"), graph, file);
        } catch (io.jhdf.exceptions.HdfException e) {
            throw new InvalidInputException(file + ": cannot write NIR file (" + e.getMessage() + ")", e);
        }
    }

    private static void writeGraph(WritableGroup g, NirGraph graph, Path file) {
        g.putDataset("type", "NIRGraph");
        if (graph.edges().isEmpty()) {
            throw new InvalidInputException(file + ": node/edges would be empty (a NIR graph needs at least one edge)");
        }
        String[][] edges = new String[graph.edges().size()][2];
        for (int k = 0; k < edges.length; k++) {
            edges[k][0] = graph.edges().get(k).source();
            edges[k][1] = graph.edges().get(k).target();
        }
        g.putDataset("edges", edges);
        WritableGroup nodes = g.putGroup("nodes");
        for (NirNode n : graph.nodes().values()) {
            WritableGroup ng = nodes.putGroup(n.name());
            if (n.subgraph() != null) {
                writeGraph(ng, n.subgraph(), file);
                continue;
            }
            ng.putDataset("type", n.type());
            for (Map.Entry<String, NirValue> p : n.parameters().entrySet()) {
                put(ng, p.getKey(), p.getValue(), file, "node/nodes/" + n.name() + "/" + p.getKey());
            }
            writeMetadata(ng, n.metadata(), file);
        }
        writeMetadata(g, graph.metadata(), file);
    }

    private static void writeMetadata(WritableGroup parent, Map<String, NirValue> metadata, Path file) {
        if (metadata.isEmpty()) {
            return; // the reference skips an empty metadata group
        }
        WritableGroup m = parent.putGroup("metadata");
        Map<String, WritableGroup> groups = new LinkedHashMap<>();
        for (Map.Entry<String, NirValue> e : metadata.entrySet()) {
            String[] parts = e.getKey().split("/");
            WritableGroup g = m;
            StringBuilder prefix = new StringBuilder();
            for (int k = 0; k < parts.length - 1; k++) {
                prefix.append(parts[k]).append('/');
                WritableGroup parentGroup = g;
                String child = parts[k];
                g = groups.computeIfAbsent(prefix.toString(), x -> parentGroup.putGroup(child));
            }
            put(g, parts[parts.length - 1], e.getValue(), file, "metadata/" + e.getKey());
        }
    }

    private static void put(WritableGroup g, String name, NirValue v, Path file, String where) {
        for (int s : v.shape()) {
            if (s == 0) {
                throw new InvalidInputException(file + ": dataset '" + where + "' would be empty; jHDF cannot write empty datasets");
            }
        }
        g.putDataset(name, toJava(v));
    }

    /** The Java array (or boxed scalar) jHDF writes for a value: double, long or String elements. */
    static Object toJava(NirValue v) {
        int[] shape = v.shape();
        if (v.isText()) {
            if (shape.length == 0) {
                return v.strings()[0];
            }
            Object arr = Array.newInstance(String.class, shape);
            fill(arr, shape, 0, v.strings(), null, false, new int[] {0});
            return arr;
        }
        if (shape.length == 0) {
            return v.integer() ? (Object) (long) v.numbers()[0] : (Object) v.numbers()[0];
        }
        Object arr = Array.newInstance(v.integer() ? long.class : double.class, shape);
        fill(arr, shape, 0, null, v.numbers(), v.integer(), new int[] {0});
        return arr;
    }

    private static void fill(Object arr, int[] shape, int dim, String[] s, double[] d, boolean integer, int[] pos) {
        for (int k = 0; k < shape[dim]; k++) {
            if (dim == shape.length - 1) {
                if (s != null) {
                    Array.set(arr, k, s[pos[0]++]);
                } else if (integer) {
                    Array.setLong(arr, k, (long) d[pos[0]++]);
                } else {
                    Array.setDouble(arr, k, d[pos[0]++]);
                }
            } else {
                fill(Array.get(arr, k), shape, dim + 1, s, d, integer, pos);
            }
        }
    }

    // ---------------------------------------------------------------- reading

    /** Reads a NIR file; every problem is reported with the file and the dataset or node named. */
    public static NirGraph read(Path file) {
        try (HdfFile f = Hdf5.open(file)) {
            Hdf5.Flat version = Hdf5.read(Hdf5.dataset(f, file, "version", "a string with the NIR version"), file);
            if (!version.isText() || version.size() != 1) {
                throw new InvalidInputException(file + ": dataset 'version' must be one string, found shape "
                        + java.util.Arrays.toString(version.shape()));
            }
            if (!Hdf5.exists(f, "node") || !f.getByPath("node").isGroup()) {
                throw new InvalidInputException(file + ": group 'node' is missing (expected the NIR graph)");
            }
            return readGraph((Group) f.getByPath("node"), "node", version.strings()[0], file);
        } catch (io.jhdf.exceptions.HdfException e) {
            throw new InvalidInputException(file + ": cannot read NIR file (" + e.getMessage() + ")", e);
        }
    }

    private static NirGraph readGraph(Group g, String path, String version, Path file) {
        String type = readType(g, path, file);
        if (!"NIRGraph".equals(type)) {
            throw new InvalidInputException(file + ": dataset '" + path + "/type' = '" + type + "', expected 'NIRGraph'");
        }
        Hdf5.Flat edges = Hdf5.read(Hdf5.dataset(g, file, "edges", "an (E, 2) string array of node names"), file);
        if (!edges.isText() || edges.shape().length != 2 || edges.shape()[1] != 2) {
            throw new InvalidInputException(file + ": dataset '" + path + "/edges' has shape "
                    + java.util.Arrays.toString(edges.shape()) + (edges.isText() ? "" : " and numbers")
                    + ", expected an (E, 2) string array of node names");
        }
        if (!Hdf5.exists(g, "nodes") || !g.getChild("nodes").isGroup()) {
            throw new InvalidInputException(file + ": group '" + path + "/nodes' is missing (expected one group per node)");
        }
        Map<String, NirNode> nodes = new LinkedHashMap<>();
        for (Node child : ((Group) g.getChild("nodes")).getChildren().values()) {
            String np = path + "/nodes/" + child.getName();
            if (!child.isGroup()) {
                throw new InvalidInputException(file + ": '" + np + "' is a dataset, expected a node group with a 'type'");
            }
            Group cg = (Group) child;
            String ctype = readType(cg, np, file);
            if ("NIRGraph".equals(ctype)) {
                NirGraph sub = readGraph(cg, np, null, file);
                nodes.put(child.getName(), new NirNode(child.getName(), ctype, Map.of(), Map.of(), sub));
                continue;
            }
            Map<String, NirValue> params = new LinkedHashMap<>();
            Map<String, NirValue> meta = new LinkedHashMap<>();
            for (Node p : cg.getChildren().values()) {
                if (p.getName().equals("type")) {
                    continue;
                }
                if (p.isGroup()) {
                    if (p.getName().equals("metadata")) {
                        readMetadata((Group) p, "", meta, file);
                    }
                    continue; // input_type / output_type groups of older layouts
                }
                params.put(p.getName(), value(Hdf5.read((Dataset) p, file)));
            }
            nodes.put(child.getName(), new NirNode(child.getName(), ctype, params, meta, null));
        }
        List<NirGraph.Edge> edgeList = new ArrayList<>();
        for (int k = 0; k < edges.shape()[0]; k++) {
            String a = edges.strings()[2 * k];
            String b = edges.strings()[2 * k + 1];
            for (String end : new String[] {a, b}) {
                if (!nodes.containsKey(end)) {
                    throw new InvalidInputException(file + ": dataset '" + path + "/edges' row " + k + " names node '"
                            + end + "', which is not in '" + path + "/nodes' " + nodes.keySet());
                }
            }
            edgeList.add(new NirGraph.Edge(a, b));
        }
        Map<String, NirValue> meta = new LinkedHashMap<>();
        if (Hdf5.exists(g, "metadata") && g.getChild("metadata").isGroup()) {
            readMetadata((Group) g.getChild("metadata"), "", meta, file);
        }
        return new NirGraph(version, nodes, edgeList, meta);
    }

    private static void readMetadata(Group g, String prefix, Map<String, NirValue> out, Path file) {
        for (Node n : g.getChildren().values()) {
            if (n.isGroup()) {
                readMetadata((Group) n, prefix + n.getName() + "/", out, file);
            } else {
                out.put(prefix + n.getName(), value(Hdf5.read((Dataset) n, file)));
            }
        }
    }

    private static String readType(Group g, String path, Path file) {
        Hdf5.Flat t = Hdf5.read(Hdf5.dataset(g, file, "type", "the node type as a string"), file);
        if (!t.isText() || t.size() != 1) {
            throw new InvalidInputException(file + ": dataset '" + path + "/type' must be one string");
        }
        return t.strings()[0];
    }

    private static NirValue value(Hdf5.Flat f) {
        return new NirValue(f.shape(), f.numbers(), f.strings(), false);
    }
}
