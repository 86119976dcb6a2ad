package org.hrsnn.simulator.input.encoder;

import org.hrsnn.simulator.input.SpikeSource;

/**
 * Turns a sampled time series into spikes. {@code series[c][s]} is the value of input channel c
 * at time s * samplePeriodMs (all channels have the same number of samples); the result is a
 * {@link SpikeSource} whose spikes cover [0, samples * samplePeriodMs).
 */
public interface Encoder {

    SpikeSource encode(double[][] series, double samplePeriodMs);

    /** Number of spike channels produced for {@code inputChannels} input channels. */
    int outputChannels(int inputChannels);

    /** Short description for summaries. */
    String describe();
}
