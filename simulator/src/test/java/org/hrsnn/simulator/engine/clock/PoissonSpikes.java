package org.hrsnn.simulator.engine.clock;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.input.SpikeSource;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.util.DoubleArrayList;

/** Test input: independent Poisson channels drawn from the stream the engine gives. */
record PoissonSpikes(int channels, double rateHz) implements SpikeSource {
    @Override
    public SpikeTrains generate(double durationMs, RandomGenerator rng) {
        int[] start = new int[channels + 1];
        DoubleArrayList all = new DoubleArrayList();
        double meanIsi = 1000.0 / rateHz;
        for (int c = 0; c < channels; c++) {
            double t = -meanIsi * Math.log(1 - rng.nextDouble());
            while (t < durationMs) {
                all.add(t);
                t += -meanIsi * Math.log(1 - rng.nextDouble());
            }
            start[c + 1] = all.size();
        }
        return new SpikeTrains(start, all.toArray());
    }

    @Override
    public String describe() {
        return "poisson " + rateHz + " Hz";
    }
}
