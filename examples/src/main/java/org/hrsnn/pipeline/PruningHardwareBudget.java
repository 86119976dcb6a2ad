package org.hrsnn.pipeline;

import java.util.List;
import org.hrsnn.hardware.budget.BudgetComparison;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.hardware.quantise.QuantiserOptions;
import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.PruningStrategies;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * What pruning buys on a chip: a network and its pruned version (one of the pruning module's
 * strategies, e.g. LNP, at a target synapse density) through the same hardware pipeline, preset,
 * inputs and seed (quantise, map, emulate bit-exactly, budget). It lives here because the hardware
 * module does not depend on the pruning module.
 */
public final class PruningHardwareBudget {

    /** The two budget rows (dense first) and what the pruning did. */
    public record Result(String strategy, double targetDensity, BudgetComparison.Row dense, BudgetComparison.Row pruned,
                         double pruningWallSeconds) {
        /** Ratios pruned / dense of cores, energy and latency. */
        public double coreRatio() {
            return pruned.cores() / (double) dense.cores();
        }

        public double energyRatio() {
            return pruned.energyPerInferenceUj() / dense.energyPerInferenceUj();
        }

        public double latencyRatio() {
            return pruned.latencyPerInferenceMs() / dense.latencyPerInferenceMs();
        }
    }

    /**
     * Prunes {@code dense} with {@code strategy} to {@code density} (streams from {@code seed}),
     * then budgets both on {@code preset} for a run of {@code durationMs}.
     */
    public Result compare(Network dense, String strategy, double density, HardwarePreset preset, QuantiserOptions options,
                          double durationMs, long seed) {
        if (!(density > 0 && density <= 1)) {
            throw new InvalidInputException("--density", density, "a fraction of synapses to keep in (0, 1]");
        }
        long t0 = System.nanoTime();
        PruningResult pruned = PruningStrategies.byName(strategy).prune(dense, density, new RandomStreams(seed));
        double wall = (System.nanoTime() - t0) * 1e-9;
        List<BudgetComparison.Row> rows = new BudgetComparison().compare(List.of("dense", strategy + " " + density),
                List.of(dense, pruned.network()), preset, options, durationMs, seed);
        return new Result(strategy, density, rows.get(0), rows.get(1), wall);
    }
}
