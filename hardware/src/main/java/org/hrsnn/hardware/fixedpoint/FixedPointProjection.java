package org.hrsnn.hardware.fixedpoint;

/**
 * One group of integer synapses sharing a weight exponent, sign mode and weight width: CSR by
 * source, rows {@code rowStart[j] .. rowStart[j+1]-1} hold {@code target[k]} (a neuron index of
 * the whole network) and {@code weight[k]} (integer, in the sign mode's range).
 *
 * <p>{@code sourceGroup} is -1 for recurrent synapses (sources are the network's neurons) or
 * the index of an input group (sources are its channels). In each step the weights of the sources
 * that spiked in the previous step are summed per target, the sum is shifted by
 * {@code weightExponent} ({@link FixedPointLif#applyWeightExponent}) and added to the target's
 * a_in; the hardware uses each weight truncated to {@code numWeightBits}
 * ({@link SignMode#truncate}).
 */
public record FixedPointProjection(String name, int sourceGroup, int sourceCount, int[] rowStart, int[] target,
                                   int[] weight, int weightExponent, SignMode signMode, int numWeightBits) {
    public static final int RECURRENT = -1;

    public boolean recurrent() {
        return sourceGroup == RECURRENT;
    }

    public int size() {
        return target.length;
    }

    /** The weights after truncation to numWeightBits, as the emulator uses them. */
    public int[] effectiveWeights(int weightBits) {
        int[] w = new int[weight.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = signMode.truncate(weight[k], weightBits, numWeightBits);
        }
        return w;
    }
}
