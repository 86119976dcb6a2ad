package org.hrsnn.simulator.monitor;

import java.util.Arrays;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.util.DoubleArrayList;

/**
 * Samples chosen state variables of chosen neurons every {@code periodMs} (at t = 0, P, 2P, ...),
 * like Brian2's StateMonitor or NEST's multimeter. Samples go into one growable primitive array
 * per variable, row-major by sample then neuron, so memory is samples x neurons x variables
 * doubles and nothing is allocated per sample once the arrays have grown.
 */
public final class StateRecorder implements Monitor {
    private final int[] neurons;
    private final double periodMs;
    private final StateVariable[] variables;
    private final DoubleArrayList[] values;
    private final DoubleArrayList times = new DoubleArrayList(256);

    /**
     * @param neurons   global neuron indices to record (checked against the network at start)
     * @param periodMs  sample period, ms, > 0
     * @param variables at least one variable, no repeats
     */
    public StateRecorder(int[] neurons, double periodMs, StateVariable... variables) {
        if (neurons == null || neurons.length == 0) {
            throw new InvalidInputException("stateRecorder.neurons", "[]", "at least one neuron index");
        }
        if (variables == null || variables.length == 0) {
            throw new InvalidInputException("stateRecorder.variables", "[]", "at least one of " + Arrays.toString(StateVariable.values()));
        }
        this.neurons = neurons.clone();
        this.periodMs = Check.positive("stateRecorder.periodMs", periodMs);
        this.variables = variables.clone();
        for (int a = 0; a < variables.length; a++) {
            for (int b = 0; b < a; b++) {
                if (variables[a] == variables[b]) {
                    throw new InvalidInputException("stateRecorder.variables[" + a + "]", variables[a], "each variable once");
                }
            }
        }
        values = new DoubleArrayList[variables.length];
        for (int v = 0; v < variables.length; v++) {
            values[v] = new DoubleArrayList(256 * neurons.length);
        }
    }

    @Override
    public void start(Network network, SimulationOptions options) {
        for (int i = 0; i < neurons.length; i++) {
            if (neurons[i] < 0 || neurons[i] >= network.size()) {
                throw new InvalidInputException("stateRecorder.neurons[" + i + "]", neurons[i],
                        "a neuron index in [0, " + network.size() + ")");
            }
        }
        times.clear();
        for (DoubleArrayList v : values) {
            v.clear();
        }
    }

    @Override
    public double samplePeriodMs() {
        return periodMs;
    }

    @Override
    public void onSample(double timeMs, NeuronStateView state) {
        times.add(timeMs);
        for (int v = 0; v < variables.length; v++) {
            DoubleArrayList out = values[v];
            StateVariable var = variables[v];
            for (int neuron : neurons) {
                out.add(var.read(state, neuron));
            }
        }
    }

    /** Number of samples taken. */
    public int samples() {
        return times.size();
    }

    /** Sample times, ms. */
    public double[] times() {
        return times.toArray();
    }

    /** The recorded neurons (global indices), in column order. */
    public int[] neurons() {
        return neurons.clone();
    }

    /** One value: variable {@code var} of the {@code column}-th recorded neuron at sample {@code sample}. */
    public double value(StateVariable var, int sample, int column) {
        return values[indexOf(var)].get(sample * neurons.length + column);
    }

    /** The trace of the {@code column}-th recorded neuron, one value per sample. */
    public double[] trace(StateVariable var, int column) {
        DoubleArrayList v = values[indexOf(var)];
        double[] out = new double[times.size()];
        for (int s = 0; s < out.length; s++) {
            out[s] = v.get(s * neurons.length + column);
        }
        return out;
    }

    /** All samples of a variable, row-major [sample * neurons + column] (a copy). */
    public double[] values(StateVariable var) {
        return values[indexOf(var)].toArray();
    }

    private int indexOf(StateVariable var) {
        for (int v = 0; v < variables.length; v++) {
            if (variables[v] == var) {
                return v;
            }
        }
        throw new InvalidInputException("stateRecorder.variable", var, "one of the recorded " + Arrays.toString(variables));
    }
}
