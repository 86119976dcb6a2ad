package org.hrsnn.simulator.input;

import java.util.Arrays;
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

    /** The spikes with time &lt; {@code durationMs} (ms), channel by channel. */
    public SpikeTrains before(double durationMs) {
        int[] newStart = new int[channels + 1];
        double[] kept = new double[times.length];
        int n = 0;
        for (int c = 0; c < channels; c++) {
            for (int k = start[c]; k < start[c + 1] && times[k] < durationMs; k++) {
                kept[n++] = times[k];
            }
            newStart[c + 1] = n;
        }
        return new SpikeTrains(newStart, Arrays.copyOf(kept, n));
    }

    /** Total number of spikes. */
    public int size() {
        return times.length;
    }

    /**
     * The indices k into {@link #times} of all spikes in time order, ties broken by channel
     * (then by k): for engines that merge inputs. A k-way merge of the per-channel sorted lists
     * with a binary heap of channels on primitive arrays, O(n log channels), no boxing.
     */
    public int[] channelsInTimeOrder() {
        int n = size();
        int[] order = new int[n];
        int[] next = new int[channels]; // next unread spike of each channel
        int[] heap = new int[channels]; // channels with spikes left, min-heap by (time, channel)
        int h = 0;
        for (int c = 0; c < channels; c++) {
            next[c] = start[c];
            if (start[c] < start[c + 1]) {
                heap[h++] = c;
            }
        }
        for (int i = h / 2 - 1; i >= 0; i--) {
            siftDown(heap, h, i, next);
        }
        for (int out = 0; out < n; out++) {
            int c = heap[0];
            order[out] = next[c]++;
            if (next[c] == start[c + 1]) {
                heap[0] = heap[--h];
            }
            siftDown(heap, h, 0, next);
        }
        return order;
    }

    private boolean before(int a, int b, int[] next) {
        double ta = times[next[a]];
        double tb = times[next[b]];
        return ta < tb || ta == tb && a < b;
    }

    private void siftDown(int[] heap, int h, int i, int[] next) {
        while (true) {
            int l = 2 * i + 1;
            if (l >= h) {
                return;
            }
            int m = l + 1 < h && before(heap[l + 1], heap[l], next) ? l + 1 : l;
            if (!before(heap[m], heap[i], next)) {
                return;
            }
            int tmp = heap[i];
            heap[i] = heap[m];
            heap[m] = tmp;
            i = m;
        }
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
