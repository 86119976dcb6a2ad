package org.hrsnn.pruning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrsnn.simulator.network.Network;

/**
 * A pruned network with what the strategy measured on the way.
 *
 * @param network      the pruned description
 * @param keptNeurons  for each neuron of {@code network}, its index in the input network
 *                     (ascending; the identity when no neuron was removed)
 * @param diagnostics  named figures (e.g. "lyapunov.largest", "ipr.before"), in insertion order
 */
public record PruningResult(Network network, int[] keptNeurons, Map<String, Double> diagnostics) {
    public PruningResult {
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
    }

    /** A result that removed no neuron. */
    public static PruningResult synapsesOnly(Network pruned, Map<String, Double> diagnostics) {
        int[] ids = new int[pruned.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        return new PruningResult(pruned, ids, diagnostics);
    }
}
