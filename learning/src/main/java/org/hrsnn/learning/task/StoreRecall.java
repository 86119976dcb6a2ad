package org.hrsnn.learning.task;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;

/**
 * Store-recall (e-prop, Bellec et al. 2020): groups store, recall, bit-0, bit-1. In each of
 * {@code periods} periods a random bit is shown on its group; in one random period the store
 * group fires with it, in a later one the recall group fires and the output must name the
 * stored bit during that period. Bits shown without a store command are distractors.
 */
public final class StoreRecall extends EpisodicTask {
    private final int periods;

    public StoreRecall() {
        this(8, 200, 1);
    }

    public StoreRecall(int periods, double periodMs, double dtMs) {
        super(4, periodMs, dtMs);
        this.periods = Check.positive("periods", periods);
        if (periods < 2) {
            throw new org.hrsnn.simulator.InvalidInputException("periods", periods, "an integer >= 2");
        }
    }

    @Override
    public String name() {
        return "store-recall";
    }

    @Override
    public int outputs() {
        return 2;
    }

    @Override
    public Sequence sample(RandomGenerator g) {
        double[][] x = frames(periods);
        int store = g.nextInt(periods - 1);
        int recall = store + 1 + g.nextInt(periods - 1 - store);
        int stored = 0;
        for (int p = 0; p < periods; p++) {
            if (p == recall) {
                on(x, 1, p, g);
                continue;
            }
            int bit = g.nextInt(2);
            on(x, 2 + bit, p, g);
            if (p == store) {
                on(x, 0, p, g);
                stored = bit;
            }
        }
        return finish(x, new int[] {recall}, new int[] {stored}, g);
    }
}
