package org.hrsnn.pruning.lnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.random.Well19937c;
import org.hrsnn.pruning.TestNetworks;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.junit.jupiter.api.Test;

class BetweennessTest {
    static SynapseMatrix randomGraph(int n, double p, long seed) {
        Well19937c rng = new Well19937c(seed);
        int[] pre = new int[n * n];
        int[] post = new int[n * n];
        double[] w = new double[n * n];
        double[] d = new double[n * n];
        int c = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                if (i != j && rng.nextDouble() < p) {
                    pre[c] = j;
                    post[c] = i;
                    w[c++] = (rng.nextBoolean() ? 1 : -1) * (0.2 + rng.nextDouble());
                }
            }
        }
        return SynapseMatrix.fromEdges(n, n, pre, post, w, d, c);
    }

    @Test
    void primitiveBrandesAgreesWithJGraphT() {
        for (long seed = 1; seed <= 3; seed++) {
            SynapseMatrix s = randomGraph(40, 0.1, seed);
            double[] ours = BrandesBetweenness.ofSynapses(s);
            double[] ref = BetweennessNeuronPruner.jgraphtCentrality(s);
            assertArrayEquals(ref, ours, 1e-9);
        }
    }

    @Test
    void directedPathHasTheCountedValues() {
        // 0 -> 1 -> 2 -> 3: vertex 1 lies on (0,2), (0,3); vertex 2 on (0,3), (1,3).
        SynapseMatrix s = SynapseMatrix.fromEdges(4, 4, new int[] {0, 1, 2}, new int[] {1, 2, 3},
                new double[] {1, 1, 1}, new double[3], 3);
        assertArrayEquals(new double[] {0, 2, 2, 0}, BrandesBetweenness.ofSynapses(s), 1e-12);
        // Two equal shortest paths 0 -> 1 -> 3 and 0 -> 2 -> 3 share the credit.
        SynapseMatrix d = SynapseMatrix.fromEdges(4, 4, new int[] {0, 0, 1, 2}, new int[] {1, 2, 3, 3},
                new double[] {1, 1, 1, 1}, new double[4], 4);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0}, BrandesBetweenness.ofSynapses(d), 1e-12);
    }

    @Test
    void prunerRemovesTheLeastCentralNeuronsAndKeepsTheRestIntact() {
        Network net = TestNetworks.heterogeneous(50, 0.1, 4);
        BetweennessNeuronPruner.Outcome o = new BetweennessNeuronPruner().prune(net, 10);
        assertEquals(40, o.network().size());
        assertEquals(40, o.kept().length);
        double maxRemoved = Double.NEGATIVE_INFINITY;
        double minKept = Double.POSITIVE_INFINITY;
        boolean[] kept = new boolean[50];
        for (int i : o.kept()) {
            kept[i] = true;
            minKept = Math.min(minKept, o.centrality()[i]);
        }
        for (int i = 0; i < 50; i++) {
            if (!kept[i]) {
                maxRemoved = Math.max(maxRemoved, o.centrality()[i]);
            }
        }
        assertEquals(true, maxRemoved <= minKept);
        // Every synapse between kept neurons survives with its weight.
        SynapseMatrix s = net.synapses();
        int expected = 0;
        for (int j = 0; j < 50; j++) {
            for (int k = s.rowStart[j]; k < s.rowStart[j + 1]; k++) {
                if (kept[j] && kept[s.target[k]]) {
                    expected++;
                }
            }
        }
        assertEquals(expected, o.network().synapses().size());
        assertEquals(net.parameters().membraneTau[o.kept()[5]], o.network().parameters().membraneTau[5]);
        int total = o.network().populations().stream().mapToInt(p -> p.size()).sum();
        assertEquals(40, total);
    }

    @Test
    void tooSmallANetworkIsAClearError() {
        Network net = TestNetworks.heterogeneous(5, 0.5, 4);
        assertThrows(InvalidInputException.class, () -> new BetweennessNeuronPruner().prune(net, 4));
    }
}
