package org.hrsnn.simulator.connectivity;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Draws k distinct indices from [0, n), optionally skipping one excluded index, by a partial
 * Fisher-Yates shuffle of a reusable pool that is restored after each draw: O(k) time per draw,
 * O(n) memory once, no allocation per draw.
 */
final class DistinctSampler {
    private final int[] pool;
    private final int[] swapped;

    DistinctSampler(int n, int maxK) {
        pool = new int[n];
        for (int i = 0; i < n; i++) {
            pool[i] = i;
        }
        swapped = new int[maxK];
    }

    /**
     * Writes k distinct indices of [0, n) \ {exclude} into {@code out[0..k)}, in draw order;
     * {@code exclude} < 0 excludes nothing. The caller guarantees k <= available count.
     */
    void draw(int n, int k, int exclude, RandomGenerator rng, int[] out) {
        // Work on "virtual" indices [0, m); with an exclusion, value v >= exclude maps to v + 1.
        int m = exclude >= 0 ? n - 1 : n;
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(m - i);
            int tmp = pool[i];
            pool[i] = pool[j];
            pool[j] = tmp;
            swapped[i] = j;
            int v = pool[i];
            out[i] = exclude >= 0 && v >= exclude ? v + 1 : v;
        }
        // Undo the swaps in reverse so the pool is the identity again for the next draw.
        for (int i = k - 1; i >= 0; i--) {
            int j = swapped[i];
            int tmp = pool[i];
            pool[i] = pool[j];
            pool[j] = tmp;
        }
    }
}
