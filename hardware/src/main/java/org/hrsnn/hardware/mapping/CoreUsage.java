package org.hrsnn.hardware.mapping;

/**
 * What one core holds and how full it is (fractions of the preset's per-core limits).
 *
 * @param core          core index
 * @param neurons       neurons placed on it
 * @param synapses      synapses whose target is on it (synaptic memory lives with the target)
 * @param synapseBits   memory used by those synapses (weight bits + overhead bits each)
 * @param inputAxons    distinct presynaptic sources (neurons or input channels) reaching it
 * @param outputAxons   distinct (source on this core, destination core) routes
 * @param prototypes    distinct decay prototypes on it
 */
public record CoreUsage(int core, int neurons, long synapses, long synapseBits, int inputAxons, int outputAxons,
                        int prototypes, double neuronFraction, double memoryFraction, double inputAxonFraction,
                        double outputAxonFraction, double prototypeFraction) {
}
