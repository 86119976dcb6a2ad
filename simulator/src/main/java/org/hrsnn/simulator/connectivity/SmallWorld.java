package org.hrsnn.simulator.connectivity;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;

/**
 * Directed Watts-Strogatz small world (Watts and Strogatz 1998) on one population of N neurons.
 *
 * <p>Start from a ring lattice: neuron i projects to its k nearest neighbours, i +- 1 .. i +- k/2
 * (mod N), so k must be even and at most N - 1. Then every edge i -> j, in order of source i and,
 * within a source, of offset +1, -1, +2, -2, ..., is rewired with probability {@code rewiring}:
 * its target is replaced by one drawn uniformly among the neurons that are neither i nor already
 * a target of i (so no self-loops and no duplicates; the out-degree stays exactly k, the
 * in-degree varies). rewiring = 0 is the lattice, 1 a random k-out graph.
 */
public final class SmallWorld implements ConnectivityRule {
    private final int k;
    private final double rewiring;

    public SmallWorld(int k, double rewiring) {
        Check.nonNegative("connectivity.smallWorld.k", k);
        if (k % 2 != 0) {
            throw new InvalidInputException("connectivity.smallWorld.k", k, "an even number (k/2 neighbours on each side)");
        }
        this.k = k;
        this.rewiring = Check.probability("connectivity.smallWorld.rewiring", rewiring);
    }

    public int k() {
        return k;
    }

    public double rewiring() {
        return rewiring;
    }

    @Override
    public void connect(int preCount, int postCount, boolean samePopulation, RandomGenerator rng, EdgeSink sink) {
        if (!samePopulation) {
            throw new InvalidInputException("connectivity.smallWorld.post", "a population other than pre",
                    "the pre population itself (a ring lattice wires one population onto itself)");
        }
        int n = preCount;
        if (k > n - 1) {
            throw new InvalidInputException("connectivity.smallWorld.k", k,
                    "at most N - 1 = " + (n - 1) + " for a population of " + n + " neurons");
        }
        int half = k / 2;
        int[] targets = new int[k];
        // isTarget marks the current targets of the source being wired; cleared after each source.
        boolean[] isTarget = new boolean[n];
        // With k = N - 1 every other neuron is already a target: nothing to rewire to.
        boolean canRewire = rewiring > 0 && k < n - 1;
        for (int i = 0; i < n; i++) {
            for (int d = 1; d <= half; d++) {
                targets[2 * d - 2] = (i + d) % n;
                targets[2 * d - 1] = (i - d + n) % n;
            }
            for (int e = 0; e < k; e++) {
                isTarget[targets[e]] = true;
            }
            if (canRewire) {
                for (int e = 0; e < k; e++) {
                    if (rng.nextDouble() < rewiring) {
                        int t;
                        do {
                            t = rng.nextInt(n);
                        } while (t == i || isTarget[t]);
                        isTarget[targets[e]] = false;
                        isTarget[t] = true;
                        targets[e] = t;
                    }
                }
            }
            for (int e = 0; e < k; e++) {
                sink.add(i, targets[e]);
                isTarget[targets[e]] = false;
            }
        }
    }

    @Override
    public String describe() {
        return "small world (k=" + k + ", rewiring=" + rewiring + ")";
    }
}
