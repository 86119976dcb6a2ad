package org.hrsnn.hardware.budget;

import java.util.ArrayList;
import java.util.List;
import org.hrsnn.hardware.HardwarePipeline;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.hardware.quantise.QuantiserOptions;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;

/**
 * Several versions of a network (e.g. before and after pruning) through the same pipeline, preset,
 * inputs and seed, side by side: cores, synapses, memory, energy and latency per inference.
 */
public final class BudgetComparison {

    /** One version's figures. */
    public record Row(String label, int neurons, long synapses, int cores, long synapseBits, long spikes,
                      double energyPerInferenceUj, double latencyPerInferenceMs, double rateCorrelation) {
    }

    public List<Row> compare(List<String> labels, List<Network> networks, HardwarePreset preset, QuantiserOptions options,
                             double durationMs, long seed) {
        if (labels.size() != networks.size()) {
            throw new InvalidInputException("labels", labels.size(), "one label per network (" + networks.size() + ")");
        }
        if (preset.costs() == null) {
            throw new InvalidInputException("preset '" + preset.name() + "'.costs", "(none)", "per-operation costs");
        }
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < networks.size(); k++) {
            HardwarePipeline.Result r = new HardwarePipeline().run(networks.get(k), preset, options, durationMs, seed);
            Budget b = r.budget();
            rows.add(new Row(labels.get(k), r.network().size, r.network().synapseCount(), b.coresUsed(), b.synapseBitsTotal(),
                    b.spikes(), b.energyPerInferencePj() * 1e-6, b.latencyPerInferenceNs() * 1e-6,
                    r.agreement().rateCorrelation()));
        }
        return rows;
    }
}
