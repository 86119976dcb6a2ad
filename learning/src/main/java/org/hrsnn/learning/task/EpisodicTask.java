package org.hrsnn.learning.task;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;

/**
 * Shared frame of the symbolic memory tasks: time is cut into periods of periodMs ms; in a
 * period a channel group of GROUP channels can fire at 40 Hz; background noise (one group at
 * 10 Hz) runs throughout. Subclasses say which groups are on in which period and where the
 * decision windows are.
 */
abstract class EpisodicTask implements Task {
    static final int GROUP = 10;
    protected final double periodMs;
    protected final double dtMs;
    private final int groups;

    EpisodicTask(int groups, double periodMs, double dtMs) {
        this.groups = groups;
        this.periodMs = Check.positive("periodMs", periodMs);
        this.dtMs = Check.positive("dtMs", dtMs);
    }

    @Override
    public int inputs() {
        return (groups + 1) * GROUP;
    }

    @Override
    public boolean classification() {
        return true;
    }

    int periodSteps() {
        return Math.max(1, Frames.steps(periodMs, dtMs));
    }

    double[][] frames(int periods) {
        return new double[periods * periodSteps()][inputs()];
    }

    void on(double[][] x, int group, int period, RandomGenerator g) {
        int t0 = period * periodSteps();
        Frames.poisson(x, group * GROUP, GROUP, t0, t0 + periodSteps(), 40, dtMs, g);
    }

    Sequence finish(double[][] x, int[] decisionPeriods, int[] labels, RandomGenerator g) {
        Frames.poisson(x, groups * GROUP, GROUP, 0, x.length, 10, dtMs, g);
        int[] decision = new int[x.length];
        Arrays.fill(decision, -1);
        for (int d = 0; d < decisionPeriods.length; d++) {
            int t0 = decisionPeriods[d] * periodSteps();
            Arrays.fill(decision, t0, t0 + periodSteps(), d);
        }
        return new Sequence(x, null, null, decision, labels);
    }
}
