package org.hrsnn.hardware.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrsnn.hardware.TestNetworks;
import org.hrsnn.hardware.fixedpoint.SpikeRaster;
import org.hrsnn.simulator.engine.RunInputs;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.engine.clock.ClockDrivenEngine;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.network.Network;
import org.junit.jupiter.api.Test;

class ClockReferenceTest {

    @Test
    void aSpikeStampedAtTheEndOfStepSLandsInStepS() {
        double dt = 0.25;
        // stamps (s + 1) dt for s = 0, 2, 2, 7; a stamp at 0 and one past the run are dropped
        int[] neurons = {1, 0, 4, 0, 2, 3};
        double[] times = {0.0, 0.25, 0.75, 0.75, 2.0, 2.75};
        SpikeRaster r = ClockReference.raster(neurons, times, 5, dt, 8);
        assertEquals(4, r.size());
        assertArrayEquals(new int[] {0, 1, 1, 3, 3, 3, 3, 3, 4}, r.stepStart);
        assertArrayEquals(new int[] {0, 0, 4, 2}, r.unit);
    }

    @Test
    void givenTheEnginesOwnInputsItReproducesTheEngineRunSpikeForSpike() {
        Network net = TestNetworks.heterogeneous(80, 20, 5, 0.5, -2.0);
        double dt = 0.5;
        int steps = 1000;
        long seed = 9;
        SimulationOptions options = new SimulationOptions(steps * dt, seed, 1, dt);
        SpikeRecorder direct = new SpikeRecorder();
        new ClockDrivenEngine().run(net, options, direct);
        SpikeTrains[] trains = RunInputs.generate(net, options);
        SpikeRaster viaReference = new ClockReference().run(net, trains, dt, steps);
        assertTrue(direct.size() > 200, "the network is active: " + direct.size());
        assertEquals(direct.size(), viaReference.size());
        int[] n = direct.neurons();
        double[] t = direct.times();
        for (int k = 0; k < n.length; k++) {
            int step = (int) Math.round(t[k] / dt) - 1;
            boolean found = false;
            for (int q = viaReference.stepStart[step]; q < viaReference.stepStart[step + 1]; q++) {
                found |= viaReference.unit[q] == n[k];
            }
            assertTrue(found, "spike of neuron " + n[k] + " at " + t[k] + " ms");
        }
    }
}
