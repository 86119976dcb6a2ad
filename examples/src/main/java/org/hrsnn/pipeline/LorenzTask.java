package org.hrsnn.pipeline;

import org.hrsnn.simulator.Check;

/**
 * Settings of the Lorenz prediction task run on the spiking network (see {@link LorenzReservoir}).
 *
 * @param samplePeriodMs biological time each Lorenz sample is presented for, ms
 * @param washout        samples discarded at the start (the network settles)
 * @param train          samples the ridge readout is fitted on
 * @param test           held-out samples the NRMSE is measured on
 * @param horizon        samples ahead the readout predicts
 * @param ridge          ridge strength relative to the mean feature variance
 * @param maxFeatures    most neurons read out (every m-th neuron beyond that)
 */
public record LorenzTask(double samplePeriodMs, int washout, int train, int test, int horizon, double ridge,
                         int maxFeatures) {
    public LorenzTask {
        Check.positive("lorenz.samplePeriodMs", samplePeriodMs);
        Check.nonNegative("lorenz.washout", washout);
        Check.positive("lorenz.train", train);
        Check.positive("lorenz.test", test);
        Check.positive("lorenz.horizon", horizon);
        Check.positive("lorenz.ridge", ridge);
        Check.positive("lorenz.maxFeatures", maxFeatures);
    }

    /** Samples presented to the network. */
    public int presented() {
        return washout + train + test;
    }

    public double durationMs() {
        return presented() * samplePeriodMs;
    }
}
