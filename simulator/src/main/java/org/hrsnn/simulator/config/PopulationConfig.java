package org.hrsnn.simulator.config;

import java.util.EnumMap;
import java.util.Map;
import org.hrsnn.simulator.network.DaleSign;
import org.hrsnn.simulator.network.NeuronModel;
import org.hrsnn.simulator.network.NeuronParameter;
import org.hrsnn.simulator.network.PopulationSpec;
import org.hrsnn.simulator.random.ParameterDistribution;

/**
 * One population of a configuration: name, size, model (LIF or ALIF), Dale sign, and the
 * per-neuron parameters that differ from the defaults of {@link NeuronParameter}, each a
 * constant or a distribution (ms, mV, MOhm, nA as documented there).
 */
public record PopulationConfig(String name, int size, NeuronModel model, DaleSign sign,
                               Map<NeuronParameter, ParameterDistribution> parameters) {
    public PopulationConfig {
        EnumMap<NeuronParameter, ParameterDistribution> copy = new EnumMap<>(NeuronParameter.class);
        copy.putAll(parameters);
        parameters = java.util.Collections.unmodifiableMap(copy);
    }

    /** The builder spec this population describes. */
    public PopulationSpec toSpec() {
        PopulationSpec spec = model == NeuronModel.ALIF ? PopulationSpec.alif(name, size) : PopulationSpec.lif(name, size);
        spec.sign(sign);
        parameters.forEach(spec::set);
        return spec;
    }
}
