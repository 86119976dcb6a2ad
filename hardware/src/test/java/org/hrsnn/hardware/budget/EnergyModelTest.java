package org.hrsnn.hardware.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hrsnn.hardware.emulator.BitExactEmulator;
import org.hrsnn.hardware.emulator.EmulatorResult;
import org.hrsnn.hardware.fixedpoint.FixedPointNetwork;
import org.hrsnn.hardware.fixedpoint.FixedPointProjection;
import org.hrsnn.hardware.fixedpoint.SignMode;
import org.hrsnn.hardware.fixedpoint.SpikeRaster;
import org.hrsnn.hardware.preset.CoreLimits;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.hardware.preset.HardwarePresets;
import org.hrsnn.hardware.preset.OperationCosts;
import org.hrsnn.simulator.InvalidInputException;
import org.junit.jupiter.api.Test;

class EnergyModelTest {

    /**
     * Neuron 0 (core 0, tile (0,0)) fires periodically from its bias and projects with weight 0 onto
     * neuron 1 (core 1, tile (1,0): one east-west hop) and neuron 2 (core 3, tile (1,1): one east-west
     * and one north-south hop). Neurons 1 and 2 stay silent and inactive.
     */
    @Test
    void energyAndLatencyFollowTheOperationCounts() {
        HardwarePreset l = HardwarePresets.loihi1();
        HardwarePreset p = new HardwarePreset("grid", "test", l.neuron(), l.synapse(),
                new CoreLimits(4, 1, 2, 16, 1 << 20, 64, 64, 4, 0), false, l.costs());
        FixedPointProjection rec = new FixedPointProjection("rec", -1, 3, new int[] {0, 2, 2, 2}, new int[] {1, 2},
                new int[] {0, 0}, 0, SignMode.EXCITATORY, 8);
        FixedPointNetwork net = new FixedPointNetwork("grid", l.neuron(), l.synapse(), 1.0, new int[3], new int[3],
                new int[] {3, 3, 3}, new int[] {64, 0, 0}, new int[3], new int[3], new int[3], new int[3],
                new int[] {0, 1, 3}, List.of(), List.of(rec));
        int steps = 50;
        EmulatorResult run = new BitExactEmulator().run(net, new SpikeRaster[0], steps);
        Budget b = new EnergyModel().budget(net, p, run, 0);
        int spikes = run.spikes().counts()[0];
        assertEquals(spikes, run.spikes().size());
        assertTrue(spikes >= 10);
        OperationCosts c = l.costs();
        boolean lastStepSpike = run.spikes().dense()[steps - 1][0];
        long deliveries = 2L * (spikes - (lastStepSpike ? 1 : 0));
        assertEquals(deliveries, b.synapticOps());
        assertEquals(steps, b.activeUpdates());
        assertEquals(2L * steps, b.inactiveUpdates());
        assertEquals(2L * spikes, b.eastWestHops());
        assertEquals(spikes, b.northSouthHops());
        assertEquals(0, b.withinTileMessages());
        double energy = deliveries * c.synapticOpPj() + steps * c.neuronUpdateActivePj() + 2.0 * steps * c.neuronUpdateInactivePj()
                + spikes * (2 * c.hopEastWestPj() + c.hopNorthSouthPj());
        assertEquals(energy, b.energyPerInferencePj(), 1e-9);
        // latency: neuron updates run in parallel on the cores; a delivery makes the target core
        // the busiest (3.5 + 5.3 > 8.4); a spike adds its slowest route (4.1 + 6.5); every step ends with the
        // barrier, which spans tiles (0,0) to (1,1): 2 hops
        double barrier = c.barrierNs() + 2 * c.barrierPerHopNs();
        assertTrue(c.barrierPerHopNs() > 0, "loihi1's barrier grows with the span");
        double latency = 0;
        boolean[][] d = run.spikes().dense();
        for (int t = 0; t < steps; t++) {
            double compute = t > 0 && d[t - 1][0] ? c.synapticOpNs() + c.neuronUpdateInactiveNs() : c.neuronUpdateActiveNs();
            double route = d[t][0] ? c.hopEastWestNs() + c.hopNorthSouthNs() : 0;
            latency += compute + route + barrier;
        }
        assertEquals(latency, b.latencyPerInferenceNs(), 1e-6);
        assertEquals(8 + 8, b.synapseBitsPerCore()[1]);
        assertEquals(8 + 8, b.synapseBitsPerCore()[3]);
        assertEquals(0, b.synapseBitsPerCore()[0]);
    }

    /** Davies et al. 2018 Table 2: the barrier takes 113 ns within one tile and 465 ns across all 32 tiles. */
    @Test
    void loihiBarrierMeetsThePublishedEndPoints() {
        HardwarePreset l = HardwarePresets.loihi1();
        CoreLimits lim = l.limits();
        assertEquals(113, l.costs().barrierNs(0), 1e-9);
        int tiles = lim.cores() / lim.coresPerTile();
        assertEquals(32, tiles);
        int rows = (tiles + lim.meshColumns() - 1) / lim.meshColumns();
        int[] everyCore = new int[lim.cores()];
        for (int q = 0; q < everyCore.length; q++) {
            everyCore[q] = q;
        }
        FixedPointNetwork all = new FixedPointNetwork("all", l.neuron(), l.synapse(), 1.0, new int[lim.cores()],
                new int[lim.cores()], new int[lim.cores()], new int[lim.cores()], new int[lim.cores()], new int[lim.cores()],
                new int[lim.cores()], new int[lim.cores()], everyCore, List.of(), List.of());
        int span = EnergyModel.meshSpanHops(all, lim);
        assertEquals((lim.meshColumns() - 1) + (rows - 1), span);
        assertEquals(465, l.costs().barrierNs(span), 1e-9);
        FixedPointNetwork oneTile = new FixedPointNetwork("tile", l.neuron(), l.synapse(), 1.0, new int[4], new int[4],
                new int[4], new int[4], new int[4], new int[4], new int[4], new int[4], new int[] {0, 1, 2, 3}, List.of(), List.of());
        assertEquals(0, EnergyModel.meshSpanHops(oneTile, lim));
    }

    @Test
    void presetWithoutCostsIsRefusedClearly() {
        HardwarePreset x = HardwarePresets.xylo();
        HardwarePreset l = HardwarePresets.loihi1();
        FixedPointNetwork net = new FixedPointNetwork("x", l.neuron(), l.synapse(), 1.0, new int[1], new int[1], new int[1],
                new int[1], new int[1], new int[1], new int[1], new int[1], new int[1], List.of(), List.of());
        EmulatorResult run = new BitExactEmulator().run(net, new SpikeRaster[0], 3);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new EnergyModel().budget(net, x, run, 0));
        assertTrue(e.getMessage().contains("costs"));
    }
}
