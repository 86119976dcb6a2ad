package org.hrsnn.pruning.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.random.Well19937c;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.PruningStrategies;
import org.hrsnn.pruning.PruningStrategy;
import org.hrsnn.pruning.TestNetworks;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

class BaselinesTest {
    private static final Network NET = TestNetworks.heterogeneous(80, 0.15, 12);

    /** (source, target) -> weight. */
    static Map<Long, Double> edges(SynapseMatrix s) {
        Map<Long, Double> m = new HashMap<>();
        int[] src = s.sourceIndices();
        for (int k = 0; k < s.size(); k++) {
            m.put((long) src[k] * 100000 + s.target[k], s.weight[k]);
        }
        return m;
    }

    @Test
    void randomKeepsAnExactRandomSubsetReproducibly() {
        PruningResult a = new RandomPruning().prune(NET, 0.3, new RandomStreams(5));
        PruningResult b = new RandomPruning().prune(NET, 0.3, new RandomStreams(5));
        PruningResult c = new RandomPruning().prune(NET, 0.3, new RandomStreams(6));
        int target = (int) Math.round(0.3 * NET.synapses().size());
        assertEquals(target, a.network().synapses().size());
        assertArrayEquals(a.network().synapses().target, b.network().synapses().target);
        assertTrue(!edges(a.network().synapses()).equals(edges(c.network().synapses())));
        Map<Long, Double> all = edges(NET.synapses());
        edges(a.network().synapses()).forEach((k, w) -> assertEquals(all.get(k), w));
    }

    @Test
    void magnitudeKeepsTheStrongest() {
        SynapseMatrix s = new MagnitudePruning().apply(NET, 0.4, new RandomStreams(1)).synapses();
        Map<Long, Double> kept = edges(s);
        double minKept = kept.values().stream().mapToDouble(Math::abs).min().orElseThrow();
        edges(NET.synapses()).forEach((k, w) -> {
            if (!kept.containsKey(k)) {
                assertTrue(Math.abs(w) <= minKept);
            }
        });
    }

    @Test
    void activityRemovesTheLeastActiveNeuronsAndSynapses() {
        ActivityPruning ap = new ActivityPruning(null, null, 0.25);
        double[] rate = new ActivityPruning().rates(NET);
        PruningResult r = ap.prune(NET, 0.3, new RandomStreams(1));
        assertEquals(60, r.network().size());
        double minKeptRate = Double.POSITIVE_INFINITY;
        boolean[] kept = new boolean[80];
        for (int i : r.keptNeurons()) {
            kept[i] = true;
            minKeptRate = Math.min(minKeptRate, rate[i]);
        }
        for (int i = 0; i < 80; i++) {
            if (!kept[i]) {
                assertTrue(rate[i] <= minKeptRate);
            }
        }
        assertTrue(r.network().synapses().size() <= (int) Math.round(0.3 * NET.synapses().size()));
    }

    @Test
    void noisePruningHitsTheTargetInExpectationAndKeepsSigns() {
        int target = (int) Math.round(0.4 * NET.synapses().size());
        SynapseMatrix s = new NoisePruning().apply(NET, 0.4, new RandomStreams(3)).synapses();
        assertEquals(target, s.size(), 4 * Math.sqrt(target));
        Map<Long, Double> all = edges(NET.synapses());
        edges(s).forEach((k, w) -> {
            assertEquals(Math.signum(all.get(k)), Math.signum(w));
            assertTrue(Math.abs(w) >= Math.abs(all.get(k)) - 1e-12); // divided by p <= 1
        });
    }

    @Test
    void effectiveResistanceMatchesThePseudoInverseAndFoster() {
        SynapseMatrix s = NET.synapses();
        double[] r = EffectiveResistance.ofSynapses(s);
        DMatrixRMaj l = EffectiveResistance.laplacian(s);
        DMatrixRMaj pinv = new DMatrixRMaj(80, 80);
        CommonOps_DDRM.pinv(l, pinv);
        int[] src = s.sourceIndices();
        for (int k = 0; k < s.size(); k += 7) {
            int i = s.target[k];
            int j = src[k];
            if (i == j) {
                continue;
            }
            double ref = pinv.get(i, i) + pinv.get(j, j) - 2 * pinv.get(i, j);
            assertEquals(ref, r[k], 1e-8 * ref);
        }
        // Foster's theorem on the undirected graph: sum over edges of w_e R_e = N - components.
        double foster = 0;
        for (int a = 0; a < 80; a++) {
            for (int b = a + 1; b < 80; b++) {
                double w = -l.get(a, b);
                if (w > 0) {
                    foster += w * (pinv.get(a, a) + pinv.get(b, b) - 2 * pinv.get(a, b));
                }
            }
        }
        int comps = 0;
        for (int c : EffectiveResistance.components(s)) {
            comps = Math.max(comps, c + 1);
        }
        assertEquals(80 - comps, foster, 1e-6);
    }

    @Test
    void seriesResistorsAdd() {
        // Path 0 - 1 - 2 with conductances 2 and 4: R(0,1) = 1/2, R(1,2) = 1/4.
        SynapseMatrix s = SynapseMatrix.fromEdges(3, 3, new int[] {0, 1}, new int[] {1, 2},
                new double[] {2, -4}, new double[2], 2);
        assertArrayEquals(new double[] {0.5, 0.25}, EffectiveResistance.ofSynapses(s), 1e-12);
    }

    @Test
    void spectralSparsifierPreservesTheLaplacianQuadraticForm() {
        Network dense = TestNetworks.heterogeneous(60, 0.6, 2);
        SynapseMatrix s = new SpectralSparsification().apply(dense, 0.5, new RandomStreams(4)).synapses();
        DMatrixRMaj l0 = EffectiveResistance.laplacian(dense.synapses());
        DMatrixRMaj l1 = EffectiveResistance.laplacian(s);
        Well19937c rng = new Well19937c(8);
        for (int t = 0; t < 20; t++) {
            DMatrixRMaj x = new DMatrixRMaj(60, 1);
            for (int i = 0; i < 60; i++) {
                x.data[i] = rng.nextGaussian();
            }
            double q0 = quad(l0, x);
            double q1 = quad(l1, x);
            assertEquals(1.0, q1 / q0, 0.15, "probe " + t);
        }
    }

    static double quad(DMatrixRMaj l, DMatrixRMaj x) {
        DMatrixRMaj y = new DMatrixRMaj(l.numRows, 1);
        CommonOps_DDRM.mult(l, x, y);
        return CommonOps_DDRM.dot(x, y);
    }

    @Test
    void badDensityAndUnknownNamesAreClearErrors() {
        for (String name : PruningStrategies.names()) {
            PruningStrategy p = PruningStrategies.byName(name);
            assertEquals(name, p.name());
            for (double d : new double[] {0, -0.1, 1.5, Double.NaN}) {
                InvalidInputException e = assertThrows(InvalidInputException.class, () -> p.prune(NET, d, new RandomStreams(1)));
                assertEquals("targetDensity", e.field());
            }
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PruningStrategies.byName("optimal-brain-damage"));
        assertTrue(e.getMessage().contains("lnp"), e.getMessage());
    }
}
