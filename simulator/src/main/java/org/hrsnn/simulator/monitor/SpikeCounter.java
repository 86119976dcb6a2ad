package org.hrsnn.simulator.monitor;

import java.util.Arrays;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.network.Network;

/** Number of spikes of every neuron and in total: O(N) memory however long the run. */
public final class SpikeCounter implements Monitor {
    private int[] counts = new int[0];
    private long total;

    @Override
    public void start(Network network, SimulationOptions options) {
        counts = new int[network.size()];
        total = 0;
    }

    @Override
    public void onSpike(int neuron, double timeMs) {
        if (neuron >= counts.length) { // only if start() was skipped
            counts = Arrays.copyOf(counts, Math.max(neuron + 1, 2 * counts.length));
        }
        counts[neuron]++;
        total++;
    }

    public long total() {
        return total;
    }

    public int count(int neuron) {
        return neuron < counts.length ? counts[neuron] : 0;
    }

    /** Spikes per neuron (a copy). */
    public int[] counts() {
        return counts.clone();
    }
}
