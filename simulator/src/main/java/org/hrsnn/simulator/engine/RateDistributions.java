package org.hrsnn.simulator.engine;

import java.util.Arrays;

/**
 * Two-sample comparison of per-neuron rate distributions (Kolmogorov-Smirnov), used to check
 * that two engines, or hrsnn and another simulator, produce the same population statistics on
 * different realisations where spike-by-spike agreement is not expected (chaotic networks).
 *
 * <p>The statistic is computed directly (ties allowed: rates are counts / duration, so many
 * values repeat; the test is then conservative).
 */
public final class RateDistributions {
    private RateDistributions() {
    }

    /** sup_x |F_a(x) - F_b(x)| of the two empirical distribution functions. */
    public static double ksStatistic(double[] a, double[] b) {
        double[] x = a.clone();
        double[] y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] <= v) {
                i++;
            }
            while (j < y.length && y[j] <= v) {
                j++;
            }
            d = Math.max(d, Math.abs(i / (double) x.length - j / (double) y.length));
        }
        return d;
    }

    /**
     * Asymptotic critical value of the two-sample KS statistic at level alpha:
     * sqrt(-ln(alpha / 2) / 2) sqrt((n + m) / (n m)).
     */
    public static double ksCritical(double alpha, int n, int m) {
        return Math.sqrt(-Math.log(alpha / 2) / 2) * Math.sqrt((n + m) / ((double) n * m));
    }
}
