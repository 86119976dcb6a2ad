package org.hrsnn.hardware.learning;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.learning.gradient.GradientEstimator;
import org.hrsnn.learning.model.ModelState;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.task.Sequence;
import org.hrsnn.learning.task.SequenceLoss;
import org.hrsnn.learning.task.Task;
import org.hrsnn.learning.train.Trainer;
import org.hrsnn.learning.train.TrainingResult;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Online training with the whole loop in fixed point: forward pass on the chip's integer neuron
 * ({@link FixedPointForwardPass}), traces and accumulators in {@link FixedPointEprop}, integer
 * weights with (stochastic) rounding in {@link FixedPointWeights}. The schedule is the learning
 * module's online {@code Trainer} with batch 1: one trial per iteration, trials drawn from stream
 * "learning/train/trials" (the same trials the float Trainer draws), the accumulated gradient applied
 * every {@code updateEvery} steps (the learning epoch) and at the end of each trial, the same
 * learning-rate schedule, and online firing-rate regularisation
 * c (f_j - f*) / T as a direct spike error (f_j the trial's running rate). The estimator sees the
 * input frame that acted in the step ({@link FixedPointForwardPass#deliveredInput()}).
 */
public final class FixedPointTrainer {
    private final RecurrentSpikingModel model;
    private final Task task;
    private final FixedPointForwardPass forward;
    private final GradientEstimator estimator;
    private final FixedPointWeights weights;
    private final Trainer.Config config;
    private final RandomGenerator trials;

    /**
     * @param config the float {@code Trainer}'s settings, of which this uses iterations (= trials),
     *               updateEvery (the learning epoch, >= 1), rateRegularization, targetRateHz,
     *               lrDecayEvery / lrDecay (counted in trials), logEvery and onIteration; batch must be 1
     *               (the chip learns one trial after another)
     */
    public FixedPointTrainer(RecurrentSpikingModel model, Task task, FixedPointForwardPass forward,
                             GradientEstimator estimator, FixedPointWeights weights, Trainer.Config config,
                             RandomStreams streams) {
        if (task.inputs() != model.inputs || task.outputs() != model.outputs) {
            throw new InvalidInputException("model", model.inputs + " inputs, " + model.outputs + " outputs",
                    task.inputs() + " inputs and " + task.outputs() + " outputs (the task's)");
        }
        if (config.batch != 1) {
            throw new InvalidInputException("batch", config.batch, "1 (on-chip learning runs one trial after another)");
        }
        config.validate();
        Check.positive("updateEvery", config.updateEvery);
        this.model = model;
        this.task = task;
        this.forward = forward;
        this.estimator = estimator;
        this.weights = weights;
        this.config = config;
        this.trials = streams.stream("learning/train/trials");
    }

    /** {@code config.iterations} training trials. */
    public TrainingResult run() {
        int iterations = config.iterations;
        int epochSteps = config.updateEvery;
        double rateRegularization = config.rateRegularization;
        double[] lossHist = new double[iterations];
        double[] errHist = new double[iterations];
        double[] rateHist = new double[iterations];
        ModelState s = forward.newState();
        double[] dy = new double[model.outputs];
        double[] spikeErr = rateRegularization > 0 ? new double[model.n] : null;
        double[] spikeCount = new double[model.n];
        double target = config.targetRateHz * model.dtMs / 1000;
        long steps = 0;
        long t0 = System.nanoTime();
        for (int it = 0; it < iterations; it++) {
            estimator.clearGradient();
            Sequence seq = task.sample(trials);
            SequenceLoss loss = new SequenceLoss(seq, model.outputs);
            forward.reset(s);
            estimator.beginSequence();
            Arrays.fill(spikeCount, 0);
            int len = seq.steps();
            double spikes = 0;
            for (int t = 0; t < len; t++) {
                forward.step(s, seq.inputs()[t]);
                loss.step(t, s.y, dy);
                if (spikeErr != null) {
                    for (int j = 0; j < model.n; j++) {
                        spikeCount[j] += s.z[j];
                        spikeErr[j] = rateRegularization * (spikeCount[j] / (t + 1) - target) / len;
                    }
                }
                estimator.step(s, forward.deliveredInput(), dy, spikeErr);
                for (int j = 0; j < model.n; j++) {
                    spikes += s.z[j];
                }
                if ((t + 1) % epochSteps == 0) {
                    update();
                }
            }
            update();
            steps += len;
            lossHist[it] = loss.loss();
            errHist[it] = loss.decisions() == 0 ? Double.NaN : (double) loss.wrongDecisions() / loss.decisions();
            rateHist[it] = spikes / ((double) len * model.n) * 1000 / model.dtMs;
            if (config.logEvery > 0 && (it + 1) % config.logEvery == 0) {
                System.out.printf(java.util.Locale.ROOT, "%s %s trial %d loss %.4f error (last %d) %.3f rate %.1f Hz (%.0f s)%n",
                        task.name(), estimator.name(), it + 1, lossHist[it], config.logEvery,
                        meanOfLast(errHist, it + 1, config.logEvery), rateHist[it], (System.nanoTime() - t0) / 1e9);
            }
            if (config.onIteration != null) {
                config.onIteration.accept(it + 1);
            }
            if (config.lrDecayEvery > 0 && (it + 1) % config.lrDecayEvery == 0) {
                weights.scaleLearningRate(config.lrDecay);
            }
        }
        return new TrainingResult(lossHist, errHist, rateHist, (System.nanoTime() - t0) / 1e9, steps);
    }

    private static double meanOfLast(double[] a, int done, int k) {
        double sum = 0;
        int count = 0;
        for (int i = Math.max(0, done - k); i < done; i++) {
            if (!Double.isNaN(a[i])) {
                sum += a[i];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private void update() {
        estimator.flush();
        double[] g = estimator.gradient();
        for (double x : g) {
            if (!Double.isFinite(x)) {
                throw new IllegalStateException("non-finite gradient in the host-side readout");
            }
        }
        weights.apply(model.params, g);
        estimator.clearGradient();
    }

    /** Fraction of wrong decisions on {@code trialCount} fresh trials from {@code g}, without learning. */
    public static double evaluate(RecurrentSpikingModel model, FixedPointForwardPass forward, Task task, int trialCount,
                                  RandomGenerator g) {
        return Trainer.evaluate(task, model.outputs, forward.newState(), forward, trialCount, g);
    }
}
