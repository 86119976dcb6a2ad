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
 * every {@code epochSteps} steps and at the end of each trial, and online firing-rate regularisation
 * c (f_j - f*) / T as a direct spike error (f_j the trial's running rate). The estimator sees the
 * input frame that acted in the step ({@link FixedPointForwardPass#deliveredInput()}).
 */
public final class FixedPointTrainer {
    private final RecurrentSpikingModel model;
    private final Task task;
    private final FixedPointForwardPass forward;
    private final GradientEstimator estimator;
    private final FixedPointWeights weights;
    private final int epochSteps;
    private final double rateRegularization;
    private final double targetRateHz;
    private final RandomGenerator trials;

    public FixedPointTrainer(RecurrentSpikingModel model, Task task, FixedPointForwardPass forward,
                             GradientEstimator estimator, FixedPointWeights weights, int epochSteps,
                             double rateRegularization, double targetRateHz, RandomStreams streams) {
        if (task.inputs() != model.inputs || task.outputs() != model.outputs) {
            throw new InvalidInputException("model", model.inputs + " inputs, " + model.outputs + " outputs",
                    task.inputs() + " inputs and " + task.outputs() + " outputs (the task's)");
        }
        this.model = model;
        this.task = task;
        this.forward = forward;
        this.estimator = estimator;
        this.weights = weights;
        this.epochSteps = Check.positive("epochSteps", epochSteps);
        this.rateRegularization = Check.nonNegative("rateRegularization", rateRegularization);
        this.targetRateHz = Check.nonNegative("targetRateHz", targetRateHz);
        this.trials = streams.stream("learning/train/trials");
    }

    /** {@code iterations} training trials. */
    public TrainingResult run(int iterations) {
        Check.positive("iterations", iterations);
        double[] lossHist = new double[iterations];
        double[] errHist = new double[iterations];
        double[] rateHist = new double[iterations];
        ModelState s = forward.newState();
        double[] dy = new double[model.outputs];
        double[] spikeErr = rateRegularization > 0 ? new double[model.n] : null;
        double[] spikeCount = new double[model.n];
        double target = targetRateHz * model.dtMs / 1000;
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
        }
        return new TrainingResult(lossHist, errHist, rateHist, (System.nanoTime() - t0) / 1e9, steps);
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
