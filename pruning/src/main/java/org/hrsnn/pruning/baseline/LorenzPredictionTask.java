package org.hrsnn.pruning.baseline;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.learning.task.Sequence;
import org.hrsnn.learning.task.Task;
import org.hrsnn.pruning.evaluation.ChaoticSeries;
import org.hrsnn.simulator.Check;

/**
 * One-step-ahead prediction of the Lorenz x series as a learning task, the training signal of the
 * lottery-ticket baseline. It is the task the pruned networks are scored on
 * ({@code evaluation.TimeSeriesPrediction}): the same series (ChaoticSeries.lorenz), scaled to
 * [-1, 1], one sample per model step, one analog input channel u_t, target u_{t+1}. A trial is a
 * window of {@code steps} samples starting at a random offset of a fixed series of
 * {@code seriesLength} samples; the first {@code washout} steps carry no loss (the state forgets
 * its reset), the others weight 1 / (steps - washout).
 */
public final class LorenzPredictionTask implements Task {
    private final double[] u;
    private final int steps;
    private final int washout;

    public LorenzPredictionTask(int seriesLength, int steps, int washout) {
        Check.positive("lottery.sequenceSteps", steps);
        Check.nonNegative("lottery.washoutSteps", washout);
        if (washout >= steps) {
            throw new org.hrsnn.simulator.InvalidInputException("lottery.washoutSteps", washout,
                    "fewer than lottery.sequenceSteps = " + steps);
        }
        if (seriesLength < steps + 2) {
            throw new org.hrsnn.simulator.InvalidInputException("lottery.seriesLength", seriesLength,
                    "at least sequenceSteps + 2 = " + (steps + 2));
        }
        double[] s = ChaoticSeries.lorenz(seriesLength);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double span = hi > lo ? hi - lo : 1;
        u = new double[s.length];
        for (int t = 0; t < s.length; t++) {
            u[t] = 2 * (s[t] - lo) / span - 1;
        }
        this.steps = steps;
        this.washout = washout;
    }

    @Override
    public String name() {
        return "lorenz-one-step";
    }

    @Override
    public int inputs() {
        return 1;
    }

    @Override
    public int outputs() {
        return 1;
    }

    @Override
    public boolean classification() {
        return false;
    }

    @Override
    public Sequence sample(RandomGenerator g) {
        int start = g.nextInt(u.length - steps);
        double[][] x = new double[steps][1];
        double[][] y = new double[steps][1];
        double[] w = new double[steps];
        for (int t = 0; t < steps; t++) {
            x[t][0] = u[start + t];
            y[t][0] = u[start + t + 1];
            w[t] = t < washout ? 0 : 1.0 / (steps - washout);
        }
        return new Sequence(x, y, w, null, null);
    }
}
