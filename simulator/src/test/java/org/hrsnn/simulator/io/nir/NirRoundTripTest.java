package org.hrsnn.simulator.io.nir;

import static org.hrsnn.simulator.io.nir.NirTestNetworks.assertSameNetwork;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.hrsnn.simulator.input.SpikeSource;
import org.hrsnn.simulator.network.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** network -> NIR file -> network keeps every parameter, synapse and delay. */
class NirRoundTripTest {
    @TempDir
    Path dir;

    private Network roundTrip(Network net, NirExporter.Options options) {
        Path f = dir.resolve("net.nir");
        NirExporter.write(net, f, options);
        Map<String, SpikeSource> sources = Map.of("drive", net.inputs().get(0).source());
        NirImporter.Result r = NirImporter.read(f, sources);
        assertSame(net.inputs().get(0).source(), r.network().inputs().get(0).source());
        return r.network();
    }

    private static void assertSame(Object a, Object b) {
        assertTrue(a == b, "the given input source is attached");
    }

    @Test
    void singleSynapticTauExportsOneCubaLifAndComesBackUnchanged() {
        Network net = NirTestNetworks.singleTau(3);
        NirGraph g = NirExporter.toGraph(net, NirExporter.Options.defaults());
        assertEquals("CubaLIF", g.node(NirExporter.NEURONS).type());
        assertFalse(g.nodes().containsKey(NirExporter.SYN_EXC));
        // two recurrent delay values (1 ms and 2.5 ms) give two Linear nodes, each followed by a Delay
        assertEquals("Delay", g.node("recurrent_d0_delay").type());
        assertEquals(0.001, g.node("recurrent_d0_delay").parameter("delay").numbers()[0]);
        assertEquals(0.0025, g.node("recurrent_d1_delay").parameter("delay").numbers()[0]);
        assertSameNetwork(net, roundTrip(net, NirExporter.Options.defaults()));
    }

    @Test
    void twoSynapticTausUseLiSynapseNodesAndComeBackUnchanged() {
        Network net = NirTestNetworks.twoTaus(5);
        NirGraph g = NirExporter.toGraph(net, NirExporter.Options.defaults());
        assertEquals("LIF", g.node(NirExporter.NEURONS).type());
        assertEquals("LI", g.node(NirExporter.SYN_EXC).type());
        assertEquals("LI", g.node(NirExporter.SYN_INH).type());
        // every weight into syn_exc is >= 0 and into syn_inh < 0: hrsnn's sign routing is preserved
        for (NirNode n : g.nodes().values()) {
            if (n.name().startsWith("recurrent_exc") && n.type().equals("Linear")) {
                for (double w : n.parameter("weight").numbers()) {
                    assertTrue(w >= 0);
                }
            }
            if (n.name().startsWith("recurrent_inh") && n.type().equals("Linear")) {
                for (double w : n.parameter("weight").numbers()) {
                    assertTrue(w <= 0);
                }
            }
        }
        assertSameNetwork(net, roundTrip(net, NirExporter.Options.defaults()));
    }

    @Test
    void biasIsFoldedIntoVLeakSoDynamicsMatchWithoutHrsnnMetadata() {
        Network net = NirTestNetworks.twoTaus(8);
        NirGraph g = NirExporter.toGraph(net, NirExporter.Options.defaults());
        double[] vLeak = g.node(NirExporter.NEURONS).parameter("v_leak").numbers();
        for (int i = 0; i < net.size(); i++) {
            double p = net.parameters().leakPotential[i] + net.parameters().resistance[i] * net.parameters().biasCurrent[i];
            assertEquals(p / 1000, vLeak[i], 1e-15, "v_leak = E_L + R I_bias in volts");
        }
    }

    @Test
    void sparseEncodingAloneIsEnoughForHrsnn() {
        Network net = NirTestNetworks.twoTaus(11);
        NirExporter.Options small = NirExporter.Options.defaults().withMaxDenseEntries(10);
        NirGraph g = NirExporter.toGraph(net, small);
        assertNull(g.node("recurrent_inh_d0").parameter("weight"), "no dense form beyond the limit");
        assertNotNull(g.metadata().get(NirExporter.META + "sparse/recurrent_inh_d0/source"));
        assertSameNetwork(net, roundTrip(net, small));
    }

    @Test
    void unitsAreSeconds() {
        Network net = NirTestNetworks.singleTau(3);
        NirNode n = NirExporter.toGraph(net, NirExporter.Options.defaults()).node(NirExporter.NEURONS);
        double[] tauMem = n.parameter("tau_mem").numbers();
        double[] tauSyn = n.parameter("tau_syn").numbers();
        double[] wIn = n.parameter("w_in").numbers();
        for (int i = 0; i < net.size(); i++) {
            assertEquals(net.parameters().membraneTau[i] / 1000, tauMem[i], 0.0);
            assertEquals(net.parameters().excitatoryTau[i] / 1000, tauSyn[i], 0.0);
            assertEquals(tauSyn[i], wIn[i], 0.0, "w_in = tau_syn so a spike of weight W makes I jump by W");
            assertEquals(net.parameters().threshold[i] / 1000, n.parameter("v_threshold").numbers()[i], 0.0);
            assertEquals(net.parameters().resistance[i] * 1e6, n.parameter("r").numbers()[i], 0.0);
        }
    }

    @Test
    void readoutIsWrittenAsAffineLiOutputAndReadBack() {
        Network net = NirTestNetworks.singleTau(3);
        int n = net.size();
        double[][] w = new double[2][n];
        for (int i = 0; i < n; i++) {
            w[0][i] = i * 0.1;
            w[1][i] = -i * 0.05;
        }
        NirExporter.Readout ro = new NirExporter.Readout(w, new double[] {0, 0.5}, new double[] {20, 40});
        Path f = dir.resolve("ro.nir");
        NirExporter.write(net, f, NirExporter.Options.defaults().withReadout(ro));
        NirImporter.Result r = NirImporter.read(f);
        assertNotNull(r.readout());
        assertEquals("LI", r.readout().filterType());
        for (int o = 0; o < 2; o++) {
            NirTestNetworks.assertBitEquals(w[o], r.readout().weight()[o], "readout weight");
        }
        NirTestNetworks.assertBitEquals(new double[] {20, 40}, r.readout().tauMs(), "readout tau");
        NirTestNetworks.assertBitEquals(new double[] {0, 0.5}, r.readout().bias(), "readout bias");
    }

    @Test
    void anEditedNirValueWinsOverTheStoredHrsnnValue() {
        Network net = NirTestNetworks.singleTau(3);
        NirGraph g = NirExporter.toGraph(net, NirExporter.Options.defaults());
        NirNode lif = g.node(NirExporter.NEURONS);
        double[] r = lif.parameter("r").numbers().clone();
        r[0] = 3.0e6; // another tool edits neuron 0's resistance to 3 MOhm
        java.util.Map<String, NirValue> params = new java.util.LinkedHashMap<>(lif.parameters());
        params.put("r", NirValue.vector(r));
        java.util.Map<String, NirNode> nodes = new java.util.LinkedHashMap<>(g.nodes());
        nodes.put(lif.name(), NirNode.of(lif.name(), lif.type(), params));
        java.util.Map<String, NirValue> meta = new java.util.LinkedHashMap<>(g.metadata());
        double[] stale = new double[net.size()];
        java.util.Arrays.fill(stale, 1.0);
        meta.put(NirExporter.META + "exact/neurons/r", NirValue.vector(stale)); // stale hrsnn values
        NirGraph edited = new NirGraph(g.version(), nodes, g.edges(), meta);
        Network back = NirImporter.fromGraph(edited, Map.of(), "edited").network();
        assertEquals(3.0, back.parameters().resistance[0], 0.0);
        for (int i = 1; i < net.size(); i++) {
            assertEquals(net.parameters().resistance[i], back.parameters().resistance[i], 1e-15 * net.parameters().resistance[i]);
        }
    }

    @Test
    void lossesAreListedInTheMetadata() {
        Network net = NirTestNetworks.twoTaus(5);
        NirGraph g = NirExporter.toGraph(net, NirExporter.Options.defaults());
        String losses = String.join("\n", g.metadata().get(NirExporter.META + "not_representable").strings());
        assertTrue(losses.contains("refractory"), losses);
        assertTrue(losses.contains("ALIF"), losses);
        assertTrue(losses.contains("bias"), losses);
        assertTrue(g.metadata().get(NirExporter.META + "synapse_mapping").strings()[0].startsWith("two_filter"));
    }
}
