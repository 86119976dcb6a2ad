package org.hrsnn.simulator.util;

import java.util.Arrays;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/** Pearson correlation with one stated convention for the degenerate cases. */
public final class Correlation {
    private Correlation() {
    }

    /**
     * Pearson's r (Commons Math). Identical arrays give 1 (also when constant); otherwise, if
     * either side is constant or there are fewer than two samples, r is undefined: NaN.
     */
    public static double pearson(double[] a, double[] b) {
        if (Arrays.equals(a, b)) {
            return 1.0;
        }
        if (a.length < 2) {
            return Double.NaN;
        }
        return new PearsonsCorrelation().correlation(a, b);
    }

    /** {@link #pearson(double[], double[])} of integer samples (spike counts). */
    public static double pearson(int[] a, int[] b) {
        return pearson(Arrays.stream(a).asDoubleStream().toArray(), Arrays.stream(b).asDoubleStream().toArray());
    }
}
