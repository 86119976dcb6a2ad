package org.hrsnn.learning.train;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.learning.gradient.GradientEstimator;
import org.hrsnn.learning.model.ModelState;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.optim.GradientClipping;
import org.hrsnn.learning.optim.Optimizer;
import org.hrsnn.learning.task.Sequence;
import org.hrsnn.learning.task.SequenceLoss;
import org.hrsnn.learning.task.Task;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Trains a model on a task with one gradient estimator and one optimiser.
 *
 * <p>Offline ({@code updateEvery = 0}): the gradients of {@code batch} trials are summed, divided
 * by the batch size, clipped and applied once per iteration. Online ({@code updateEvery = K}):
 * within every trial the gradient is flushed and applied every K steps and at the trial's end
 * (for BPTT that is truncated BPTT with window K); traces carry on across updates.
 *
 * <p>Firing-rate regularisation (e-prop): loss c/2 sum_j (f_j - f*)^2 with f_j the trial's rate
 * of neuron j; its derivative c (f_j - f*) / T is given to the estimator as a direct spike error
 * at each step, with f_j the running rate of the trial so far (the online form).
 *
 * <p>Before every update the parameters are checkpointed; a NaN or infinite loss or gradient
 * restores the last checkpoint and throws {@link TrainingDivergedException}.
 */
public final class Trainer {
    /** Run settings. */
    public static final class Config {
        public int iterations = 100;
        public int batch = 16;
        /** 0: offline (one update per batch); K > 0: online, an update every K steps. */
        public int updateEvery = 0;
        public double clipNorm = Double.POSITIVE_INFINITY;
        public double rateRegularization = 0;
        public double targetRateHz = 10;
        /** Print a progress line every this many iterations (0: silent). */
        public int logEvery = 0;
    }

    private final RecurrentSpikingModel model;
    private final Task task;
    private final GradientEstimator estimator;
    private final Optimizer optimizer;
    private final Config config;
    private final RandomGenerator trials;
    private double[] checkpoint;
    private int checkpointIteration;

    public Trainer(RecurrentSpikingModel model, Task task, GradientEstimator estimator, Optimizer optimizer,
                   Config config, RandomStreams streams) {
        if (task.inputs() != model.inputs) {
            throw new InvalidInputException("model.inputs", model.inputs, task.inputs() + " (the task's input channels)");
        }
        if (task.outputs() != model.outputs) {
            throw new InvalidInputException("model.outputs", model.outputs, task.outputs() + " (the task's outputs)");
        }
        Check.positive("iterations", config.iterations);
        Check.positive("batch", config.batch);
        Check.nonNegative("updateEvery", config.updateEvery);
        if (!(config.clipNorm > 0)) {
            throw new InvalidInputException("clipNorm", config.clipNorm, "a number > 0 (or infinity: no clipping)");
        }
        Check.nonNegative("rateRegularization", config.rateRegularization);
        Check.nonNegative("targetRateHz", config.targetRateHz);
        this.model = model;
        this.task = task;
        this.estimator = estimator;
        this.optimizer = optimizer;
        this.config = config;
        this.trials = streams.stream("learning/train/trials");
        this.checkpoint = model.params.clone();
    }

    public TrainingResult run() {
        int iters = config.iterations;
        double[] lossHist = new double[iters];
        double[] errHist = new double[iters];
        double[] rateHist = new double[iters];
        ModelState s = model.newState();
        double[] dy = new double[model.outputs];
        double[] spikeErr = config.rateRegularization > 0 ? new double[model.n] : null;
        double[] spikeCount = new double[model.n];
        double target = config.targetRateHz * model.dtMs / 1000;
        long steps = 0;
        long t0 = System.nanoTime();
        boolean online = config.updateEvery > 0;
        for (int it = 0; it < iters; it++) {
            estimator.clearGradient();
            double lossSum = 0;
            int wrong = 0;
            int decisions = 0;
            double spikes = 0;
            long neuronSteps = 0;
            for (int b = 0; b < config.batch; b++) {
                Sequence seq = task.sample(trials);
                SequenceLoss loss = new SequenceLoss(seq, model.outputs);
                s.reset();
                estimator.beginSequence();
                Arrays.fill(spikeCount, 0);
                int len = seq.steps();
                for (int t = 0; t < len; t++) {
                    double[] x = seq.inputs()[t];
                    model.step(s, x);
                    loss.step(t, s.y, dy);
                    if (spikeErr != null) {
                        for (int j = 0; j < model.n; j++) {
                            spikeCount[j] += s.z[j];
                            spikeErr[j] = config.rateRegularization * (spikeCount[j] / (t + 1) - target) / len;
                        }
                    }
                    estimator.step(s, x, dy, spikeErr);
                    for (int j = 0; j < model.n; j++) {
                        spikes += s.z[j];
                    }
                    if (online && (t + 1) % config.updateEvery == 0) {
                        update(it, loss.loss(), 1.0 / config.batch);
                    }
                }
                steps += len;
                neuronSteps += (long) len * model.n;
                if (online) {
                    update(it, loss.loss(), 1.0 / config.batch);
                } else {
                    estimator.flush();
                }
                lossSum += loss.loss();
                wrong += loss.wrongDecisions();
                decisions += loss.decisions();
            }
            if (!online) {
                update(it, lossSum, 1.0 / config.batch);
            }
            lossHist[it] = lossSum / config.batch;
            errHist[it] = decisions == 0 ? Double.NaN : (double) wrong / decisions;
            rateHist[it] = spikes / neuronSteps * 1000 / model.dtMs;
            checkpoint = model.params.clone();
            checkpointIteration = it + 1;
            if (config.logEvery > 0 && (it + 1) % config.logEvery == 0) {
                System.out.printf(java.util.Locale.ROOT, "%s %s it %d loss %.4f error %.3f rate %.1f Hz (%.0f s)%n",
                        task.name(), estimator.name(), it + 1, lossHist[it], errHist[it], rateHist[it],
                        (System.nanoTime() - t0) / 1e9);
            }
        }
        return new TrainingResult(lossHist, errHist, rateHist, (System.nanoTime() - t0) / 1e9, steps);
    }

    /** Flushes, scales, checks, clips and applies the gradient; restores the checkpoint on NaN. */
    private void update(int iteration, double loss, double scale) {
        estimator.flush();
        double[] g = estimator.gradient();
        boolean finite = Double.isFinite(loss);
        for (int k = 0; k < g.length && finite; k++) {
            g[k] *= scale;
            finite = Double.isFinite(g[k]);
        }
        if (!finite) {
            System.arraycopy(checkpoint, 0, model.params, 0, checkpoint.length);
            throw new TrainingDivergedException("training diverged at iteration " + (iteration + 1) + " with rule "
                    + estimator.name() + ": the " + (Double.isFinite(loss) ? "gradient" : "loss") + " is "
                    + (Double.isFinite(loss) ? "not finite" : String.valueOf(loss))
                    + "; parameters restored to the checkpoint after iteration " + checkpointIteration,
                    iteration + 1, checkpointIteration, checkpoint);
        }
        if (config.clipNorm < Double.POSITIVE_INFINITY) {
            GradientClipping.clipNorm(g, config.clipNorm);
        }
        optimizer.apply(model.params, g);
        estimator.clearGradient();
    }

    /** Fraction of wrong decisions (classification) or mean loss (regression) on fresh trials, without learning. */
    public static double evaluate(RecurrentSpikingModel model, Task task, int trialCount, RandomGenerator g) {
        ModelState s = model.newState();
        double[] dy = new double[model.outputs];
        int wrong = 0;
        int decisions = 0;
        double lossSum = 0;
        for (int b = 0; b < trialCount; b++) {
            Sequence seq = task.sample(g);
            SequenceLoss loss = new SequenceLoss(seq, model.outputs);
            s.reset();
            for (int t = 0; t < seq.steps(); t++) {
                model.step(s, seq.inputs()[t]);
                loss.step(t, s.y, dy);
            }
            wrong += loss.wrongDecisions();
            decisions += loss.decisions();
            lossSum += loss.loss();
        }
        return task.classification() ? (double) wrong / decisions : lossSum / trialCount;
    }

    public double[] checkpoint() {
        return checkpoint.clone();
    }
}
