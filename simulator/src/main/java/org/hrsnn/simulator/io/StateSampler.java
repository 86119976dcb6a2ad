package org.hrsnn.simulator.io;

import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.monitor.Monitor;
import org.hrsnn.simulator.monitor.NeuronStateView;
import org.hrsnn.simulator.util.DoubleArrayList;

/**
 * Records the state (v in mV, I_e and I_i in nA, adaptation a) of chosen neurons every
 * {@code periodMs}, for {@link SpikeDataWriter}. Values are stored sample-major: sample s, neuron k
 * at index {@code s * neurons().length + k}.
 */
public final class StateSampler implements Monitor {
    private final int[] neurons;
    private final double periodMs;
    private final DoubleArrayList times = new DoubleArrayList();
    private final DoubleArrayList v = new DoubleArrayList();
    private final DoubleArrayList ie = new DoubleArrayList();
    private final DoubleArrayList ii = new DoubleArrayList();
    private final DoubleArrayList a = new DoubleArrayList();

    public StateSampler(int[] neurons, double periodMs) {
        Check.positive("neurons.length", neurons.length);
        this.neurons = neurons.clone();
        this.periodMs = Check.positive("samplePeriod", periodMs);
    }

    @Override
    public double samplePeriodMs() {
        return periodMs;
    }

    @Override
    public void onSample(double timeMs, NeuronStateView state) {
        times.add(timeMs);
        for (int i : neurons) {
            v.add(state.membranePotential(i));
            ie.add(state.excitatoryCurrent(i));
            ii.add(state.inhibitoryCurrent(i));
            a.add(state.adaptation(i));
        }
    }

    /** Adds one sample by hand (for tests and for tools that compute states themselves). */
    public void add(double timeMs, double[] vMv, double[] ieNa, double[] iiNa, double[] adaptation) {
        times.add(timeMs);
        for (int k = 0; k < neurons.length; k++) {
            v.add(vMv[k]);
            ie.add(ieNa[k]);
            ii.add(iiNa[k]);
            a.add(adaptation[k]);
        }
    }

    public int[] neurons() {
        return neurons.clone();
    }

    public int samples() {
        return times.size();
    }

    public double[] timesMs() {
        return times.toArray();
    }

    public double[] membranePotentialMv() {
        return v.toArray();
    }

    public double[] excitatoryCurrentNa() {
        return ie.toArray();
    }

    public double[] inhibitoryCurrentNa() {
        return ii.toArray();
    }

    public double[] adaptation() {
        return a.toArray();
    }
}
