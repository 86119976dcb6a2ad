package org.hrsnn.pruning.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.evaluation.FiringStatistics;
import org.hrsnn.simulator.benchmark.Cuba;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.engine.SimulationResult;
import org.hrsnn.simulator.engine.clock.ClockDrivenEngine;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** Activity pruning and firing statistics from a spiking run of the clock-driven engine. */
class SpikingEngineTest {
    private static final Network CUBA = Cuba.network(400, 3, true);
    private static final SimulationOptions RUN = SimulationOptions.of(500, 1);

    @Test
    void activityPruningRemovesTheNeuronsThatSpikedLeast() {
        ClockDrivenEngine engine = new ClockDrivenEngine();
        double[] rate = engine.run(CUBA, RUN).ratesHz();
        PruningResult r = new ActivityPruning(engine, RUN, 0.25).prune(CUBA, 0.5, new RandomStreams(1));
        assertEquals(300, r.network().size());
        boolean[] kept = new boolean[400];
        double minKept = Double.POSITIVE_INFINITY;
        for (int i : r.keptNeurons()) {
            kept[i] = true;
            minKept = Math.min(minKept, rate[i]);
        }
        for (int i = 0; i < 400; i++) {
            if (!kept[i]) {
                assertTrue(rate[i] <= minKept);
            }
        }
        assertTrue(r.diagnostics().get("dense.meanRateHz") > 1, "CUBA neurons fire tonically");
    }

    @Test
    void synapticOperationsMatchTheEnginesEventCount() {
        SimulationResult res = new ClockDrivenEngine().run(CUBA, RUN);
        FiringStatistics f = FiringStatistics.of(res.ratesHz(), CUBA.synapses());
        double perSecond = res.synapticEvents() / (RUN.durationMs() / 1000.0);
        // Spikes of the last step may still be in flight at the end: agreement within 1 %.
        assertEquals(perSecond, f.synOpsPerSecond(), 0.01 * perSecond);
        assertEquals(res.meanRateHz(), f.meanRateHz(), 1e-9);
    }
}
