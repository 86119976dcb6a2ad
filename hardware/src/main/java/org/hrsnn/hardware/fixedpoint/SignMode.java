package org.hrsnn.hardware.fixedpoint;

/**
 * How a projection's weights are signed (MODELS.md section 5, for W-bit weights, W = 8 on Loihi):
 * MIXED in [-2^W, 2^W - 1] (one bit goes to the sign), EXCITATORY in [0, 2^W - 1], INHIBITORY in
 * [-(2^W - 1), 0]. Truncation to n bits zeroes the k = W - n + (MIXED ? 1 : 0) low bits: an
 * arithmetic shift of the two's complement value for MIXED, a shift of the magnitude for the
 * single-sign modes (whose hardware stores magnitudes), so a truncated weight stays in range.
 */
public enum SignMode {
    MIXED, EXCITATORY, INHIBITORY;

    public int minWeight(int weightBits) {
        return switch (this) {
            case MIXED -> -(1 << weightBits);
            case EXCITATORY -> 0;
            case INHIBITORY -> -((1 << weightBits) - 1);
        };
    }

    public int maxWeight(int weightBits) {
        return this == INHIBITORY ? 0 : (1 << weightBits) - 1;
    }

    /** Number of low bits zeroed when keeping {@code numWeightBits} of {@code weightBits}. */
    public int truncatedBits(int weightBits, int numWeightBits) {
        return weightBits - numWeightBits + (this == MIXED ? 1 : 0);
    }

    /** The weight as the hardware uses it after truncation to {@code numWeightBits}. */
    public int truncate(int w, int weightBits, int numWeightBits) {
        int k = truncatedBits(weightBits, numWeightBits);
        if (this == MIXED) {
            return (w >> k) << k;
        }
        int m = Math.abs(w);
        m = (m >> k) << k;
        return w < 0 ? -m : m;
    }
}
