package org.hrsnn.simulator.input.encoder;

import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.input.SpikeTimesSource;
import org.hrsnn.simulator.input.SpikeTrains;

/**
 * Latency (time-to-first-spike) coding: every sample period P is a window, and channel c spikes
 * exactly once in window s, at s P + (1 - x) f P, where x in [0, 1] is the sample's value mapped
 * linearly from [low, high] (clipped) and f in (0, 1) the {@code maxLatencyFraction}. The
 * largest value spikes at the window's start, the smallest at f P, so the spike always stays
 * inside its window. Linear latency is a choice (other codes use a logarithmic RC latency);
 * without an explicit range the series' own minimum and maximum are used. Deterministic.
 */
public final class LatencyEncoder implements Encoder {
    private final double maxLatencyFraction;
    private final double low;
    private final double high;

    /** Latency up to {@code maxLatencyFraction} of the window, value range from the data. */
    public LatencyEncoder(double maxLatencyFraction) {
        this(maxLatencyFraction, Double.NaN, Double.NaN, false);
    }

    /** Latency up to {@code maxLatencyFraction} of the window for values in [low, high]. */
    public LatencyEncoder(double maxLatencyFraction, double low, double high) {
        this(maxLatencyFraction, low, high, true);
    }

    private LatencyEncoder(double fraction, double low, double high, boolean fixedRange) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new InvalidInputException("latencyEncoder.maxLatencyFraction", fraction, "a fraction in (0, 1)");
        }
        if (fixedRange) {
            Series.checkRange("latencyEncoder", low, high);
        }
        this.maxLatencyFraction = fraction;
        this.low = low;
        this.high = high;
    }

    /** Spike latency (ms after the window start) of a value, given the range and window length. */
    public double latencyMs(double value, double rangeLow, double rangeHigh, double windowMs) {
        Check.positive("latencyEncoder.windowMs", windowMs);
        return (1.0 - Series.normalise(value, rangeLow, rangeHigh)) * maxLatencyFraction * windowMs;
    }

    @Override
    public SpikeTimesSource encode(double[][] series, double samplePeriodMs) {
        int samples = Series.check(series, samplePeriodMs);
        double lo = low;
        double hi = high;
        if (Double.isNaN(lo)) {
            double[] r = Series.range(series);
            lo = r[0];
            hi = r[1];
        }
        int channels = series.length;
        int[] start = new int[channels + 1];
        double[] times = new double[channels * samples];
        for (int c = 0; c < channels; c++) {
            for (int s = 0; s < samples; s++) {
                times[c * samples + s] = s * samplePeriodMs + latencyMs(series[c][s], lo, hi, samplePeriodMs);
            }
            start[c + 1] = (c + 1) * samples;
        }
        return new SpikeTimesSource(new SpikeTrains(start, times));
    }

    @Override
    public int outputChannels(int inputChannels) {
        return inputChannels;
    }

    @Override
    public String describe() {
        return "latency encoder (max latency " + maxLatencyFraction + " of the window"
                + (Double.isNaN(low) ? ", range from data)" : ", over [" + low + ", " + high + "])");
    }
}
