package org.hrsnn.simulator.input.encoder;

import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.input.PoissonSource;

/**
 * Rate coding: sample s of channel c sets the Poisson rate of spike channel c during
 * [s P, (s + 1) P) (P the sample period) to minHz + x (maxHz - minHz), where x is the value
 * mapped linearly onto [0, 1] from the value range [low, high] (clipped outside it). Without
 * an explicit range, the range is the minimum and maximum of the whole series (a constant
 * series maps to the middle rate). The output is an inhomogeneous {@link PoissonSource}: the
 * spikes are drawn by the engine from the input group's stream.
 */
public final class RateEncoder implements Encoder {
    private final double minHz;
    private final double maxHz;
    private final double low;
    private final double high;

    /** Rates in [minHz, maxHz] Hz, value range taken from the series. */
    public RateEncoder(double minHz, double maxHz) {
        this(minHz, maxHz, Double.NaN, Double.NaN, false);
    }

    /** Rates in [minHz, maxHz] Hz for values in [low, high] (values outside are clipped). */
    public RateEncoder(double minHz, double maxHz, double low, double high) {
        this(minHz, maxHz, low, high, true);
    }

    private RateEncoder(double minHz, double maxHz, double low, double high, boolean fixedRange) {
        this.minHz = Check.nonNegative("rateEncoder.minHz", minHz);
        this.maxHz = Check.nonNegative("rateEncoder.maxHz", maxHz);
        if (maxHz < minHz) {
            throw new InvalidInputException("rateEncoder.maxHz", maxHz, "a rate >= rateEncoder.minHz (" + minHz + " Hz)");
        }
        if (fixedRange) {
            Series.checkRange("rateEncoder", low, high);
        }
        this.low = low;
        this.high = high;
    }

    /** The rate (Hz) a value maps to, given the value range in use. */
    public double rateHz(double value, double rangeLow, double rangeHigh) {
        return minHz + Series.normalise(value, rangeLow, rangeHigh) * (maxHz - minHz);
    }

    @Override
    public PoissonSource encode(double[][] series, double samplePeriodMs) {
        int samples = Series.check(series, samplePeriodMs);
        double lo = low;
        double hi = high;
        if (Double.isNaN(lo)) {
            double[] r = Series.range(series);
            lo = r[0];
            hi = r[1];
        }
        double[][] rates = new double[series.length][samples];
        for (int c = 0; c < series.length; c++) {
            for (int s = 0; s < samples; s++) {
                rates[c][s] = rateHz(series[c][s], lo, hi);
            }
        }
        return PoissonSource.timeVarying(rates, samplePeriodMs);
    }

    @Override
    public int outputChannels(int inputChannels) {
        return inputChannels;
    }

    @Override
    public String describe() {
        return "rate encoder " + minHz + "-" + maxHz + " Hz"
                + (Double.isNaN(low) ? " (range from data)" : " over [" + low + ", " + high + "]");
    }
}
