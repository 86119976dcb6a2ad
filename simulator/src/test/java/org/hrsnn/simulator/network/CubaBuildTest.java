package org.hrsnn.simulator.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrsnn.simulator.benchmark.Cuba;
import org.junit.jupiter.api.Test;

class CubaBuildTest {

    @Test
    void synapseCountIsBinomialAroundPNSquared() {
        int n = 2000;
        Network net = Cuba.network(n, 7, false);
        double mean = Cuba.CONNECTION_PROBABILITY * n * n;
        double sd = Math.sqrt(mean * (1 - Cuba.CONNECTION_PROBABILITY));
        assertEquals(mean, net.synapses().size(), 5 * sd, "synapse count should be Binomial(N^2, p)");
    }

    @Test
    void daleSignsFollowThePresynapticPopulation() {
        Network net = Cuba.network(500, 3, false);
        SynapseMatrix s = net.synapses();
        int ne = net.population("exc").size();
        for (int j = 0; j < s.sources; j++) {
            for (int k = s.rowStart[j]; k < s.rowStart[j + 1]; k++) {
                assertEquals(j < ne ? Cuba.EXCITATORY_WEIGHT : Cuba.INHIBITORY_WEIGHT, s.weight[k]);
                if (k > s.rowStart[j]) {
                    assertTrue(s.target[k] >= s.target[k - 1], "rows sorted by target");
                }
            }
        }
    }

    @Test
    void heterogeneousTimeConstantsStayWithinTenPercentAndDiffer() {
        Network net = Cuba.network(1000, 11, true);
        double[] tm = net.parameters().membraneTau;
        double min = Double.MAX_VALUE;
        double max = 0;
        for (double t : tm) {
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        assertTrue(min >= 18 && max <= 22, "tau_m in [0.9, 1.1] x 20 ms");
        assertTrue(max - min > 3, "uniform spread should nearly fill the interval");
    }

    @Test
    void sameSeedSameNetworkDifferentSeedDifferent() {
        Network a = Cuba.network(800, 5, true);
        Network b = Cuba.network(800, 5, true);
        Network c = Cuba.network(800, 6, true);
        assertArrayEquals(a.synapses().target, b.synapses().target);
        assertArrayEquals(a.parameters().membraneTau, b.parameters().membraneTau);
        assertTrue(a.synapses().size() != c.synapses().size()
                || !java.util.Arrays.equals(a.synapses().target, c.synapses().target));
    }

    @Test
    void fixedInDegreeVariantGivesEightyInputsSplitLikeCuba() {
        Network net = Cuba.fixedInDegree(1000, 2, false, 80);
        SynapseMatrix s = net.synapses();
        int[] fromExc = new int[net.size()];
        int[] fromInh = new int[net.size()];
        int ne = net.population("exc").size();
        for (int j = 0; j < s.sources; j++) {
            for (int k = s.rowStart[j]; k < s.rowStart[j + 1]; k++) {
                if (j < ne) {
                    fromExc[s.target[k]]++;
                } else {
                    fromInh[s.target[k]]++;
                }
            }
        }
        for (int i = 0; i < net.size(); i++) {
            assertEquals(64, fromExc[i], "excitatory inputs of neuron " + i);
            assertEquals(16, fromInh[i], "inhibitory inputs of neuron " + i);
        }
    }
}
