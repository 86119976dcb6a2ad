package org.hrsnn.pruning;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Keeps item k independently with probability p_k = min(1, c s_k) for scores s_k &gt;= 0, with c
 * set by bisection so that sum p_k equals the target count (the expected number kept); a kept
 * item's weight is divided by p_k, so every weight is unbiased, E[w'] = w. This is the
 * sampling of Spielman-Srivastava sparsification and of Moore-Chaudhuri noise pruning in its
 * independent (Bernoulli) form: the count kept is random with mean = target and variance
 * sum p (1 - p). Items with score 0 are never kept; if fewer than the target have a positive
 * score, all of those are kept with p = 1.
 */
public final class ImportanceSampler {
    private ImportanceSampler() {
    }

    /** Kept mask and the probability of every item. */
    public record Sample(boolean[] keep, double[] probability) {
        public int count() {
            int c = 0;
            for (boolean b : keep) {
                if (b) {
                    c++;
                }
            }
            return c;
        }
    }

    public static double[] probabilities(double[] scores, int target) {
        int n = scores.length;
        double[] p = new double[n];
        int positive = 0;
        double max = 0;
        for (double s : scores) {
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("scores must be finite and >= 0, got " + s);
            }
            if (s > 0) {
                positive++;
                max = Math.max(max, s);
            }
        }
        if (target <= 0 || positive == 0) {
            return p;
        }
        if (target >= positive) {
            for (int k = 0; k < n; k++) {
                p[k] = scores[k] > 0 ? 1 : 0;
            }
            return p;
        }
        // sum min(1, c s) is increasing in c: bisect on log c between c = 0 and c = 1/min positive.
        double lo = 0;
        double hi = 1.0 / minPositive(scores);
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            double sum = 0;
            for (double s : scores) {
                sum += Math.min(1, mid * s);
            }
            if (sum < target) {
                lo = mid;
            } else {
                hi = mid;
            }
            if (hi - lo <= 1e-15 * hi) {
                break;
            }
        }
        for (int k = 0; k < n; k++) {
            p[k] = Math.min(1, hi * scores[k]);
        }
        return p;
    }

    public static Sample sample(double[] scores, int target, RandomGenerator rng) {
        double[] p = probabilities(scores, target);
        boolean[] keep = new boolean[p.length];
        for (int k = 0; k < p.length; k++) {
            // One draw per item, whatever p is, so items do not shift each other's draws.
            double u = rng.nextDouble();
            keep[k] = u < p[k];
        }
        return new Sample(keep, p);
    }

    /** w_k / p_k for kept items (unbiased reweighting), w_k otherwise. */
    public static double[] reweight(double[] weight, Sample s) {
        double[] out = weight.clone();
        for (int k = 0; k < out.length; k++) {
            if (s.keep()[k]) {
                out[k] = weight[k] / s.probability()[k];
            }
        }
        return out;
    }

    private static double minPositive(double[] s) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : s) {
            if (v > 0) {
                m = Math.min(m, v);
            }
        }
        return m;
    }
}
