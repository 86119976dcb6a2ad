package org.hrsnn.hardware.preset;

/**
 * Synaptic weights of a chip: {@code weightBits}-bit weights with a sign mode (MODELS.md
 * section 5), truncated to a per-projection number of bits in [minWeightBits, weightBits], and a
 * per-projection weight exponent in [minWeightExponent, maxWeightExponent].
 *
 * @param weightBits         width of the weight register (8: mixed [-256, 255], excitatory [0, 255])
 * @param minWeightBits      fewest bits a projection may use
 * @param minWeightExponent  most negative weight exponent (arithmetic right shift of the input sum)
 * @param maxWeightExponent  largest weight exponent (left shift of the input sum)
 * @param overheadBitsPerSynapse memory bits per synapse beyond the weight (target index, format
 *                           header share): a model parameter of the memory budget, not a chip fact
 * @param maxDelaySteps      largest synaptic delay the chip supports (the emulator uses one step)
 */
public record SynapseFormat(int weightBits, int minWeightBits, int minWeightExponent, int maxWeightExponent,
                            int overheadBitsPerSynapse, int maxDelaySteps) {
}
