package org.hrsnn.simulator.connectivity;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;

/**
 * Every pair is connected independently with probability p (Brian2 {@code connect(p=...)},
 * NEST {@code pairwise_bernoulli}). Drawn by geometric skipping over the pre x post pairs in
 * row-major order, so the cost is O(synapses), not O(pairs).
 */
public final class FixedProbability implements ConnectivityRule {
    private final double p;
    private final boolean allowAutapses;

    public FixedProbability(double p, boolean allowAutapses) {
        this.p = Check.probability("connectivity.probability", p);
        this.allowAutapses = allowAutapses;
    }

    public FixedProbability(double p) {
        this(p, true);
    }

    public double probability() {
        return p;
    }

    @Override
    public void connect(int preCount, int postCount, boolean samePopulation, RandomGenerator rng, EdgeSink sink) {
        if (p == 0 || preCount == 0 || postCount == 0) {
            return;
        }
        long pairs = (long) preCount * postCount;
        double logQ = Math.log1p(-p); // -inf when p == 1: every skip is 0
        long k = -1;
        while (true) {
            long skip = p == 1 ? 0 : (long) Math.floor(Math.log(1.0 - rng.nextDouble()) / logQ);
            k += 1 + skip;
            if (k >= pairs || k < 0) {
                return;
            }
            int pre = (int) (k / postCount);
            int post = (int) (k % postCount);
            if (!allowAutapses && samePopulation && pre == post) {
                continue;
            }
            sink.add(pre, post);
        }
    }

    @Override
    public String describe() {
        return "fixed probability " + p + (allowAutapses ? "" : " (no autapses)");
    }
}
