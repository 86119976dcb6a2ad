package org.hrsnn.simulator.engine.clock;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.input.SpikeSource;
import org.hrsnn.simulator.input.SpikeTrains;

/** Test input: given spike times per channel (ascending), the same for every run. */
record FixedSpikes(double[][] times) implements SpikeSource {
    @Override
    public int channels() {
        return times.length;
    }

    @Override
    public SpikeTrains generate(double durationMs, RandomGenerator rng) {
        int total = 0;
        for (double[] t : times) {
            total += t.length;
        }
        int[] start = new int[times.length + 1];
        double[] all = new double[total];
        int p = 0;
        for (int c = 0; c < times.length; c++) {
            for (double t : times[c]) {
                if (t < durationMs) {
                    all[p++] = t;
                }
            }
            start[c + 1] = p;
        }
        return new SpikeTrains(start, java.util.Arrays.copyOf(all, p));
    }

    @Override
    public String describe() {
        return "fixed spikes";
    }
}
