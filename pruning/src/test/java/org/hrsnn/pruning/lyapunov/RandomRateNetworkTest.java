package org.hrsnn.pruning.lyapunov;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** Sompolinsky, Crisanti and Sommers 1988: the largest exponent crosses zero near g = 1. */
class RandomRateNetworkTest {
    static double largest(double g) {
        RandomStreams s = new RandomStreams(7);
        RandomRateNetwork f = new RandomRateNetwork(300, g, 0.1, s.stream("J"));
        double[] x0 = new double[300];
        var rng = s.stream("x0");
        for (int i = 0; i < x0.length; i++) {
            x0[i] = rng.nextGaussian();
        }
        return LyapunovSpectrum.compute(f, x0, LyapunovOptions.of(1, 2000, 4000), s.stream("q")).largest();
    }

    @Test
    void largestExponentCrossesZeroNearGainOne() {
        // Below g = 1 the zero fixed point is stable and lambda_max = g Re(eig_max J) - 1 ~ g - 1.
        double g08 = largest(0.8);
        double g09 = largest(0.9);
        assertTrue(Math.abs(g08 - (0.8 - 1)) < 0.03, "g = 0.8: " + g08);
        assertTrue(Math.abs(g09 - (0.9 - 1)) < 0.03, "g = 0.9: " + g09);
        // Above it the trajectory leaves the fixed point (lambda_max >= 0 for any bounded
        // non-stationary orbit, up to finite-time error) and becomes chaotic.
        double g11 = largest(1.1);
        double g20 = largest(2.0);
        assertTrue(g11 > -0.01, "g = 1.1 should not be contracting, got " + g11);
        assertTrue(g20 > 0.02, "g = 2.0 should be chaotic, got " + g20);
    }

    public static void main(String[] a) {
        for (double g : new double[] {0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.5, 2.0}) {
            System.out.println(g + " " + largest(g));
        }
    }
}
