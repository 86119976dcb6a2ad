package org.hrsnn.simulator.connectivity;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Which pairs (pre, post) of two populations are connected. Indices are local to each
 * population. Rules only choose the structure; weights and delays are drawn separately, from
 * their own streams, so changing a weight law never changes the wiring.
 */
public interface ConnectivityRule {

    /** Receives the chosen pairs, in a deterministic order. */
    @FunctionalInterface
    interface EdgeSink {
        void add(int pre, int post);
    }

    /**
     * Chooses the synapses from a population of {@code preCount} neurons onto one of
     * {@code postCount}; {@code samePopulation} tells whether they are the same neurons (for
     * rules that exclude autapses).
     */
    void connect(int preCount, int postCount, boolean samePopulation, RandomGenerator rng, EdgeSink sink);

    /** Short description for summaries, e.g. "fixed probability 0.02". */
    String describe();
}
