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
 */
public record HardwarePreset(String name, String description, NeuronFormat neuron, SynapseFormat synapse,
                             CoreLimits limits, boolean refractoryDefault, OperationCosts costs) {

    public Optional<OperationCosts> operationCosts() {
        return Optional.ofNullable(costs);
    }
}
