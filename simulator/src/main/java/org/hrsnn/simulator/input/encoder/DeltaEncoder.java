package org.hrsnn.simulator.input.encoder;

import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.input.SpikeTimesSource;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.util.DoubleArrayList;

/**
 * Send-on-delta (threshold-crossing) coding, as in event cameras and audio front ends. Each input
 * channel c gives two spike channels: UP = 2c and DOWN = 2c + 1. A reference r starts at the
 * first sample; the signal is taken as the straight line between samples, and whenever it rises
 * to r + threshold an UP spike is emitted at that exact crossing time and r grows by threshold
 * (DOWN and r - threshold symmetrically). Hence at every time t the signal and
 * {@link #reconstruct} (first sample + threshold x (UP count - DOWN count) up to t) differ by
 * less than the threshold. Deterministic.
 */
public final class DeltaEncoder implements Encoder {
    private final double threshold;

    /** @param threshold the step Delta, in the series' units, > 0 */
    public DeltaEncoder(double threshold) {
        this.threshold = Check.positive("deltaEncoder.threshold", threshold);
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public SpikeTimesSource encode(double[][] series, double samplePeriodMs) {
        int samples = Series.check(series, samplePeriodMs);
        int channels = series.length;
        int[] start = new int[2 * channels + 1];
        DoubleArrayList times = new DoubleArrayList(1024);
        DoubleArrayList up = new DoubleArrayList();
        DoubleArrayList down = new DoubleArrayList();
        for (int c = 0; c < channels; c++) {
            up.clear();
            down.clear();
            double[] x = series[c];
            // Integer level count avoids drift from repeatedly adding the threshold to r.
            long level = 0;
            for (int s = 1; s < samples; s++) {
                double a = x[s - 1] - x[0];
                double b = x[s] - x[0];
                double t0 = (s - 1) * samplePeriodMs;
                while (b >= (level + 1) * threshold) {
                    level++;
                    up.add(crossing(t0, samplePeriodMs, a, b, level * threshold));
                }
                while (b <= (level - 1) * threshold) {
                    level--;
                    down.add(crossing(t0, samplePeriodMs, a, b, level * threshold));
                }
            }
            for (int k = 0; k < up.size(); k++) {
                times.add(up.get(k));
            }
            start[2 * c + 1] = times.size();
            for (int k = 0; k < down.size(); k++) {
                times.add(down.get(k));
            }
            start[2 * c + 2] = times.size();
        }
        return new SpikeTimesSource(new SpikeTrains(start, times.toArray()));
    }

    /** Time at which the line from (t0, a) to (t0 + period, b) reaches y, clamped to the segment. */
    private static double crossing(double t0, double period, double a, double b, double y) {
        double f = (y - a) / (b - a);
        return t0 + period * Math.min(1.0, Math.max(0.0, f));
    }

    /**
     * The signal a receiver rebuilds from the spikes: for input channel c at each time in
     * {@code timesMs}, {@code initial[c] + threshold * (UP spikes - DOWN spikes at or before t)}.
     */
    public double[][] reconstruct(SpikeTrains trains, double[] initial, double[] timesMs) {
        if (trains.channels != 2 * initial.length) {
            throw new InvalidInputException("deltaEncoder.trains.channels", trains.channels,
                    "twice the number of initial values (" + 2 * initial.length + ")");
        }
        double[][] out = new double[initial.length][timesMs.length];
        for (int c = 0; c < initial.length; c++) {
            for (int i = 0; i < timesMs.length; i++) {
                long ups = countAtOrBefore(trains, 2 * c, timesMs[i]);
                long downs = countAtOrBefore(trains, 2 * c + 1, timesMs[i]);
                out[c][i] = initial[c] + threshold * (ups - downs);
            }
        }
        return out;
    }

    private static long countAtOrBefore(SpikeTrains trains, int channel, double t) {
        int lo = trains.start[channel];
        int hi = trains.start[channel + 1];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (trains.times[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - trains.start[channel];
    }

    @Override
    public int outputChannels(int inputChannels) {
        return 2 * inputChannels;
    }

    @Override
    public String describe() {
        return "delta encoder (threshold " + threshold + ", UP = 2c, DOWN = 2c + 1)";
    }
}
