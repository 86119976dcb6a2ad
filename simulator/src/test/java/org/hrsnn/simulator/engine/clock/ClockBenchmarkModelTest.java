package org.hrsnn.simulator.engine.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrsnn.simulator.benchmark.Cuba;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.engine.SimulationResult;
import org.hrsnn.simulator.network.Network;
import org.junit.jupiter.api.Test;

/** The CUBA benchmark (MODELS.md section 2) reproduces its published activity. */
class ClockBenchmarkModelTest {

    @Test
    void cubaFiresAtAboutSixHertz() {
        Network net = Cuba.network(4000, 1, false);
        SimulationResult r = new ClockDrivenEngine().run(net, SimulationOptions.of(1000, 1));
        double rate = r.meanRateHz();
        assertTrue(rate >= 5.0 && rate <= 6.8, "CUBA mean rate " + rate + " Hz, expected 5.0-6.8");
        // every spike is delivered to all its synapses (no delay: none is still in flight at the end)
        long expected = 0;
        for (int i = 0; i < net.size(); i++) {
            expected += (long) r.spikeCounts()[i] * net.synapses().outDegree(i);
        }
        assertEquals(expected, r.synapticEvents());
    }
}
