package org.hrsnn.simulator.io.nir;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrsnn.simulator.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad NIR files give an InvalidInputException naming the file, the dataset or node, and what was expected. */
class NirBadInputTest {
    @TempDir
    Path dir;

    private static NirNode lif(String name, int n, String drop, NirValue thresholdOverride) {
        Map<String, NirValue> m = new LinkedHashMap<>();
        double[] one = new double[n];
        java.util.Arrays.fill(one, 0.01);
        m.put("tau_syn", NirValue.vector(one.clone()));
        m.put("tau_mem", NirValue.vector(one.clone()));
        m.put("r", NirValue.vector(one.clone()));
        m.put("v_leak", NirValue.vector(new double[n]));
        m.put("v_threshold", thresholdOverride != null ? thresholdOverride : NirValue.vector(one.clone()));
        m.remove(drop);
        return NirNode.of(name, "CubaLIF", m);
    }

    private Path write(Map<String, NirNode> nodes, List<NirGraph.Edge> edges) {
        Path f = dir.resolve("bad.nir");
        NirFile.write(new NirGraph("1.0.8", nodes, edges, Map.of()), f);
        return f;
    }

    private static void assertMessage(InvalidInputException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message should contain '" + p + "': " + e.getMessage());
        }
    }

    @Test
    void notAnHdf5File() throws IOException {
        Path f = dir.resolve("text.nir");
        Files.writeString(f, "this is not HDF5");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NirImporter.read(f));
        assertMessage(e, f.toString(), "not a readable HDF5 file");
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("absent.nir");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NirImporter.read(f));
        assertMessage(e, "absent.nir");
    }

    @Test
    void missingParameterDatasetIsNamed() {
        Map<String, NirNode> nodes = new LinkedHashMap<>();
        nodes.put("lif", lif("lif", 3, "tau_mem", null));
        nodes.put("out", NirNode.of("out", "Output", Map.of("shape", NirValue.integers(3))));
        Path f = write(nodes, List.of(new NirGraph.Edge("lif", "out")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NirImporter.read(f));
        assertMessage(e, "bad.nir", "node 'lif'", "CubaLIF", "'tau_mem'");
    }

    @Test
    void wrongShapeIsNamed() {
        Map<String, NirNode> nodes = new LinkedHashMap<>();
        nodes.put("lif", lif("lif", 3, "none", null));
        nodes.put("rec", NirNode.of("rec", "Linear", Map.of("weight", NirValue.matrix(2, 3, new double[6]))));
        Path f = write(nodes, List.of(new NirGraph.Edge("lif", "rec"), new NirGraph.Edge("rec", "lif")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NirImporter.read(f));
        assertMessage(e, "node 'rec'", "'weight'", "[2, 3]", "expected [3, 3]");
    }

    @Test
    void unknownAndUnsupportedNodeTypesAreNamed() {
        for (String type : List.of("Conv2d", "IF", "Threshold", "I")) {
            Map<String, NirNode> nodes = new LinkedHashMap<>();
            nodes.put("lif", lif("lif", 2, "none", null));
            nodes.put("odd", NirNode.of("odd", type, Map.of("r", NirValue.vector(1, 1))));
            Path f = write(nodes, List.of(new NirGraph.Edge("lif", "odd")));
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> NirImporter.read(f));
            assertMessage(e, "node 'odd'", type);
        }
    }

    @Test
    void edgeToAMissingNodeIsNamed() {
        Map<String, NirNode> nodes = new LinkedHashMap<>();
        nodes.put("lif", lif("lif", 2, "none", null));
        Path f = write(nodes, List.of(new NirGraph.Edge("lif", "ghost")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NirFile.read(f));
        assertMessage(e, "node/edges", "'ghost'");
    }

    @Test
    void thresholdNotAboveResetIsRejected() {
        Map<String, NirNode> nodes = new LinkedHashMap<>();
        nodes.put("lif", lif("lif", 2, "none", NirValue.vector(0.5, -0.1)));
        nodes.put("out", NirNode.of("out", "Output", Map.of("shape", NirValue.integers(2))));
        Path f = write(nodes, List.of(new NirGraph.Edge("lif", "out")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NirImporter.read(f));
        assertMessage(e, "node 'lif'", "v_threshold[1]");
    }

    @Test
    void lifWithoutSynapseNodeIsRejectedWithTheReason() {
        Map<String, NirNode> nodes = new LinkedHashMap<>();
        Map<String, NirValue> m = new LinkedHashMap<>();
        m.put("tau", NirValue.vector(0.02, 0.02));
        m.put("r", NirValue.vector(1, 1));
        m.put("v_leak", NirValue.vector(0, 0));
        m.put("v_threshold", NirValue.vector(1, 1));
        nodes.put("in", NirNode.of("in", "Input", Map.of("shape", NirValue.integers(2))));
        nodes.put("w", NirNode.of("w", "Linear", Map.of("weight", NirValue.matrix(2, 2, new double[] {1, 0, 0, 1}))));
        nodes.put("lif", NirNode.of("lif", "LIF", m));
        Path f = write(nodes, List.of(new NirGraph.Edge("in", "w"), new NirGraph.Edge("w", "lif")));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NirImporter.read(f));
        assertMessage(e, "node 'lif'", "LI synapse nodes");
    }

    @Test
    void missingVersionIsNamed() throws Exception {
        Path f = dir.resolve("noversion.h5");
        try (io.jhdf.WritableHdfFile h = io.jhdf.HdfFile.write(f)) {
            h.putGroup("node").putDataset("type", "NIRGraph");
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NirFile.read(f));
        assertMessage(e, "noversion.h5", "'version'");
    }

    @Test
    void notAGraphIsNamed() throws Exception {
        Path f = dir.resolve("notgraph.h5");
        try (io.jhdf.WritableHdfFile h = io.jhdf.HdfFile.write(f)) {
            h.putDataset("version", "1.0.8");
            h.putGroup("node").putDataset("type", "CubaLIF");
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NirFile.read(f));
        assertMessage(e, "notgraph.h5", "node/type", "NIRGraph");
    }
}
