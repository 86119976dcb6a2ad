package org.hrsnn.learning.gradient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.surrogate.Exponential;
import org.hrsnn.learning.surrogate.FastSigmoid;
import org.hrsnn.simulator.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Finite differences, SnAp-1 vs SnAp-2 accuracy, and the refusal of oversized exact RTRL. */
class ApproximationTest {
    @Test
    void bpttMatchesFiniteDifferencesOnTheSmoothVariant() {
        for (long seed = 20; seed < 22; seed++) {
            RecurrentSpikingModel m = Fixtures.smooth(Fixtures.model(4, 3, 0.6, true, seed),
                    seed % 2 == 0 ? new Exponential(0.3) : new FastSigmoid(0.3, 1.0));
            double[][] x = Fixtures.inputs(40, m.inputs, seed);
            double[][] y = Fixtures.targets(40, m.outputs, seed);
            double[] g = Fixtures.gradient(m, new Bptt(m), x, y, 5, null);
            double h = 1e-6;
            double worst = 0;
            for (int q = 0; q < m.parameterCount(); q++) {
                double[] plus = m.params.clone();
                double[] minus = m.params.clone();
                plus[q] += h;
                minus[q] -= h;
                double fd = (Fixtures.loss(m.withParams(plus), x, y, 5) - Fixtures.loss(m.withParams(minus), x, y, 5)) / (2 * h);
                worst = Math.max(worst, Math.abs(fd - g[q]) / Math.max(1, Math.abs(g[q])));
            }
            assertTrue(worst < 1e-5, "worst relative finite-difference error " + worst);
        }
    }

    @Test
    void snapTwoIsCloserToTheExactGradientThanSnapOneOnASparseNetwork() {
        double cos1 = 0;
        double cos2 = 0;
        int seeds = 6;
        for (long seed = 30; seed < 30 + seeds; seed++) {
            RecurrentSpikingModel m = Fixtures.model(20, 10, 0.08, false, seed);
            double[][] x = Fixtures.inputs(80, m.inputs, seed);
            double[][] y = Fixtures.targets(80, m.outputs, seed);
            double[] exact = Fixtures.gradient(m, new Bptt(m), x, y, 10, null);
            double[] s1 = Fixtures.gradient(m, new SnapOne(m), x, y, 10, null);
            double[] s2 = Fixtures.gradient(m, new SnapN(m, 2), x, y, 10, null);
            int p = m.stateParameters();
            cos1 += Fixtures.cosine(exact, s1, 0, p) / seeds;
            cos2 += Fixtures.cosine(exact, s2, 0, p) / seeds;
        }
        System.out.printf("cosine to exact gradient (recurrent + input weights), mean of %d seeds: SnAp-1 %.4f, SnAp-2 %.4f%n",
                seeds, cos1, cos2);
        assertTrue(cos2 > cos1, "SnAp-2 " + cos2 + " vs SnAp-1 " + cos1);
        assertTrue(cos1 > 0, "SnAp-1 points the right way on average: " + cos1);
    }

    @Test
    void exactRtrlRefusesANetworkTooLargeForTheMemoryLimitAndSaysHowMuchItNeeds() {
        RecurrentSpikingModel m = Fixtures.model(30, 0, 0.5, false, 40);
        long need = Rtrl.requiredBytes(m);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Rtrl(m, need - 1));
        assertTrue(e.getMessage().contains(Long.toString(need)), e.getMessage());
        new Rtrl(m, need);
    }

    @Test
    void snapOrderBelowOneIsRejected() {
        RecurrentSpikingModel m = Fixtures.model(3, 0, 0.5, false, 41);
        assertThrows(InvalidInputException.class, () -> new SnapN(m, 0));
    }

    @Test
    void truncatedBpttWithAWindowAsLongAsTheSequenceIsFullBptt() {
        RecurrentSpikingModel m = Fixtures.model(5, 3, 0.5, true, 42);
        double[][] x = Fixtures.inputs(30, m.inputs, 42);
        double[][] y = Fixtures.targets(30, m.outputs, 42);
        double[] full = Fixtures.gradient(m, new Bptt(m), x, y, 0, null);
        double[] same = Fixtures.gradient(m, new TruncatedBptt(m, 30), x, y, 0, null);
        double[] shorter = Fixtures.gradient(m, new TruncatedBptt(m, 7), x, y, 0, null);
        assertEquals(0, Fixtures.maxAbsDiff(full, same, 0, full.length), 1e-12);
        assertTrue(Fixtures.maxAbsDiff(full, shorter, 0, full.length) > 1e-6);
    }
}
