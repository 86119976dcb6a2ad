package org.hrsnn.simulator.input;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.util.DoubleArrayList;

/**
 * Independent Poisson spike trains, one per channel, with a piecewise-constant rate: channel c
 * fires at {@code rateHz[c][b]} Hz during bin b = [b binMs, (b + 1) binMs), and not at all after
 * the last bin. A homogeneous source is the special case of one bin of infinite length.
 *
 * <p>Exact, by time rescaling: with the cumulative intensity Lambda(t) (piecewise linear), the
 * spike times are Lambda^{-1}(s_1), Lambda^{-1}(s_2), ... for the arrival times s_k of a
 * unit-rate Poisson process (unit exponential gaps). No thinning, no discretisation. Channels are
 * drawn in order 0, 1, ..., each consuming gaps from the one stream it is given.
 */
public final class PoissonSource implements SpikeSource {
    private final double[][] rateHz;
    private final double binMs;

    private PoissonSource(double[][] rateHz, double binMs) {
        this.rateHz = rateHz;
        this.binMs = binMs;
    }

    /** {@code channels} independent homogeneous Poisson trains of {@code rateHz} Hz (>= 0). */
    public PoissonSource(int channels, double rateHz) {
        this(homogeneous(Check.nonNegative("poisson.channels", channels), Check.nonNegative("poisson.rate", rateHz)),
                Double.POSITIVE_INFINITY);
    }

    /**
     * {@code channels} independent trains sharing one rate profile: {@code rateHz[b]} Hz (>= 0)
     * in bin b of {@code binMs} ms; zero after the profile ends.
     */
    public static PoissonSource timeVarying(int channels, double[] rateHz, double binMs) {
        Check.nonNegative("poisson.channels", channels);
        double[][] r = new double[channels][];
        double[] profile = checkProfile("poisson.rate", rateHz).clone();
        for (int c = 0; c < channels; c++) {
            r[c] = profile;
        }
        return new PoissonSource(r, Check.positive("poisson.binMs", binMs));
    }

    /** One rate profile per channel: {@code rateHz[c][b]} Hz (>= 0) for channel c in bin b. */
    public static PoissonSource timeVarying(double[][] rateHz, double binMs) {
        double[][] r = new double[rateHz.length][];
        for (int c = 0; c < r.length; c++) {
            r[c] = checkProfile("poisson.rate[" + c + "]", rateHz[c]).clone();
        }
        return new PoissonSource(r, Check.positive("poisson.binMs", binMs));
    }

    private static double[][] homogeneous(int channels, double rateHz) {
        double[][] r = new double[channels][];
        double[] one = {rateHz};
        for (int c = 0; c < channels; c++) {
            r[c] = one;
        }
        return r;
    }

    private static double[] checkProfile(String field, double[] rates) {
        if (rates == null || rates.length == 0) {
            throw new InvalidInputException(field, "[]", "at least one bin");
        }
        for (int b = 0; b < rates.length; b++) {
            Check.nonNegative(field + "[" + b + "]", rates[b]);
        }
        return rates;
    }

    @Override
    public int channels() {
        return rateHz.length;
    }

    /** Rate of channel c at time t (Hz), as the source defines it. */
    public double rateHz(int channel, double timeMs) {
        double[] r = rateHz[channel];
        if (binMs == Double.POSITIVE_INFINITY) {
            return r[0];
        }
        long b = (long) Math.floor(timeMs / binMs);
        return b >= 0 && b < r.length ? r[(int) b] : 0;
    }

    /** Expected number of spikes of channel c in [0, durationMs): Lambda(durationMs). */
    public double expectedCount(int channel, double durationMs) {
        double[] r = rateHz[channel];
        if (binMs == Double.POSITIVE_INFINITY) {
            return r[0] * durationMs / 1000.0;
        }
        double sum = 0;
        for (int b = 0; b < r.length && b * binMs < durationMs; b++) {
            sum += r[b] * (Math.min((b + 1) * binMs, durationMs) - b * binMs) / 1000.0;
        }
        return sum;
    }

    @Override
    public SpikeTrains generate(double durationMs, RandomGenerator rng) {
        int channels = channels();
        int[] start = new int[channels + 1];
        DoubleArrayList times = new DoubleArrayList(1024);
        for (int c = 0; c < channels; c++) {
            double[] r = rateHz[c];
            int bins = r.length;
            // Walk bin by bin; `remaining` is the unit-rate time left until the next spike.
            double remaining = -Math.log(1.0 - rng.nextDouble());
            for (int b = 0; b < bins; b++) {
                double lo = b == 0 ? 0 : b * binMs; // 0 * infinity would be NaN
                if (lo >= durationMs) {
                    break;
                }
                double hi = Math.min(binMs == Double.POSITIVE_INFINITY ? durationMs : (b + 1) * binMs, durationMs);
                double ratePerMs = r[b] / 1000.0;
                if (ratePerMs <= 0) {
                    continue;
                }
                double t = lo;
                while (true) {
                    double dt = remaining / ratePerMs;
                    if (t + dt >= hi) {
                        remaining -= (hi - t) * ratePerMs;
                        break;
                    }
                    t += dt;
                    times.add(t);
                    remaining = -Math.log(1.0 - rng.nextDouble());
                }
            }
            start[c + 1] = times.size();
        }
        return new SpikeTrains(start, times.toArray());
    }

    @Override
    public String describe() {
        if (binMs == Double.POSITIVE_INFINITY) {
            boolean same = true;
            for (double[] r : rateHz) {
                same &= r[0] == rateHz[0][0];
            }
            if (rateHz.length > 0 && same) {
                return "poisson " + rateHz.length + " x " + rateHz[0][0] + " Hz";
            }
        }
        return "poisson " + rateHz.length + " channels, time-varying rate in bins of " + binMs + " ms";
    }
}
