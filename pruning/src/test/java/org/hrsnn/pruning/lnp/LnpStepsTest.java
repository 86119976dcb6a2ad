package org.hrsnn.pruning.lnp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.random.Well19937c;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hrsnn.pruning.TestNetworks;
import org.hrsnn.pruning.noise.NoiseScores;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.junit.jupiter.api.Test;

class LnpStepsTest {

    @Test
    void lyapunovWeightsAreHarmonicMeansOverTheNeighbourhoods() {
        Network net = TestNetworks.heterogeneous(30, 0.15, 2);
        SynapseMatrix s = net.synapses();
        Well19937c rng = new Well19937c(3);
        double[] lambda = new double[30];
        for (int i = 0; i < 30; i++) {
            lambda[i] = -0.1 * rng.nextDouble();
        }
        double h = 20;
        double[] w = LyapunovMatrix.synapseWeights(s, lambda, h);
        // Brute force: the multiset union of the closed in/out neighbourhoods of both ends.
        int[] src = s.sourceIndices();
        for (int k = 0; k < s.size(); k++) {
            int j = src[k];
            int i = s.target[k];
            double sumInv = 0;
            int count = 0;
            for (int end : new int[] {i, j}) {
                sumInv += Math.exp(-lambda[end] * h);
                count++;
                for (int q = 0; q < s.size(); q++) {
                    if (src[q] == end) {
                        sumInv += Math.exp(-lambda[s.target[q]] * h);
                        count++;
                    }
                    if (s.target[q] == end) {
                        sumInv += Math.exp(-lambda[src[q]] * h);
                        count++;
                    }
                }
            }
            assertEquals(count / sumInv, w[k], 1e-12);
        }
        // Equal exponents: every weight is exp(lambda H).
        double[] same = new double[30];
        Arrays.fill(same, -0.01);
        for (double v : LyapunovMatrix.synapseWeights(s, same, h)) {
            assertEquals(Math.exp(-0.01 * h), v, 1e-12);
        }
    }

    @Test
    void noiseScoresWithIndependentUnitNoiseAreTwiceTheMagnitude() {
        Network net = TestNetworks.heterogeneous(20, 0.2, 2);
        double[] sc = NoiseScores.of(net.synapses(), CommonOps_DDRM.identity(20));
        int[] src = net.synapses().sourceIndices();
        for (int k = 0; k < sc.length; k++) {
            double w = net.synapses().weight[k];
            // An autapse compares the neuron with itself: |w| (2 - 2 sign(w)) C_ii.
            double expected = src[k] == net.synapses().target[k] ? Math.abs(w) * (2 - 2 * Math.signum(w)) : 2 * Math.abs(w);
            assertEquals(expected, sc[k], 1e-12);
        }
    }

    @Test
    void delocaliserTracksHeterogeneityExactlyAndRaisesIt() {
        Network net = TestNetworks.heterogeneous(60, 0.08, 6);
        double h0 = EigenvectorDelocaliser.heterogeneity(net.synapses());
        EigenvectorDelocaliser.Outcome o = new EigenvectorDelocaliser().delocalise(net, 25, 16, 3, new Well19937c(2));
        assertEquals(h0, o.heterogeneityBefore(), 1e-9 * h0);
        // The incremental bookkeeping equals a recomputation from scratch.
        assertEquals(EigenvectorDelocaliser.heterogeneity(o.network().synapses()), o.heterogeneityAfter(),
                1e-9 * o.heterogeneityAfter());
        assertTrue(o.added() > 0 && o.added() <= 25);
        assertTrue(o.heterogeneityAfter() > o.heterogeneityBefore());
        assertEquals(net.synapses().size() + o.added(), o.network().synapses().size());
        // Dale's law: every synapse from an excitatory neuron stays positive.
        SynapseMatrix s = o.network().synapses();
        int ne = o.network().population("exc").size();
        for (int j = 0; j < 60; j++) {
            for (int k = s.rowStart[j]; k < s.rowStart[j + 1]; k++) {
                assertEquals(j < ne, s.weight[k] > 0);
            }
        }
        assertTrue(o.iprBefore() >= 1.0 / 60 - 1e-12 && o.iprBefore() <= 1);
    }

    @Test
    void inverseParticipationRatioBounds() {
        double[] spread = new double[50];
        Arrays.fill(spread, 0.3);
        assertEquals(1.0 / 50, InverseParticipationRatio.of(spread), 1e-12);
        double[] one = new double[50];
        one[7] = -2;
        assertEquals(1.0, InverseParticipationRatio.of(one), 1e-12);
    }

    @Test
    void timescaleRetuningKeepsTheOrderAndHitsTheGammaLaw() {
        Network net = TestNetworks.heterogeneous(400, 0.02, 8);
        Network t = TimescaleBayesianOptimiser.retune(net, 3, 30);
        double[] a = net.parameters().membraneTau;
        double[] b = t.parameters().membraneTau;
        double mean = 0;
        for (int i = 0; i < 400; i++) {
            mean += b[i];
            for (int j = 0; j < 400; j += 37) {
                if (a[i] < a[j]) {
                    assertTrue(b[i] <= b[j]);
                }
            }
        }
        assertEquals(30, mean / 400, 0.5);
        assertEquals(net.parameters().excitatoryTau[3], t.parameters().excitatoryTau[3]);
    }
}
