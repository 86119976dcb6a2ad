package org.hrsnn.hardware.emulator;

import org.hrsnn.hardware.fixedpoint.SpikeRaster;

/**
 * What a bit-exact run produced: the spikes (step, neuron) and the operation counts the budget
 * needs. Per-core counts are indexed [step * cores + core] and are empty for an unmapped network.
 *
 * @param spikes              output spikes on the step grid
 * @param synapticOps         synapse deliveries (one synapse carrying one spike), recurrent and input
 * @param activeUpdates       neuron updates with synaptic input, nonzero u or v, or a nonzero bias
 * @param inactiveUpdates     the other neuron updates
 * @param cores               number of cores of the mapping (0 if unmapped)
 * @param coreSynapticOps     synaptic ops per step and target core
 * @param coreActiveUpdates   active neuron updates per step and core
 * @param coreNeurons         neurons per core
 */
public record EmulatorResult(SpikeRaster spikes, long synapticOps, long activeUpdates, long inactiveUpdates,
                             int cores, int[] coreSynapticOps, int[] coreActiveUpdates, int[] coreNeurons) {
    public int steps() {
        return spikes.steps;
    }
}
