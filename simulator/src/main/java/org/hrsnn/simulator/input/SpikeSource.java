package org.hrsnn.simulator.input;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * A description of external spikes (Poisson, fixed spike times, an encoded time series).
 * Engines ask it once per run for the spikes of [0, duration); a random source draws them from
 * the stream it is given, so both engines see exactly the same input for the same seed.
 */
public interface SpikeSource {
    /** Number of channels (input neurons). */
    int channels();

    /** The spikes of every channel in [0, durationMs). */
    SpikeTrains generate(double durationMs, RandomGenerator rng);

    /** Short description for summaries. */
    String describe();
}
