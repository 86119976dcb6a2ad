package org.hrsnn.learning.task;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;

/**
 * Delayed match-to-sample: a sample stimulus (group A or B) for one period, delayPeriods silent
 * periods, a test stimulus (A or B) for one period, then a go cue period in which the output
 * says match (class 1) or non-match (class 0).
 */
public final class DelayedMatchToSample extends EpisodicTask {
    private final int delayPeriods;

    public DelayedMatchToSample() {
        this(3, 150, 1);
    }

    public DelayedMatchToSample(int delayPeriods, double periodMs, double dtMs) {
        super(3, periodMs, dtMs);
        this.delayPeriods = Check.nonNegative("delayPeriods", delayPeriods);
    }

    @Override
    public String name() {
        return "delayed-match-to-sample";
    }

    @Override
    public int outputs() {
        return 2;
    }

    @Override
    public Sequence sample(RandomGenerator g) {
        int total = delayPeriods + 3;
        double[][] x = frames(total);
        int a = g.nextInt(2);
        int b = g.nextInt(2);
        on(x, a, 0, g);
        on(x, b, delayPeriods + 1, g);
        on(x, 2, total - 1, g);
        return finish(x, new int[] {total - 1}, new int[] {a == b ? 1 : 0}, g);
    }
}
