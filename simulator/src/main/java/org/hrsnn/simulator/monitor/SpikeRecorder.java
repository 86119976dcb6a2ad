package org.hrsnn.simulator.monitor;

import org.hrsnn.simulator.util.DoubleArrayList;
import org.hrsnn.simulator.util.IntArrayList;

/** Records every spike (neuron, time in ms) in memory, in the order the engine reports them. */
public final class SpikeRecorder implements Monitor {
    private final IntArrayList neurons = new IntArrayList(1 << 12);
    private final DoubleArrayList times = new DoubleArrayList(1 << 12);

    @Override
    public void onSpike(int neuron, double timeMs) {
        neurons.add(neuron);
        times.add(timeMs);
    }

    public int size() {
        return neurons.size();
    }

    public int[] neurons() {
        return neurons.toArray();
    }

    public double[] times() {
        return times.toArray();
    }

    /** Spike times of one neuron, ascending. */
    public double[] timesOf(int neuron) {
        int c = 0;
        for (int k = 0; k < neurons.size(); k++) {
            if (neurons.get(k) == neuron) {
                c++;
            }
        }
        double[] out = new double[c];
        c = 0;
        for (int k = 0; k < neurons.size(); k++) {
            if (neurons.get(k) == neuron) {
                out[c++] = times.get(k);
            }
        }
        return out;
    }
}
