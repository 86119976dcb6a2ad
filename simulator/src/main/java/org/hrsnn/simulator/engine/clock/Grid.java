package org.hrsnn.simulator.engine.clock;

/** Mapping continuous times (ms) to the step grid t_m = m dt. */
final class Grid {
    /** Relative tolerance that absorbs rounding in t / dt (0.3 / 0.1 = 2.9999999999999996). */
    private static final double TOLERANCE = 1e-10;

    private Grid() {
    }

    /** The first grid boundary index m with m dt >= t (a time within rounding of a boundary counts as on it). */
    static long boundaryAtOrAfter(double t, double dt) {
        double q = t / dt;
        return (long) Math.ceil(q - TOLERANCE * Math.max(1.0, Math.abs(q)));
    }

    /** round(x / dt) with halves rounded up, a ratio within rounding of a half counting as the half. */
    static long roundSteps(double x, double dt) {
        double q = x / dt;
        return (long) Math.floor(q + 0.5 + TOLERANCE * Math.max(1.0, Math.abs(q)));
    }

    /** The number of steps that covers {@code durationMs}: ceil(duration / dt), up to rounding. */
    static long stepsFor(double durationMs, double dt) {
        return Math.max(1, boundaryAtOrAfter(durationMs, dt));
    }

    /** For each of the CSR rows, where each worker's target range begins: seg[row * (W+1) + w]. */
    static int[] rangeSegments(int rows, int[] rowStart, int[] target, int[] rangeStart) {
        int w = rangeStart.length - 1;
        int[] seg = new int[rows * (w + 1)];
        for (int j = 0; j < rows; j++) {
            int lo = rowStart[j];
            int hi = rowStart[j + 1];
            int k = lo;
            for (int r = 0; r < w; r++) {
                // rows are sorted by target, so each worker's synapses are one contiguous segment
                while (k < hi && target[k] < rangeStart[r]) {
                    k++;
                }
                seg[j * (w + 1) + r] = k;
            }
            seg[j * (w + 1) + w] = hi;
        }
        return seg;
    }
}
