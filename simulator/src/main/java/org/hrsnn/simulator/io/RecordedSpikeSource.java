package org.hrsnn.simulator.io;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.input.SpikeSource;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.util.DoubleArrayList;

/**
 * Fixed spike times read from a file (or none at all): a run of duration D sees the spikes with
 * time < D. It draws nothing from the random stream.
 */
public final class RecordedSpikeSource implements SpikeSource {
    private final SpikeTrains trains;
    private final String description;

    public RecordedSpikeSource(SpikeTrains trains, String description) {
        this.trains = trains;
        this.description = description;
    }

    /** A source with {@code channels} channels that never spike (an input awaiting data). */
    public static RecordedSpikeSource silent(int channels) {
        return new RecordedSpikeSource(new SpikeTrains(new int[channels + 1], new double[0]),
                "silent (" + channels + " channels, no spikes)");
    }

    public SpikeTrains trains() {
        return trains;
    }

    @Override
    public int channels() {
        return trains.channels;
    }

    @Override
    public SpikeTrains generate(double durationMs, RandomGenerator rng) {
        int[] start = new int[trains.channels + 1];
        DoubleArrayList t = new DoubleArrayList(trains.size() + 1);
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
        return description;
    }
}
