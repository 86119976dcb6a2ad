package org.hrsnn.simulator.input;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Fixed spike times, given or read from a file (NEST {@code spike_generator}, Brian2
 * {@code SpikeGeneratorGroup}): a run of duration D sees the spikes with time &lt; D. Draws nothing
 * from the random stream.
 */
public final class SpikeTimesSource implements SpikeSource {
    private final SpikeTrains trains;
    private final String description;

    public SpikeTimesSource(SpikeTrains trains) {
        this(trains, "spike times (" + trains.channels + " channels, " + trains.size() + " spikes)");
    }

    /** @param description what the spikes are (a file and sample, say), for summaries */
    public SpikeTimesSource(SpikeTrains trains, String description) {
        this.trains = trains;
        this.description = description;
    }

    /** A source with {@code channels} channels that never spike (an input awaiting data). */
    public static SpikeTimesSource silent(int channels) {
        return new SpikeTimesSource(new SpikeTrains(new int[channels + 1], new double[0]),
                "silent (" + channels + " channels, no spikes)");
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
        return trains.before(durationMs);
    }

    @Override
    public String describe() {
        return description;
    }
}
