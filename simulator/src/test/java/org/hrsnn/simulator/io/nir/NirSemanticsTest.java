package org.hrsnn.simulator.io.nir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.neuron.ExactLif;
import org.junit.jupiter.api.Test;

/**
 * The exported graph, read with the NIR equations (SI units, Dirac spikes: a spike through W makes
 * the synaptic state jump by W w_in / tau_syn, or W r / tau for an LI synapse node), gives the same
 * postsynaptic potential as hrsnn's model for every synapse: u(h) = R w K(h; tau_s, tau_m).
 */
class NirSemanticsTest {

    /** hrsnn PSP of synapse k at h ms, in mV. */
    private static double hrsnnPsp(NeuronParameters p, SynapseMatrix s, int k, double hMs) {
        int t = s.target[k];
        double tauS = s.weight[k] >= 0 ? p.excitatoryTau[t] : p.inhibitoryTau[t];
        return p.resistance[t] * s.weight[k] * ExactLif.synapticKernel(hMs, tauS, p.membraneTau[t]);
    }

    /** Weight W (A) of (source, target) summed over the graph's Linear nodes that end in {@code into}. */
    private static Map<String, double[]> linearInto(NirGraph g) {
        Map<String, double[]> out = new HashMap<>();
        for (NirNode n : g.nodes().values()) {
            if (n.type().equals("Linear")) {
                String next = g.successors(n.name()).get(0);
                String target = g.node(next).type().equals("Delay") ? g.successors(next).get(0) : next;
                out.put(n.name() + ">" + target, n.parameter("weight").numbers());
            }
        }
        return out;
    }

    @Test
    void cubaLifPspsMatchHrsnn() {
        Network net = NirTestNetworks.singleTau(3);
        NirGraph g = NirExporter.toGraph(net, NirExporter.Options.defaults());
        NirNode lif = g.node(NirExporter.NEURONS);
        double[] tauSyn = lif.parameter("tau_syn").numbers();
        double[] tauMem = lif.parameter("tau_mem").numbers();
        double[] r = lif.parameter("r").numbers();
        double[] wIn = lif.parameter("w_in").numbers();
        int n = net.size();
        SynapseMatrix s = net.synapses();
        int[] src = s.sourceIndices();
        int checked = 0;
        for (double[] w : linearInto(g).values()) {
            for (int k = 0; k < s.size(); k++) {
                int t = s.target[k];
                double wij = w[t * n + src[k]];
                if (wij == 0) {
                    continue; // this synapse lives in the other delay group's Linear
                }
                double hS = 0.004;
                double jumpA = wij * wIn[t] / tauSyn[t];
                double nirV = r[t] * jumpA * ExactLif.synapticKernel(hS, tauSyn[t], tauMem[t]);
                assertEquals(hrsnnPsp(net.parameters(), s, k, 4.0), nirV * 1e3,
                        1e-12 * Math.abs(nirV * 1e3), "synapse " + k);
                checked++;
            }
        }
        assertTrue(checked >= s.size(), "every synapse compared");
    }

    @Test
    void lifWithLiSynapseNodesPspsMatchHrsnnForBothSigns() {
        Network net = NirTestNetworks.twoTaus(5);
        NirGraph g = NirExporter.toGraph(net, NirExporter.Options.defaults());
        NirNode lif = g.node(NirExporter.NEURONS);
        double[] tauMem = lif.parameter("tau").numbers();
        double[] r = lif.parameter("r").numbers();
        int n = net.size();
        SynapseMatrix s = net.synapses();
        int[] src = s.sourceIndices();
        int positive = 0;
        int negative = 0;
        for (Map.Entry<String, double[]> e : linearInto(g).entrySet()) {
            NirNode syn = g.node(e.getKey().substring(e.getKey().indexOf('>') + 1));
            assertEquals("LI", syn.type());
            double[] tau = syn.parameter("tau").numbers();
            double[] rs = syn.parameter("r").numbers();
            for (int k = 0; k < s.size(); k++) {
                int t = s.target[k];
                double wij = e.getValue()[t * n + src[k]];
                if (wij == 0) {
                    continue;
                }
                double jumpA = wij * rs[t] / tau[t];
                double nirV = r[t] * jumpA * ExactLif.synapticKernel(0.006, tau[t], tauMem[t]);
                assertEquals(hrsnnPsp(net.parameters(), s, k, 6.0), nirV * 1e3, 1e-12 * Math.abs(nirV * 1e3),
                        "synapse " + k + " via " + syn.name());
                if (wij > 0) {
                    positive++;
                } else {
                    negative++;
                }
            }
        }
        assertTrue(positive > 0 && negative > 0, "both synapse nodes exercised");
        assertEquals(s.size(), positive + negative);
    }
}
