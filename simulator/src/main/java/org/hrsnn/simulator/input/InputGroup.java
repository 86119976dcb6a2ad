package org.hrsnn.simulator.input;

import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * External input: a named spike source whose channels project onto the network's neurons
 * through {@code projection} (rows = channels, targets = neurons, weights in nA, delays in ms).
 */
public record InputGroup(String name, SpikeSource source, SynapseMatrix projection) {
}
