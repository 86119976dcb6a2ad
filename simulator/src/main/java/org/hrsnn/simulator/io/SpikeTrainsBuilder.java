package org.hrsnn.simulator.io;

import java.util.Arrays;
import org.hrsnn.simulator.input.SpikeTrains;

/** Turns (channel, time) pairs in any order into {@link SpikeTrains} (CSR, times ascending per channel). */
final class SpikeTrainsBuilder {
    private SpikeTrainsBuilder() {
    }

    static SpikeTrains build(int channels, int[] channel, double[] timeMs, int count) {
        int[] start = new int[channels + 1];
        for (int k = 0; k < count; k++) {
            start[channel[k] + 1]++;
        }
        for (int c = 0; c < channels; c++) {
            start[c + 1] += start[c];
        }
        int[] fill = Arrays.copyOf(start, channels);
        double[] t = new double[count];
        for (int k = 0; k < count; k++) {
            t[fill[channel[k]]++] = timeMs[k];
        }
        for (int c = 0; c < channels; c++) {
            Arrays.sort(t, start[c], start[c + 1]);
        }
        return new SpikeTrains(start, t);
    }
}
