package org.hrsnn.simulator.io.nir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a file in the reference implementation's layout (variable-length strings, gzip-compressed
 * arrays: {@code src/test/resources/io/make_fixtures.py}) and checks hrsnn's own files follow the
 * layout: datasets only, {@code version}, {@code node/type}, {@code node/edges} (E, 2) strings,
 * {@code node/nodes/<name>/type}, 1-D per-neuron parameters.
 */
class NirConformanceTest {
    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(NirConformanceTest.class.getResource("/io/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsTheReferenceLayout() {
        NirGraph g = NirFile.read(resource("nir_reference_cubalif.nir"));
        assertEquals("1.0.8", g.version());
        assertEquals(List.of("Affine", "CubaLIF", "Input", "Linear", "Output"),
                NirTestNetworks.types(g).stream().sorted().toList());
        assertEquals(5, g.edges().size());
        assertEquals(new NirGraph.Edge("rec", "lif"), g.edges().get(3));
        assertEquals(List.of(3, 2), Arrays.stream(g.node("fc").parameter("weight").shape()).boxed().toList());
    }

    @Test
    void importsTheReferenceCubaLifWithItsDocumentedSemantics() {
        NirImporter.Result r = NirImporter.read(resource("nir_reference_cubalif.nir"));
        Network net = r.network();
        assertEquals(3, net.size());
        double[] tauSyn = {0.005, 0.010, 0.002};
        double[] tauMem = {0.020, 0.030, 0.010};
        double[] rOhm = {1, 2, 1};
        double[] wIn = {1, 1, 2};
        for (int i = 0; i < 3; i++) {
            assertEquals(tauSyn[i] * 1000, net.parameters().excitatoryTau[i], 1e-12);
            assertEquals(tauSyn[i] * 1000, net.parameters().inhibitoryTau[i], 1e-12);
            assertEquals(tauMem[i] * 1000, net.parameters().membraneTau[i], 1e-12);
            assertEquals(rOhm[i] / 1e6, net.parameters().resistance[i], 1e-18);
            assertEquals(0.0, net.parameters().refractoryPeriod[i]);
        }
        assertEquals(-200.0, net.parameters().resetPotential[1], 1e-12, "v_reset -0.2 V = -200 mV");
        assertEquals(800.0, net.parameters().threshold[2], 1e-12);
        assertEquals(100.0, net.parameters().leakPotential[2], 1e-12);
        // recurrent rec: W[1][0] = 0.2, W[0][1] = 0.1, W[1][2] = -0.3 (targets x sources); the jump is
        // W w_in / tau_syn of the target, in A, i.e. x 1e9 nA
        SynapseMatrix s = net.synapses();
        assertEquals(3, s.size());
        assertEquals(jump(s, 0, 1), 0.2 * 1 / 0.010 * 1e9, 1e-3);
        assertEquals(jump(s, 1, 0), 0.1 * 1 / 0.005 * 1e9, 1e-3);
        assertEquals(jump(s, 2, 1), -0.3 * 1 / 0.010 * 1e9, 1e-3);
        // input fc: 4 nonzero weights, 2 channels
        SynapseMatrix in = net.inputs().get(0).projection();
        assertEquals(2, in.sources);
        assertEquals(4, in.size());
        assertEquals(jump(in, 1, 2), -0.75 * 2 / 0.002 * 1e9, 1e-3);
        assertEquals("input", r.inputNames().get(0));
        assertEquals(1, net.populations().size());
        assertEquals("lif", net.populations().get(0).name());
    }

    private static double jump(SynapseMatrix s, int source, int target) {
        for (int k = s.rowStart[source]; k < s.rowStart[source + 1]; k++) {
            if (s.target[k] == target) {
                return s.weight[k];
            }
        }
        throw new AssertionError("no synapse " + source + " -> " + target);
    }

    @Test
    void exportFollowsTheReferenceLayout() throws Exception {
        Network net = NirTestNetworks.singleTau(3);
        Path f = dir.resolve("x.nir");
        NirExporter.write(net, f);
        try (HdfFile h = new HdfFile(f)) {
            // jHDF stamps its name in one root attribute, "_jHDF"; the NIR content itself uses none
            assertEquals(java.util.Set.of("_jHDF"), h.getAttributes().keySet());
            for (Node n : h.getChildren().values()) {
                assertTrue(n.getAttributes().isEmpty(), "no attributes on " + n.getPath());
                if (n instanceof Group child) {
                    assertNoAttributes(child);
                }
            }
            assertEquals(NirFile.LAYOUT_VERSION, h.getDatasetByPath("version").getData());
            assertEquals("NIRGraph", h.getDatasetByPath("node/type").getData());
            Dataset edges = h.getDatasetByPath("node/edges");
            assertEquals(2, edges.getDimensions()[1]);
            assertTrue(edges.getData() instanceof String[][]);
            assertEquals("CubaLIF", h.getDatasetByPath("node/nodes/neurons/type").getData());
            for (String p : List.of("tau_syn", "tau_mem", "r", "v_leak", "v_threshold", "v_reset", "w_in")) {
                Dataset d = h.getDatasetByPath("node/nodes/neurons/" + p);
                assertEquals(List.of(net.size()), Arrays.stream(d.getDimensions()).boxed().toList(), p + " is 1-D of size N");
                assertEquals(double.class, d.getJavaType(), p);
            }
            assertEquals("Input", h.getDatasetByPath("node/nodes/input_drive/type").getData());
            assertTrue(Arrays.equals(new long[] {3}, (long[]) h.getDatasetByPath("node/nodes/input_drive/shape").getData()));
            Dataset w = h.getDatasetByPath("node/nodes/input_drive_w/weight");
            assertEquals(List.of(net.size(), 3), Arrays.stream(w.getDimensions()).boxed().toList(), "Affine weight is (out, in)");
            assertTrue(h.getByPath("node/metadata/hrsnn/not_representable") instanceof Dataset);
        }
    }

    private static void assertNoAttributes(Group g) {
        assertTrue(g.getAttributes().isEmpty(), "no attributes on " + g.getPath());
        for (Node n : g.getChildren().values()) {
            assertTrue(n.getAttributes().isEmpty(), "no attributes on " + n.getPath());
            if (n instanceof Group child) {
                assertNoAttributes(child);
            }
        }
    }
}
