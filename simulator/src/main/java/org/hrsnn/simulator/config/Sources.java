package org.hrsnn.simulator.config;

import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.input.SpikeSource;
import org.hrsnn.simulator.network.NetworkBuilder;

/** Construction of the input sources and explicit synapse lists that a configuration names. */
final class Sources {
    private Sources() {
    }

    // TODO(cli): replace with PoissonSource, SpikeTimesSource and NetworkBuilder.connectExplicit once merged.
    static SpikeSource poisson(InputConfig.Poisson p) {
        throw new InvalidInputException("inputs.type", "poisson", "an input type available in this build (current)");
    }

    static SpikeSource spikeTimes(InputConfig.SpikeTimes s) {
        throw new InvalidInputException("inputs.type", "spikeTimes", "an input type available in this build (current)");
    }

    static void connectExplicit(NetworkBuilder b, ConnectionConfig c) {
        throw new InvalidInputException("connections.synapses", "explicit list", "not available in this build");
    }
}
