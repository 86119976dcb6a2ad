package org.hrsnn.simulator.network;

import java.util.List;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.input.CurrentInjection;
import org.hrsnn.simulator.input.InputGroup;

/**
 * What a network is, apart from how it runs: populations, per-neuron parameters (structure of
 * arrays), recurrent synapses (CSR by presynaptic neuron), external inputs and injected
 * currents. Immutable by convention: engines, pruning strategies and quantisers read it and
 * build new descriptions; none of them writes its arrays.
 */
public final class Network {
    private final List<Population> populations;
    private final NeuronParameters parameters;
    private final SynapseMatrix synapses;
    private final List<InputGroup> inputs;
    private final List<CurrentInjection> currents;

    public Network(List<Population> populations, NeuronParameters parameters, SynapseMatrix synapses,
                   List<InputGroup> inputs, List<CurrentInjection> currents) {
        this.populations = List.copyOf(populations);
        this.parameters = parameters;
        this.synapses = synapses;
        this.inputs = List.copyOf(inputs);
        this.currents = List.copyOf(currents);
        int n = parameters.size;
        int covered = 0;
        for (Population p : this.populations) {
            if (p.start() != covered) {
                throw new IllegalArgumentException("populations must tile [0, N) in order");
            }
            covered = p.end();
        }
        if (covered != n) {
            throw new IllegalArgumentException("populations cover " + covered + " neurons, parameters " + n);
        }
        if (synapses.sources != n || synapses.targets != n) {
            throw new IllegalArgumentException("recurrent synapses must be N x N with N = " + n);
        }
        for (InputGroup g : this.inputs) {
            if (g.projection().targets != n || g.projection().sources != g.source().channels()) {
                throw new IllegalArgumentException("input '" + g.name() + "' projection must be channels x N");
            }
        }
        for (CurrentInjection c : this.currents) {
            for (int i : c.neurons()) {
                if (i < 0 || i >= n) {
                    throw new InvalidInputException(c.name() + ".neurons", i, "a neuron index in [0, " + n + ")");
                }
            }
        }
    }

    /** Number of neurons. */
    public int size() {
        return parameters.size;
    }

    public List<Population> populations() {
        return populations;
    }

    public Population population(String name) {
        for (Population p : populations) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new InvalidInputException("population", name, "one of " + populations.stream().map(Population::name).toList());
    }

    /** The population of neuron i. */
    public Population populationOf(int neuron) {
        for (Population p : populations) {
            if (p.contains(neuron)) {
                return p;
            }
        }
        throw new IndexOutOfBoundsException(neuron);
    }

    public NeuronParameters parameters() {
        return parameters;
    }

    public SynapseMatrix synapses() {
        return synapses;
    }

    public List<InputGroup> inputs() {
        return inputs;
    }

    public List<CurrentInjection> currents() {
        return currents;
    }

    /** Whether any neuron has a nonzero adaptation strength (ALIF dynamics needed). */
    public boolean hasAdaptation() {
        for (double b : parameters.adaptationStrength) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    /** The same network with other recurrent synapses (pruning builds networks this way). */
    public Network withSynapses(SynapseMatrix newSynapses) {
        return new Network(populations, parameters, newSynapses, inputs, currents);
    }

    /** The same network with other neuron parameters (timescale re-tuning, quantisation). */
    public Network withParameters(NeuronParameters newParameters) {
        return new Network(populations, newParameters, synapses, inputs, currents);
    }

    /** The same network with other external inputs. */
    public Network withInputs(List<InputGroup> newInputs, List<CurrentInjection> newCurrents) {
        return new Network(populations, parameters, synapses, newInputs, newCurrents);
    }
}
