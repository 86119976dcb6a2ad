package org.hrsnn.pruning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class ImportanceSamplerTest {
    @Test
    void probabilitiesSumToTheTargetAreProportionalAndClipped() {
        double[] s = {10, 1, 2, 3, 0, 0.5, 4, 100};
        double[] p = ImportanceSampler.probabilities(s, 4);
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        assertEquals(4.0, sum, 1e-9);
        assertEquals(1.0, p[7]);
        assertEquals(0.0, p[4]);
        // Unclipped probabilities are proportional to the scores.
        assertEquals(p[1] / 1.0, p[2] / 2.0, 1e-9);
        assertEquals(p[1] / 1.0, p[5] / 0.5, 1e-9);
        for (double v : p) {
            assertTrue(v >= 0 && v <= 1);
        }
    }

    @Test
    void reweightingIsUnbiasedAndTheCountHitsTheTargetOnAverage() {
        double[] s = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] w = {1, -2, 3, -4, 5, -6, 7, -8, 9, -10};
        int trials = 20000;
        double[] meanW = new double[s.length];
        double count = 0;
        Well19937c rng = new Well19937c(1);
        for (int t = 0; t < trials; t++) {
            ImportanceSampler.Sample smp = ImportanceSampler.sample(s, 4, rng);
            double[] rw = ImportanceSampler.reweight(w, smp);
            count += smp.count();
            for (int k = 0; k < s.length; k++) {
                meanW[k] += smp.keep()[k] ? rw[k] : 0;
            }
        }
        assertEquals(4.0, count / trials, 0.05);
        for (int k = 0; k < s.length; k++) {
            assertEquals(w[k], meanW[k] / trials, 0.1 * Math.abs(w[k]), "synapse " + k);
        }
    }

    @Test
    void fewerPositiveScoresThanTheTargetKeepsThemAll() {
        double[] p = ImportanceSampler.probabilities(new double[] {0, 3, 0, 1}, 3);
        assertEquals(0.0, p[0]);
        assertEquals(1.0, p[1]);
        assertEquals(1.0, p[3]);
    }
}
