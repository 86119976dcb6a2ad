package org.hrsnn.simulator.connectivity;

import org.apache.commons.math3.random.RandomGenerator;

/** Every pre neuron projects to every post neuron (autapses optional within one population). Draws nothing. */
public final class AllToAll implements ConnectivityRule {
    private final boolean allowAutapses;

    public AllToAll(boolean allowAutapses) {
        this.allowAutapses = allowAutapses;
    }

    @Override
    public void connect(int preCount, int postCount, boolean samePopulation, RandomGenerator rng, EdgeSink sink) {
        boolean excludeSelf = samePopulation && !allowAutapses;
        for (int pre = 0; pre < preCount; pre++) {
            for (int post = 0; post < postCount; post++) {
                if (!(excludeSelf && pre == post)) {
                    sink.add(pre, post);
                }
            }
        }
    }

    @Override
    public String describe() {
        return "all-to-all" + (allowAutapses ? "" : " (no autapses)");
    }
}
