package org.hrsnn.pruning.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class SpikingTimeSeriesPredictionTest {
    @Test
    void filteredStatesAreTheExponentialKernelSummedOverPastSpikes() {
        // neuron 0 spikes at 3 and 6 ms, neuron 2 at 12 ms; period 5 ms, tau 20 ms; neuron 1 is not read.
        int[] neurons = {0, 1, 0, 2};
        double[] times = {3, 4, 6, 12};
        double[][] x = SpikingTimeSeriesPrediction.filteredStates(neurons, times, 3, new int[] {0, 2}, 3, 5, 20);
        assertArrayEquals(new double[] {Math.exp(-2 / 20.0), 0}, x[0], 1e-12);
        assertArrayEquals(new double[] {Math.exp(-7 / 20.0) + Math.exp(-4 / 20.0), 0}, x[1], 1e-12);
        assertArrayEquals(new double[] {Math.exp(-12 / 20.0) + Math.exp(-9 / 20.0), Math.exp(-3 / 20.0)}, x[2], 1e-12);
    }

    @Test
    void aSpikeAtTheSampleTimeCountsInThatSample() {
        double[][] x = SpikingTimeSeriesPrediction.filteredStates(new int[] {0}, new double[] {5}, 1, new int[] {0}, 2,
                5, 10);
        assertEquals(1.0, x[0][0], 1e-12);
        assertEquals(Math.exp(-0.5), x[1][0], 1e-12);
    }

    @Test
    void featureNeuronsAreDistinctSortedAndAllWhenFewEnough() {
        int[] all = SpikingTimeSeriesPrediction.featureNeurons(5, 10, new Well19937c(1));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, all);
        int[] some = SpikingTimeSeriesPrediction.featureNeurons(100, 30, new Well19937c(1));
        assertEquals(30, some.length);
        for (int i = 1; i < some.length; i++) {
            assertTrue(some[i] > some[i - 1]);
        }
    }
}
