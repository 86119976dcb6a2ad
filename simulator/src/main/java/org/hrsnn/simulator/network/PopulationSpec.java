package org.hrsnn.simulator.network;

import java.util.EnumMap;
import java.util.Map;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.ParameterDistribution;

/**
 * A population to be built: name, size, model, Dale sign, and one distribution per neuron
 * parameter (defaults from {@link NeuronParameter}).
 */
public final class PopulationSpec {
    private final String name;
    private final int size;
    private NeuronModel model = NeuronModel.LIF;
    private DaleSign sign = DaleSign.MIXED;
    private final Map<NeuronParameter, ParameterDistribution> distributions = new EnumMap<>(NeuronParameter.class);

    public PopulationSpec(String name, int size) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("population.name", name, "a non-empty name");
        }
        this.name = name;
        this.size = Check.positive("population '" + name + "'.size", size);
    }

    public static PopulationSpec lif(String name, int size) {
        return new PopulationSpec(name, size);
    }

    public static PopulationSpec alif(String name, int size) {
        return new PopulationSpec(name, size).model(NeuronModel.ALIF)
                .set(NeuronParameter.ADAPTATION_STRENGTH, ParameterDistribution.constant(1.0));
    }

    public PopulationSpec model(NeuronModel m) {
        this.model = m;
        return this;
    }

    public PopulationSpec sign(DaleSign s) {
        this.sign = s;
        return this;
    }

    public PopulationSpec excitatory() {
        return sign(DaleSign.EXCITATORY);
    }

    public PopulationSpec inhibitory() {
        return sign(DaleSign.INHIBITORY);
    }

    public PopulationSpec set(NeuronParameter p, ParameterDistribution d) {
        distributions.put(p, d);
        return this;
    }

    public PopulationSpec set(NeuronParameter p, double constant) {
        return set(p, ParameterDistribution.constant(constant));
    }

    public String name() {
        return name;
    }

    public int size() {
        return size;
    }

    public NeuronModel model() {
        return model;
    }

    public DaleSign sign() {
        return sign;
    }

    public ParameterDistribution distribution(NeuronParameter p) {
        ParameterDistribution d = distributions.get(p);
        return d != null ? d : ParameterDistribution.constant(p.defaultValue());
    }
}
