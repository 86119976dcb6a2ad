package org.hrsnn.simulator.connectivity;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;

/**
 * Every postsynaptic neuron receives exactly k synapses from k distinct presynaptic neurons,
 * chosen uniformly without replacement (NEST {@code fixed_indegree} with
 * {@code allow_multapses=False}). Without autapses and within one population, a neuron is never
 * its own partner, so at most N - 1 partners are available.
 */
public final class FixedInDegree implements ConnectivityRule {
    private final int k;
    private final boolean allowAutapses;

    public FixedInDegree(int k, boolean allowAutapses) {
        this.k = Check.nonNegative("connectivity.inDegree", k);
        this.allowAutapses = allowAutapses;
    }

    public int inDegree() {
        return k;
    }

    @Override
    public void connect(int preCount, int postCount, boolean samePopulation, RandomGenerator rng, EdgeSink sink) {
        boolean excludeSelf = samePopulation && !allowAutapses;
        int available = excludeSelf ? preCount - 1 : preCount;
        if (k > available) {
            throw new InvalidInputException("connectivity.inDegree", k,
                    "at most " + available + " (distinct presynaptic neurons available"
                            + (excludeSelf ? ", autapses excluded)" : ")"));
        }
        if (k == 0 || postCount == 0) {
            return;
        }
        DistinctSampler sampler = new DistinctSampler(preCount, k);
        int[] chosen = new int[k];
        for (int post = 0; post < postCount; post++) {
            sampler.draw(preCount, k, excludeSelf ? post : -1, rng, chosen);
            for (int i = 0; i < k; i++) {
                sink.add(chosen[i], post);
            }
        }
    }

    @Override
    public String describe() {
        return "fixed in-degree " + k + (allowAutapses ? "" : " (no autapses)");
    }
}
