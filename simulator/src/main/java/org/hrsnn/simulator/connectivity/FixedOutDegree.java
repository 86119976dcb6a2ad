package org.hrsnn.simulator.connectivity;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;

/**
 * Every presynaptic neuron projects to exactly k distinct postsynaptic neurons, chosen uniformly
 * without replacement (NEST {@code fixed_outdegree} with {@code allow_multapses=False}).
 */
public final class FixedOutDegree implements ConnectivityRule {
    private final int k;
    private final boolean allowAutapses;

    public FixedOutDegree(int k, boolean allowAutapses) {
        this.k = Check.nonNegative("connectivity.outDegree", k);
        this.allowAutapses = allowAutapses;
    }

    public int outDegree() {
        return k;
    }

    @Override
    public void connect(int preCount, int postCount, boolean samePopulation, RandomGenerator rng, EdgeSink sink) {
        boolean excludeSelf = samePopulation && !allowAutapses;
        int available = excludeSelf ? postCount - 1 : postCount;
        if (k > available) {
            throw new InvalidInputException("connectivity.outDegree", k,
                    "at most " + available + " (distinct postsynaptic neurons available"
                            + (excludeSelf ? ", autapses excluded)" : ")"));
        }
        if (k == 0 || preCount == 0) {
            return;
        }
        DistinctSampler sampler = new DistinctSampler(postCount, k);
        int[] chosen = new int[k];
        for (int pre = 0; pre < preCount; pre++) {
            sampler.draw(postCount, k, excludeSelf ? pre : -1, rng, chosen);
            for (int i = 0; i < k; i++) {
                sink.add(pre, chosen[i]);
            }
        }
    }

    @Override
    public String describe() {
        return "fixed out-degree " + k + (allowAutapses ? "" : " (no autapses)");
    }
}
