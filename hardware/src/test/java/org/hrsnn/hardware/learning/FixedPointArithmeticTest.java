package org.hrsnn.hardware.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

class FixedPointArithmeticTest {

    @Test
    void saturationCornersOfSignedWidths() {
        assertEquals(63, FixedPointArithmetic.maxSigned(7));
        assertEquals(-64, FixedPointArithmetic.minSigned(7));
        assertEquals(63, FixedPointArithmetic.saturate(64, 7));
        assertEquals(63, FixedPointArithmetic.saturate(63, 7));
        assertEquals(-64, FixedPointArithmetic.saturate(-64, 7));
        assertEquals(-64, FixedPointArithmetic.saturate(-65, 7));
        assertEquals(Integer.MAX_VALUE, FixedPointArithmetic.saturate(Long.MAX_VALUE / 2, 32));
        assertEquals(Integer.MIN_VALUE, FixedPointArithmetic.saturate(Long.MIN_VALUE / 2, 32));
        assertEquals(32767, FixedPointArithmetic.saturate(40000, 16));
        assertThrows(InvalidInputException.class, () -> FixedPointArithmetic.maxSigned(1));
    }

    /** Multiply-shift decay to nearest is within half an LSB of the real product, at both ends of the range. */
    @Test
    void integerDecayToNearestIsWithinHalfAnLsb() {
        int m = 12;
        long alpha = FixedPointArithmetic.multiplier(Math.exp(-1 / 20.0), m);
        assertEquals(3896, alpha);
        StochasticRounder nearest = new StochasticRounder(false, new RandomStreams(1), "t");
        for (long x : new long[] {0, 1, -1, 63, -64, 32767, -32768, 1000}) {
            long d = nearest.roundShift(x * alpha, m);
            double exact = x * (double) alpha / 4096;
            assertTrue(Math.abs(d - exact) <= 0.5, x + " -> " + d + " vs " + exact);
            assertTrue(Math.abs(d) <= Math.abs(x), "a decay never grows the magnitude");
            assertEquals(FixedPointArithmetic.roundShiftNearest(x * alpha, m), d);
        }
        assertEquals(0, nearest.roundShift(0, m));
    }

    /**
     * The corner that makes stochastic rounding necessary for long time constants: with rho close to
     * 1, decay to nearest never moves a small trace (x rho rounds back to x), stochastic decay follows
     * rho^t on average.
     */
    @Test
    void slowDecayStallsToNearestButNotStochastically() {
        int m = 12;
        long rho = FixedPointArithmetic.multiplier(Math.exp(-1 / 2000.0), m);
        StochasticRounder nearest = new StochasticRounder(false, new RandomStreams(1), "t");
        long x = 20;
        for (int t = 0; t < 1000; t++) {
            x = nearest.roundShift(x * rho, m);
        }
        assertEquals(20, x);
        StochasticRounder stoch = new StochasticRounder(true, new RandomStreams(2), "t");
        int runs = 2000;
        double mean = 0;
        for (int r = 0; r < runs; r++) {
            long y = 20;
            for (int t = 0; t < 1000; t++) {
                y = stoch.roundShift(y * rho, m);
            }
            mean += y / (double) runs;
        }
        double expected = 20 * Math.pow(rho / 4096.0, 1000);
        assertEquals(expected, mean, 0.3, "stochastic decay follows rho^t on average");
        assertNotEquals(20, Math.round(mean));
    }
}
