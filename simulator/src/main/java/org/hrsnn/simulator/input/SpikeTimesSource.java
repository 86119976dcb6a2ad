package org.hrsnn.simulator.input;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.util.DoubleArrayList;

/** Fixed spike times (NEST {@code spike_generator}, Brian2 {@code SpikeGeneratorGroup}). Draws nothing. */
public final class SpikeTimesSource implements SpikeSource {
    private final SpikeTrains trains;

    public SpikeTimesSource(SpikeTrains trains) {
        this.trains = trains;
    }

    public SpikeTrains trains() {
        return trains;
    }

    @Override
    public int channels() {
        return trains.channels;
    }

    /** The given spikes that fall in [0, durationMs). */
    @Override
    public SpikeTrains generate(double durationMs, RandomGenerator rng) {
        int[] start = new int[trains.channels + 1];
        DoubleArrayList t = new DoubleArrayList(Math.max(16, trains.size()));
        for (int c = 0; c < trains.channels; c++) {
            for (int k = trains.start[c]; k < trains.start[c + 1] && trains.times[k] < durationMs; k++) {
                t.add(trains.times[k]);
            }
            start[c + 1] = t.size();
        }
        return new SpikeTrains(start, t.toArray());
    }

    @Override
    public String describe() {
        return "spike times (" + trains.channels + " channels, " + trains.size() + " spikes)";
    }
}
