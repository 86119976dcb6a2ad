package org.hrsnn.simulator.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

class SpikeTrainsTest {

    @Test
    void timeOrderAgreesWithAReferenceSortIncludingTies() {
        RandomGenerator rng = new RandomStreams(5).stream("trains");
        int channels = 37;
        int[] start = new int[channels + 1];
        double[][] per = new double[channels][];
        for (int c = 0; c < channels; c++) {
            int n = c % 5 == 0 ? 0 : rng.nextInt(40); // some empty channels
            per[c] = new double[n];
            for (int k = 0; k < n; k++) {
                per[c][k] = rng.nextInt(50) * 0.5; // coarse grid: many ties across and within channels
            }
            Arrays.sort(per[c]);
            start[c + 1] = start[c] + n;
        }
        double[] times = new double[start[channels]];
        for (int c = 0; c < channels; c++) {
            System.arraycopy(per[c], 0, times, start[c], per[c].length);
        }
        SpikeTrains s = new SpikeTrains(start, times);
        Integer[] ref = new Integer[s.size()];
        for (int k = 0; k < ref.length; k++) {
            ref[k] = k;
        }
        Arrays.sort(ref, Comparator.<Integer>comparingDouble(k -> times[k])
                .thenComparingInt(s::channelOf).thenComparingInt(k -> k));
        int[] expected = Arrays.stream(ref).mapToInt(Integer::intValue).toArray();
        assertArrayEquals(expected, s.channelsInTimeOrder());
    }

    @Test
    void emptyTrainsGiveEmptyOrder() {
        assertEquals(0, new SpikeTrains(new int[] {0, 0, 0}, new double[0]).channelsInTimeOrder().length);
        assertEquals(0, new SpikeTrains(new int[] {0}, new double[0]).channelsInTimeOrder().length);
    }

    @Test
    void spikeTimesSourceKeepsOnlySpikesBeforeTheEnd() {
        SpikeTrains t = new SpikeTrains(new int[] {0, 3, 5}, new double[] {1, 5, 10, 0, 9.99});
        SpikeTrains g = new SpikeTimesSource(t).generate(10, null);
        assertArrayEquals(new int[] {0, 2, 4}, g.start);
        assertArrayEquals(new double[] {1, 5, 0, 9.99}, g.times);
    }

    @Test
    void unsortedOrNegativeTimesNameTheSpike() {
        InvalidInputException x = assertThrows(InvalidInputException.class,
                () -> new SpikeTrains(new int[] {0, 2}, new double[] {3, 1}));
        assertEquals("spikeTimes[channel 0][1]", x.field());
    }
}
