package org.hrsnn.hardware.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrsnn.hardware.TestNetworks;
import org.hrsnn.hardware.fixedpoint.SpikeRaster;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.ParameterDistribution;
import org.junit.jupiter.api.Test;

class PatternClassificationTaskTest {
    private final Network net = TestNetworks.heterogeneous(80, 20, 3,
            ParameterDistribution.constant(0.5), ParameterDistribution.constant(2.0), 0.1, 200);
    private final PatternClassificationTask.Settings settings = new PatternClassificationTask.Settings(4, 25, 0, 0.8, 20, 0.7,
            1000, 1.0);

    @Test
    void theInputSpikesThemselvesClassifyAlmostPerfectlyAndNoSpikesDoNoBetterThanTheCommonestClass() {
        double dt = 0.5;
        PatternClassificationTask task = new PatternClassificationTask(net, 4000, 1, settings);
        int steps = 8000;
        SpikeRaster inputs = WeightBitsSweep.bin(task.inputs(), dt, steps)[0];
        assertTrue(task.score(inputs, dt) >= 0.9, "input spikes carry the pattern");
        int[] labels = task.labels();
        assertEquals(160, labels.length);
        int[] count = new int[4];
        for (int k = 112; k < labels.length; k++) {
            count[labels[k]]++;
        }
        int commonest = Math.max(Math.max(count[0], count[1]), Math.max(count[2], count[3]));
        double silent = task.score(SpikeRaster.empty(steps, 100), dt);
        assertTrue(silent <= commonest / 48.0 + 1e-12, "silent " + silent + " vs commonest class " + commonest + "/48");
    }

    @Test
    void theSameSeedGivesTheSameTaskAndATooShortRunIsRefused() {
        PatternClassificationTask a = new PatternClassificationTask(net, 1000, 7, settings);
        PatternClassificationTask b = new PatternClassificationTask(net, 1000, 7, settings);
        assertArrayEquals(a.labels(), b.labels());
        assertArrayEquals(a.inputs()[0].times, b.inputs()[0].times);
        assertThrows(InvalidInputException.class, () -> new PatternClassificationTask(net, 100, 7, settings));
    }
}
