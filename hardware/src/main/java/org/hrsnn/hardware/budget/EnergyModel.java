package org.hrsnn.hardware.budget;

import java.util.Arrays;
import org.hrsnn.hardware.emulator.EmulatorResult;
import org.hrsnn.hardware.fixedpoint.FixedPointNetwork;
import org.hrsnn.hardware.fixedpoint.FixedPointProjection;
import org.hrsnn.hardware.fixedpoint.SpikeRaster;
import org.hrsnn.hardware.preset.CoreLimits;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.hardware.preset.OperationCosts;
import org.hrsnn.simulator.InvalidInputException;

/**
 * Budgets from operation counts (Davies et al. 2018 style accounting):
 * <ul>
 * <li>energy = synaptic ops x E_syn + active updates x E_active + inactive updates x E_inactive
 *     + spike messages x (E_within_tile if the destination core is in the sender's tile, else
 *     east-west hops x E_ew + north-south hops x E_ns) + learning updates x E_learn;</li>
 * <li>a spike of neuron j sends one message per distinct core holding a recurrent target of j;
 *     tiles hold {@code coresPerTile} consecutive cores and sit on a mesh {@code meshColumns} tiles
 *     wide; hops are the Manhattan distance between tiles. External input spikes arrive from the
 *     host: their synaptic ops count, their routing does not;</li>
 * <li>latency of a step = max over cores of (synaptic ops x t_syn + active x t_active + inactive x
 *     t_inactive) + the slowest message of the step (t_within_tile, or hops x t_ew / t_ns) + barrier,
 *     where the barrier grows with the mesh span of the tiles used (OperationCosts#barrierNs(int));
 *     the run takes the sum over its steps;</li>
 * <li>memory per core = synapses targeting its neurons x (weight bits + overhead bits).</li>
 * </ul>
 */
public final class EnergyModel {

    public Budget budget(FixedPointNetwork net, HardwarePreset preset, EmulatorResult run, long learningUpdates) {
        OperationCosts c = preset.costs();
        if (c == null) {
            throw new InvalidInputException("preset '" + preset.name() + "'.costs", "(none)",
                    "per-operation energy and time: the preset publishes no costs, so no budget can be computed");
        }
        if (!net.mapped()) {
            throw new InvalidInputException("network.core", "unmapped", "a core for every neuron (map the network first)");
        }
        CoreLimits lim = preset.limits();
        int n = net.size;
        int cores = net.coresUsed();
        int steps = run.steps();

        // distinct destination cores per neuron, and each route's cost
        boolean[] seen = new boolean[cores];
        int[] destStart = new int[n + 1];
        int[] destCore;
        int m = 0;
        int[][] byNeuron = new int[n][];
        for (int j = 0; j < n; j++) {
            Arrays.fill(seen, false);
            int count = 0;
            int[] tmp = new int[cores];
            for (FixedPointProjection p : net.projections) {
                if (!p.recurrent()) {
                    continue;
                }
                for (int k = p.rowStart()[j]; k < p.rowStart()[j + 1]; k++) {
                    int dc = net.core[p.target()[k]];
                    if (!seen[dc]) {
                        seen[dc] = true;
                        tmp[count++] = dc;
                    }
                }
            }
            byNeuron[j] = Arrays.copyOf(tmp, count);
            m += count;
            destStart[j + 1] = m;
        }
        destCore = new int[m];
        for (int j = 0; j < n; j++) {
            System.arraycopy(byNeuron[j], 0, destCore, destStart[j], byNeuron[j].length);
        }
        long[] routeEw = new long[m];
        long[] routeNs = new long[m];
        boolean[] routeLocal = new boolean[m];
        double[] routeLatencyNs = new double[m];
        for (int j = 0; j < n; j++) {
            int from = lim.tileOf(net.core[j]);
            for (int r = destStart[j]; r < destStart[j + 1]; r++) {
                int to = lim.tileOf(destCore[r]);
                if (from == to) {
                    routeLocal[r] = true;
                    routeLatencyNs[r] = c.spikeWithinTileNs();
                } else {
                    routeEw[r] = Math.abs(from % lim.meshColumns() - to % lim.meshColumns());
                    routeNs[r] = Math.abs(from / lim.meshColumns() - to / lim.meshColumns());
                    routeLatencyNs[r] = routeEw[r] * c.hopEastWestNs() + routeNs[r] * c.hopNorthSouthNs();
                }
            }
        }

        double barrier = c.barrierNs(meshSpanHops(net, lim));
        long local = 0;
        long ew = 0;
        long ns = 0;
        double latencySum = 0;
        double latencyMax = 0;
        SpikeRaster s = run.spikes();
        int[] coreSyn = run.coreSynapticOps();
        int[] coreActive = run.coreActiveUpdates();
        int[] coreNeurons = run.coreNeurons();
        for (int t = 0; t < steps; t++) {
            double route = 0;
            for (int k = s.stepStart[t]; k < s.stepStart[t + 1]; k++) {
                int j = s.unit[k];
                for (int r = destStart[j]; r < destStart[j + 1]; r++) {
                    if (routeLocal[r]) {
                        local++;
                    } else {
                        ew += routeEw[r];
                        ns += routeNs[r];
                    }
                    route = Math.max(route, routeLatencyNs[r]);
                }
            }
            double compute = 0;
            for (int q = 0; q < cores; q++) {
                int a = coreActive[t * cores + q];
                double time = coreSyn[t * cores + q] * c.synapticOpNs() + a * c.neuronUpdateActiveNs()
                        + (coreNeurons[q] - a) * c.neuronUpdateInactiveNs();
                compute = Math.max(compute, time);
            }
            double step = compute + route + barrier;
            latencySum += step;
            latencyMax = Math.max(latencyMax, step);
        }

        long[] bits = new long[cores];
        int overhead = preset.synapse().overheadBitsPerSynapse();
        for (FixedPointProjection p : net.projections) {
            for (int k = 0; k < p.size(); k++) {
                bits[net.core[p.target()[k]]] += p.numWeightBits() + overhead;
            }
        }
        return new Budget(steps, cores, run.synapticOps(), run.activeUpdates(), run.inactiveUpdates(), s.size(), local, ew, ns,
                learningUpdates, run.synapticOps() * c.synapticOpPj(),
                run.activeUpdates() * c.neuronUpdateActivePj() + run.inactiveUpdates() * c.neuronUpdateInactivePj(),
                local * c.spikeWithinTilePj() + ew * c.hopEastWestPj() + ns * c.hopNorthSouthPj(),
                learningUpdates * c.synapticUpdatePj(), steps == 0 ? 0 : latencySum / steps, latencyMax, bits);
    }

    /** East-west plus north-south extent (tile hops) of the bounding rectangle of the tiles holding neurons. */
    static int meshSpanHops(FixedPointNetwork net, CoreLimits lim) {
        int minCol = Integer.MAX_VALUE;
        int maxCol = -1;
        int minRow = Integer.MAX_VALUE;
        int maxRow = -1;
        for (int core : net.core) {
            int tile = lim.tileOf(core);
            int col = tile % lim.meshColumns();
            int row = tile / lim.meshColumns();
            minCol = Math.min(minCol, col);
            maxCol = Math.max(maxCol, col);
            minRow = Math.min(minRow, row);
            maxRow = Math.max(maxRow, row);
        }
        return maxCol < 0 ? 0 : (maxCol - minCol) + (maxRow - minRow);
    }
}
