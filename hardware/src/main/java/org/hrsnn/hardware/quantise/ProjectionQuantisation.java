package org.hrsnn.hardware.quantise;

import org.hrsnn.hardware.fixedpoint.SignMode;

/**
 * The weights of one projection in integers, and how well they represent the real-valued target
 * weights (in units of the hardware input a_in, before the weight exponent).
 *
 * @param name            projection name ("exc->inh", "input:poisson->exc")
 * @param synapses        number of synapses
 * @param signMode        chosen from the signs of the float weights
 * @param numWeightBits   bits kept
 * @param weightExponent  the exponent with the least squared error
 * @param relativeRmsError sqrt(sum (q 2^e - w)^2 / sum w^2)
 * @param zeroed          nonzero float weights that became 0
 * @param clipped         weights beyond the largest representable value at the chosen exponent
 */
public record ProjectionQuantisation(String name, int synapses, SignMode signMode, int numWeightBits,
                                     int weightExponent, double relativeRmsError, int zeroed, int clipped) {

    /** Integer weights and the exponent: the result of {@link #quantise}. */
    public record Weights(int[] weight, int exponent, int numWeightBits, double relativeRmsError, int zeroed, int clipped,
                          double maxAbs, double representableMax) {
    }

    /**
     * {@link #quantise} at {@code maxBits}, then the fewest bits in [minBits, maxBits] whose best
     * exponent reaches the same error: weights that sit on a coarser grid need less memory.
     */
    public static Weights quantiseFewestBits(double[] w, SignMode mode, int weightBits, int maxBits, int minBits,
                                             int minExp, int maxExp) {
        Weights full = quantise(w, mode, weightBits, maxBits, minExp, maxExp);
        for (int b = minBits; b < maxBits; b++) {
            Weights fewer = quantise(w, mode, weightBits, b, minExp, maxExp);
            if (fewer.relativeRmsError() <= full.relativeRmsError() * (1 + 1e-9) + 1e-15) {
                return fewer;
            }
        }
        return full;
    }

    /**
     * Chooses the weight exponent in [minExp, maxExp] minimising sum (q 2^e - w)^2, where q is w / 2^e
     * rounded to the grid of {@code numWeightBits} (multiples of 2^k, k = weightBits - numWeightBits + mixed)
     * and clipped to the sign mode's range. Ties keep the smaller exponent.
     */
    public static Weights quantise(double[] w, SignMode mode, int weightBits, int numWeightBits, int minExp, int maxExp) {
        int step = 1 << mode.truncatedBits(weightBits, numWeightBits);
        int lo = (int) Math.ceil(mode.minWeight(weightBits) / (double) step) * step;
        int hi = Math.floorDiv(mode.maxWeight(weightBits), step) * step;
        double sumSq = 0;
        double maxAbs = 0;
        for (double x : w) {
            sumSq += x * x;
            maxAbs = Math.max(maxAbs, Math.abs(x));
        }
        int best = minExp;
        double bestErr = Double.POSITIVE_INFINITY;
        for (int e = minExp; e <= maxExp; e++) {
            double scale = Math.scalb(1.0, e);
            double err = 0;
            for (double x : w) {
                double q = grid(x / scale, step, lo, hi) * scale;
                err += (q - x) * (q - x);
            }
            if (err < bestErr) {
                bestErr = err;
                best = e;
            }
        }
        double scale = Math.scalb(1.0, best);
        int[] q = new int[w.length];
        int zeroed = 0;
        int clipped = 0;
        for (int k = 0; k < w.length; k++) {
            q[k] = grid(w[k] / scale, step, lo, hi);
            if (q[k] == 0 && w[k] != 0) {
                zeroed++;
            }
            double x = w[k] / scale;
            if (x > hi + step / 2.0 || x < lo - step / 2.0) {
                clipped++;
            }
        }
        double representableMax = Math.max(Math.abs(lo), Math.abs(hi)) * Math.scalb(1.0, maxExp);
        return new Weights(q, best, numWeightBits, sumSq == 0 ? 0 : Math.sqrt(bestErr / sumSq), zeroed, clipped, maxAbs, representableMax);
    }

    private static int grid(double x, int step, int lo, int hi) {
        long q = Math.round(x / step) * step;
        return (int) Math.max(lo, Math.min(hi, q));
    }
}
