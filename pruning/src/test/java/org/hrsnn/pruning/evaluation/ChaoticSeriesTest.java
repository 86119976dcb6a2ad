package org.hrsnn.pruning.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChaoticSeriesTest {
    static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    static double sd(double[] a) {
        double m = mean(a);
        double s = 0;
        for (double v : a) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / a.length);
    }

    @Test
    void lorenzHasItsKnownStatisticsAndFourthOrderIntegration() {
        double[] z = ChaoticSeries.lorenzZ(20000);
        assertEquals(23.5, mean(z), 1.0);
        double[] x = ChaoticSeries.lorenz(20000);
        assertTrue(Math.abs(mean(x)) < 2.0, "x is symmetric about 0: " + mean(x));
        for (double v : x) {
            assertTrue(Math.abs(v) < 25);
        }
        // RK4: halving the step cuts the error at a fixed time about 16-fold.
        double ref = ChaoticSeries.lorenz(1, 0.00025, 800, 0)[0];
        double e1 = Math.abs(ChaoticSeries.lorenz(1, 0.004, 50, 0)[0] - ref);
        double e2 = Math.abs(ChaoticSeries.lorenz(1, 0.002, 100, 0)[0] - ref);
        assertTrue(e1 / e2 > 10 && e1 / e2 < 24, "error ratio " + e1 / e2);
    }

    @Test
    void mackeyGlassIsChaoticAtTau17AndSettlesAtItsFixedPointForShortDelay() {
        double[] x = ChaoticSeries.mackeyGlass(3000);
        for (double v : x) {
            assertTrue(v > 0.2 && v < 1.5, "value " + v);
        }
        assertTrue(sd(x) > 0.15, "sd " + sd(x));
        // beta / gamma = 2 and n = 10: the fixed point is x* = 1, stable for a short delay.
        double[] calm = ChaoticSeries.mackeyGlass(300, 2.0);
        assertEquals(1.0, calm[299], 1e-3);
    }

    @Test
    void rosslerIsBoundedAndOscillates() {
        double[] x = ChaoticSeries.rossler(5000);
        for (double v : x) {
            assertTrue(Math.abs(v) < 15);
        }
        assertTrue(sd(x) > 2);
    }
}
