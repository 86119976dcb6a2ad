package org.hrsnn.hardware.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

class StochasticRounderTest {

    /** Mean of N roundings of x is x within 5 standard errors (sd of one rounding: sqrt(f (1 - f))). */
    @Test
    void stochasticRoundingIsUnbiased() {
        StochasticRounder r = new StochasticRounder(true, new RandomStreams(7), "test/rounding");
        int n = 200_000;
        for (double x : new double[] {0.3, -0.3, 2.75, -5.01, 0.999}) {
            double f = x - Math.floor(x);
            double sum = 0;
            for (int k = 0; k < n; k++) {
                long v = r.round(x);
                assertTrue(v == Math.floor(x) || v == Math.ceil(x), "only floor or ceil");
                sum += v;
            }
            double se = Math.sqrt(f * (1 - f) / n);
            assertEquals(x, sum / n, 5 * se + 1e-12, "mean rounding of " + x);
        }
        // shifts: 13 / 8 = 1.625, -13 / 8 = -1.625
        for (long x : new long[] {13, -13}) {
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += r.roundShift(x, 3);
            }
            assertEquals(x / 8.0, sum / n, 5 * Math.sqrt(0.625 * 0.375 / n));
        }
        assertEquals(40, r.roundShift(5, -3), "a negative shift is an exact left shift");
    }

    @Test
    void reproducibleFromTheSeedAndStreamName() {
        long[] a = draws(new StochasticRounder(true, new RandomStreams(3), "s"));
        long[] b = draws(new StochasticRounder(true, new RandomStreams(3), "s"));
        long[] c = draws(new StochasticRounder(true, new RandomStreams(4), "s"));
        long[] d = draws(new StochasticRounder(true, new RandomStreams(3), "other"));
        assertTrue(Arrays.equals(a, b));
        assertFalse(Arrays.equals(a, c));
        assertFalse(Arrays.equals(a, d));
    }

    @Test
    void nearestModeIsDeterministicRoundHalfUp() {
        StochasticRounder r = new StochasticRounder(false, new RandomStreams(1), "s");
        assertEquals(0, r.round(0.49));
        assertEquals(1, r.round(0.5));
        assertEquals(-1, r.round(-0.51));
        assertEquals(2, r.roundShift(12, 3)); // 1.5 -> 2
        assertEquals(1, r.roundShift(11, 3)); // 1.375 -> 1
        assertEquals(-1, r.roundShift(-12, 3)); // -1.5 -> -1 (ties up)
    }

    private static long[] draws(StochasticRounder r) {
        long[] v = new long[64];
        for (int k = 0; k < v.length; k++) {
            v[k] = r.round(0.5) + 2 * r.roundShift(3, 2);
        }
        return v;
    }
}
