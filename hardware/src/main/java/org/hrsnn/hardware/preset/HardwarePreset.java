package org.hrsnn.hardware.preset;

import java.util.Optional;

/**
 * A neuromorphic target as data: neuron arithmetic, synapse format, core limits and (when known)
 * per-operation costs. Presets are YAML files (see {@link HardwarePresets}); the emulator,
 * quantiser, mapper and budget read everything chip-specific from here.
 *
 * @param name              short name ("loihi1", "xylo", "custom")
 * @param description       one line for summaries
 * @param neuron            integer neuron arithmetic
 * @param synapse           weight format
 * @param limits            what fits on a core and on the chip
 * @param refractoryDefault whether the quantiser maps refractory periods to a refractory count by
 *                          default (false for the Lava-compatible Loihi preset: Lava has none)
 * @param costs             energy and time per operation, or null when the chip publishes none
 * @param onChipLearning    trace, weight and accumulator widths of on-chip learning, or null when
 *                          the preset describes none
 */
public record HardwarePreset(String name, String description, NeuronFormat neuron, SynapseFormat synapse,
                             CoreLimits limits, boolean refractoryDefault, OperationCosts costs,
                             OnChipLearning onChipLearning) {

    /** A preset without on-chip learning (the form before the onChipLearning section existed). */
    public HardwarePreset(String name, String description, NeuronFormat neuron, SynapseFormat synapse,
                          CoreLimits limits, boolean refractoryDefault, OperationCosts costs) {
        this(name, description, neuron, synapse, limits, refractoryDefault, costs, null);
    }

    public Optional<OnChipLearning> learning() {
        return Optional.ofNullable(onChipLearning);
    }

    public Optional<OperationCosts> operationCosts() {
        return Optional.ofNullable(costs);
    }
}
