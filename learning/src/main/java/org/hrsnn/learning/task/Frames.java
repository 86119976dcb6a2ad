package org.hrsnn.learning.task;

import org.apache.commons.math3.random.RandomGenerator;

/** Helpers that write Poisson spike frames into an input array. */
final class Frames {
    private Frames() {
    }

    /** Channels [c0, c0 + count) fire with rate hz during steps [t0, t1) (probability hz dt per step). */
    static void poisson(double[][] x, int c0, int count, int t0, int t1, double hz, double dtMs, RandomGenerator g) {
        double p = hz * dtMs / 1000;
        for (int t = Math.max(0, t0); t < Math.min(x.length, t1); t++) {
            for (int c = c0; c < c0 + count; c++) {
                if (g.nextDouble() < p) {
                    x[t][c] = 1;
                }
            }
        }
    }

    static int steps(double ms, double dtMs) {
        return (int) Math.round(ms / dtMs);
    }
}
