package org.hrsnn.examples;

import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.PruningStrategies;
import org.hrsnn.pruning.PruningStrategy;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Prune a network with Lyapunov noise pruning and with random pruning to half its synapses.
 * {@code java -cp hrsnn.jar org.hrsnn.examples.PruneNetwork [density]} (250-neuron network).
 */
public final class PruneNetwork {
    private PruneNetwork() {
    }

    public static void main(String[] args) {
        double density = args.length > 0 ? Double.parseDouble(args[0]) : 0.5;
        Network dense = Examples.smallConfig().build();
        for (String name : new String[] {"lnp", "random"}) {
            PruningStrategy strategy = PruningStrategies.byName(name);        // or new LyapunovNoisePruning(options)
            PruningResult r = strategy.prune(dense, density, new RandomStreams(7));
            Network sparse = r.network();                                    // the input is never modified
            System.out.printf("%-6s %d -> %d neurons, %d -> %d synapses%n", name, dense.size(), sparse.size(),
                    dense.synapses().size(), sparse.synapses().size());
        }
    }
}
