package org.hrsnn.simulator.input;

import org.hrsnn.simulator.InvalidInputException;

/**
 * Spike times of a set of channels, one ascending list per channel, stored as CSR:
 * channel c spiked at {@code times[start[c]] .. times[start[c+1]-1]} (ms).
 */
public final class SpikeTrains {
    public final int channels;
    public final int[] start;
    public final double[] times;

    public SpikeTrains(int[] start, double[] times) {
        this.channels = start.length - 1;
        this.start = start;
        this.times = times;
        for (int c = 0; c < channels; c++) {
            for (int k = start[c]; k < start[c + 1]; k++) {
                double t = times[k];
                if (!(t >= 0) || Double.isInfinite(t)) {
                    throw new InvalidInputException("spikeTimes[channel " + c + "][" + (k - start[c]) + "]", t,
                            "a finite time >= 0 ms");
                }
                if (k > start[c] && t < times[k - 1]) {
                    throw new InvalidInputException("spikeTimes[channel " + c + "][" + (k - start[c]) + "]", t,
                            "times in ascending order within a channel");
                }
            }
        }
    }

    /** Total number of spikes. */
    public int size() {
        return times.length;
    }

    /**
     * All spikes in time order (ties by channel), as parallel arrays
     * {@code [0] = channel (as double), [1] = time}: for engines that merge inputs.
     * Returned as two arrays to avoid per-spike objects.
     */
    public int[] channelsInTimeOrder() {
        int n = size();
        Integer[] idx = new Integer[n]; // one-off sort at set-up, not on the hot path
        int[] ch = new int[n];
        for (int c = 0; c < channels; c++) {
            for (int k = start[c]; k < start[c + 1]; k++) {
                ch[k] = c;
                idx[k] = k;
            }
        }
        java.util.Arrays.sort(idx, (a, b) -> {
            int cmp = Double.compare(times[a], times[b]);
            return cmp != 0 ? cmp : Integer.compare(ch[a], ch[b]);
        });
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = idx[k];
        }
        return order;
    }

    /** The channel of spike index k (k indexes {@link #times}). */
    public int channelOf(int k) {
        int lo = 0;
        int hi = channels - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (start[mid] <= k) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
