package org.hrsnn.pruning;

import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * A pruning strategy: a function Network -&gt; Network. {@code targetDensity} is the fraction of
 * the input network's synapses to keep, in (0, 1]; strategies that also remove or add
 * synapses in later steps (LNP) report the density they reached. Every random draw comes from
 * {@code streams} under the strategy's own stream names, so the same seed gives the same
 * pruned network.
 */
public interface PruningStrategy {
    /** Short name used on the command line and in reports ("lnp", "random", ...). */
    String name();

    PruningResult prune(Network network, double targetDensity, RandomStreams streams);

    /** The pruned network alone. */
    default Network apply(Network network, double targetDensity, RandomStreams streams) {
        return prune(network, targetDensity, streams).network();
    }

    /** Rejects densities outside (0, 1]; returns the target number of synapses. */
    static int targetCount(Network network, double targetDensity) {
        if (!(targetDensity > 0 && targetDensity <= 1)) {
            throw new InvalidInputException("targetDensity", targetDensity,
                    "a fraction of the synapses to keep in (0, 1]");
        }
        return (int) Math.round(targetDensity * network.synapses().size());
    }
}
