package org.hrsnn.hardware.preset;

/**
 * What a chip offers for on-chip learning (the {@code onChipLearning} section of a preset).
 *
 * @param traceBits          width of every stored learning trace (signed two's complement)
 * @param weightBits         width of a learned weight (signed, [-2^(b-1), 2^(b-1) - 1])
 * @param accumulatorBits    width of the per-synapse weight-update accumulator (signed)
 * @param maxEpochSteps      the longest learning epoch: weights are updated every E steps, E in [1, this]
 * @param stochasticRounding whether weight updates (and trace products) round stochastically
 */
public record OnChipLearning(int traceBits, int weightBits, int accumulatorBits, int maxEpochSteps,
                             boolean stochasticRounding) {
}
