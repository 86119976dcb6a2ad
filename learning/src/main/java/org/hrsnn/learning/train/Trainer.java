package org.hrsnn.learning.train;

import java.util.Arrays;
import java.util.function.ObjIntConsumer;
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
        /** Called after every iteration with the number of iterations done (progress display); null: none. */
        public java.util.function.IntConsumer onIteration;
        /** Learning-rate schedule: multiply the rate by lrDecay every lrDecayEvery iterations (0: never). */
        public int lrDecayEvery = 0;
        public double lrDecay = 1.0;
        /** Wall-time budget: stop after the iteration that exceeds it (the result then has fewer iterations). */
        public double maxSeconds = Double.POSITIVE_INFINITY;
        /**
         * Offline training only: the trials of a batch run on this many threads (each with its own
         * estimator from the factory given to the constructor). Every trial's gradient is computed
         * on its own and the batch gradient is their sum in trial order, so the result is
         * bit-identical for any thread count.
         */
        public int threads = 1;

        /** Every field in its range; invalid input names the field. */
        public void validate() {
            Check.positive("iterations", iterations);
            Check.positive("batch", batch);
            Check.nonNegative("updateEvery", updateEvery);
            if (!(clipNorm > 0)) {
                throw new InvalidInputException("clipNorm", clipNorm, "a number > 0 (or infinity: no clipping)");
            }
            Check.nonNegative("rateRegularization", rateRegularization);
            Check.nonNegative("targetRateHz", targetRateHz);
            Check.nonNegative("lrDecayEvery", lrDecayEvery);
            if (!(maxSeconds > 0)) {
                throw new InvalidInputException("maxSeconds", maxSeconds, "a number > 0 (or infinity: no budget)");
            }
            Check.inRange("lrDecay", lrDecay, Double.MIN_VALUE, 1);
            Check.positive("threads", threads);
        }
    }

    private final RecurrentSpikingModel model;
    private final Task task;
    private final GradientEstimator estimator;
    private final java.util.function.Supplier<GradientEstimator> estimators;
    private final Optimizer optimizer;
    private final Config config;
    private final RandomGenerator trials;
    private double[] checkpoint;
    private int checkpointIteration;

    public Trainer(RecurrentSpikingModel model, Task task, GradientEstimator estimator, Optimizer optimizer,
                   Config config, RandomStreams streams) {
        this(model, task, estimator, null, optimizer, config, streams);
    }

    /**
     * With an estimator factory (one estimator per thread, all for {@code model}), needed for
     * {@code config.threads > 1}.
     */
    public Trainer(RecurrentSpikingModel model, Task task, java.util.function.Supplier<GradientEstimator> estimators,
                   Optimizer optimizer, Config config, RandomStreams streams) {
        this(model, task, estimators.get(), estimators, optimizer, config, streams);
    }

    private Trainer(RecurrentSpikingModel model, Task task, GradientEstimator estimator,
                    java.util.function.Supplier<GradientEstimator> estimators, Optimizer optimizer,
                    Config config, RandomStreams streams) {
        if (task.inputs() != model.inputs) {
            throw new InvalidInputException("model.inputs", model.inputs, task.inputs() + " (the task's input channels)");
        }
        if (task.outputs() != model.outputs) {
            throw new InvalidInputException("model.outputs", model.outputs, task.outputs() + " (the task's outputs)");
        }
        config.validate();
        if (config.threads > 1 && estimators == null) {
            throw new InvalidInputException("threads", config.threads,
                    "1 (parallel trials need an estimator factory: use the Supplier constructor)");
        }
        if (config.threads > 1 && config.updateEvery > 0) {
            throw new InvalidInputException("threads", config.threads,
                    "1 for online updates (updateEvery > 0): trials then depend on each other's updates");
        }
        this.model = model;
        this.task = task;
        this.estimator = estimator;
        this.estimators = estimators;
        this.optimizer = optimizer;
        this.config = config;
        this.trials = streams.stream("learning/train/trials");
        this.checkpoint = model.params.clone();
    }

    public TrainingResult run() {
        return config.updateEvery > 0 ? runOnline() : runOffline();
    }

    /** One trial's outcome: its gradient (offline) and tallies. */
    private final class Worker {
        final GradientEstimator est;
        final ModelState s = model.newState();
        final double[] dy = new double[model.outputs];
        final double[] spikeErr = config.rateRegularization > 0 ? new double[model.n] : null;
        final double[] spikeCount = new double[model.n];
        final double[] grad;
        double loss;
        int wrong;
        int decisions;
        double spikes;
        int steps;

        Worker(GradientEstimator est) {
            this.est = est;
            this.grad = new double[model.parameterCount()];
        }

        /** Runs one trial from a cleared gradient and keeps the trial's own gradient in {@link #grad}. */
        void trial(Sequence seq) {
            est.clearGradient();
            spikes = 0;
            SequenceLoss l = run(seq, null);
            est.flush();
            System.arraycopy(est.gradient(), 0, grad, 0, grad.length);
            loss = l.loss();
            wrong = l.wrongDecisions();
            decisions = l.decisions();
        }

        /**
         * Runs one sequence step by step through the model and the estimator (gradient not
         * cleared); its spikes add to {@link #spikes}; {@code afterStep} (or null) sees every step
         * with the loss so far, for online updates.
         */
        SequenceLoss run(Sequence seq, ObjIntConsumer<SequenceLoss> afterStep) {
            SequenceLoss l = new SequenceLoss(seq, model.outputs);
            s.reset();
            est.beginSequence();
            Arrays.fill(spikeCount, 0);
            double target = config.targetRateHz * model.dtMs / 1000;
            int len = seq.steps();
            for (int t = 0; t < len; t++) {
                double[] x = seq.inputs()[t];
                model.step(s, x);
                l.step(t, s.y, dy);
                if (spikeErr != null) {
                    for (int j = 0; j < model.n; j++) {
                        spikeCount[j] += s.z[j];
                        spikeErr[j] = config.rateRegularization * (spikeCount[j] / (t + 1) - target) / len;
                    }
                }
                est.step(s, x, dy, spikeErr);
                for (int j = 0; j < model.n; j++) {
                    spikes += s.z[j];
                }
                if (afterStep != null) {
                    afterStep.accept(l, t);
                }
            }
            steps = len;
            return l;
        }
    }

    private TrainingResult runOffline() {
        int iters = config.iterations;
        double[] lossHist = new double[iters];
        double[] errHist = new double[iters];
        double[] rateHist = new double[iters];
        int threads = Math.min(config.threads, config.batch);
        Worker[] workers = new Worker[threads];
        workers[0] = new Worker(estimator);
        for (int w = 1; w < threads; w++) {
            workers[w] = new Worker(estimators.get());
        }
        java.util.concurrent.ExecutorService pool = threads > 1
                ? java.util.concurrent.Executors.newFixedThreadPool(threads - 1, r -> {
                    Thread th = new Thread(r, "hrsnn-trials");
                    th.setDaemon(true);
                    return th;
                })
                : null;
        java.util.concurrent.Future<?>[] pending = new java.util.concurrent.Future<?>[threads];
        double[] g = new double[model.parameterCount()];
        Sequence[] seqs = new Sequence[config.batch];
        long steps = 0;
        long t0 = System.nanoTime();
        try {
            for (int it = 0; it < iters; it++) {
                Arrays.fill(g, 0);
                // Trials are drawn in order from the one stream, whatever the thread count.
                for (int b = 0; b < config.batch; b++) {
                    seqs[b] = task.sample(trials);
                }
                double lossSum = 0;
                int wrong = 0;
                int decisions = 0;
                double spikes = 0;
                long neuronSteps = 0;
                // Rounds of `threads` trials; their gradients are added in trial order.
                for (int b0 = 0; b0 < config.batch; b0 += threads) {
                    int inRound = Math.min(threads, config.batch - b0);
                    for (int w = 1; w < inRound; w++) {
                        final Worker wk = workers[w];
                        final Sequence seq = seqs[b0 + w];
                        pending[w] = pool.submit(() -> wk.trial(seq));
                    }
                    workers[0].trial(seqs[b0]);
                    for (int w = 1; w < inRound; w++) {
                        try {
                            pending[w].get();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("interrupted", e);
                        } catch (java.util.concurrent.ExecutionException e) {
                            if (e.getCause() instanceof RuntimeException re) {
                                throw re;
                            }
                            throw new IllegalStateException("trial failed", e.getCause());
                        }
                    }
                    for (int w = 0; w < inRound; w++) {
                        Worker wk = workers[w];
                        double[] tg = wk.grad;
                        for (int k = 0; k < g.length; k++) {
                            g[k] += tg[k];
                        }
                        lossSum += wk.loss;
                        wrong += wk.wrong;
                        decisions += wk.decisions;
                        spikes += wk.spikes;
                        steps += wk.steps;
                        neuronSteps += (long) wk.steps * model.n;
                    }
                }
                update(it, lossSum, 1.0 / config.batch, g);
                lossHist[it] = lossSum / config.batch;
                errHist[it] = decisions == 0 ? Double.NaN : (double) wrong / decisions;
                rateHist[it] = spikes / neuronSteps * 1000 / model.dtMs;
                if (endOfIteration(it, lossHist, errHist, rateHist, t0)) {
                    int done = it + 1;
                    return new TrainingResult(Arrays.copyOf(lossHist, done), Arrays.copyOf(errHist, done),
                            Arrays.copyOf(rateHist, done), (System.nanoTime() - t0) / 1e9, steps);
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new TrainingResult(lossHist, errHist, rateHist, (System.nanoTime() - t0) / 1e9, steps);
    }

    /** Checkpoint, progress, schedule; true when the time budget says stop (and iterations remain). */
    private boolean endOfIteration(int it, double[] lossHist, double[] errHist, double[] rateHist, long t0) {
        checkpoint = model.params.clone();
        checkpointIteration = it + 1;
        if (config.logEvery > 0 && (it + 1) % config.logEvery == 0) {
            System.out.printf(java.util.Locale.ROOT, "%s %s it %d loss %.4f error %.3f rate %.1f Hz (%.0f s)%n",
                    task.name(), estimator.name(), it + 1, lossHist[it], errHist[it], rateHist[it],
                    (System.nanoTime() - t0) / 1e9);
        }
        if (config.onIteration != null) {
            config.onIteration.accept(it + 1);
        }
        if (config.lrDecayEvery > 0 && (it + 1) % config.lrDecayEvery == 0) {
            optimizer.scaleLearningRate(config.lrDecay);
        }
        return (System.nanoTime() - t0) / 1e9 > config.maxSeconds && it + 1 < config.iterations;
    }

    private TrainingResult runOnline() {
        int iters = config.iterations;
        double[] lossHist = new double[iters];
        double[] errHist = new double[iters];
        double[] rateHist = new double[iters];
        Worker w = new Worker(estimator);
        long steps = 0;
        long t0 = System.nanoTime();
        for (int it = 0; it < iters; it++) {
            estimator.clearGradient();
            double lossSum = 0;
            int wrong = 0;
            int decisions = 0;
            w.spikes = 0;
            long neuronSteps = 0;
            int iteration = it;
            ObjIntConsumer<SequenceLoss> everyK = (loss, t) -> {
                if ((t + 1) % config.updateEvery == 0) {
                    onlineUpdate(iteration, loss.loss(), 1.0 / config.batch);
                }
            };
            for (int b = 0; b < config.batch; b++) {
                SequenceLoss loss = w.run(task.sample(trials), everyK);
                steps += w.steps;
                neuronSteps += (long) w.steps * model.n;
                onlineUpdate(it, loss.loss(), 1.0 / config.batch);
                lossSum += loss.loss();
                wrong += loss.wrongDecisions();
                decisions += loss.decisions();
            }
            lossHist[it] = lossSum / config.batch;
            errHist[it] = decisions == 0 ? Double.NaN : (double) wrong / decisions;
            rateHist[it] = w.spikes / neuronSteps * 1000 / model.dtMs;
            if (endOfIteration(it, lossHist, errHist, rateHist, t0)) {
                int done = it + 1;
                return new TrainingResult(Arrays.copyOf(lossHist, done), Arrays.copyOf(errHist, done),
                        Arrays.copyOf(rateHist, done), (System.nanoTime() - t0) / 1e9, steps);
            }
        }
        return new TrainingResult(lossHist, errHist, rateHist, (System.nanoTime() - t0) / 1e9, steps);
    }

    private void onlineUpdate(int iteration, double loss, double scale) {
        estimator.flush();
        update(iteration, loss, scale, estimator.gradient());
        estimator.clearGradient();
    }

    /** Flushes, scales, checks, clips and applies the gradient; restores the checkpoint on NaN. */
    private void update(int iteration, double loss, double scale, double[] g) {
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
        for (double v : model.params) {
            if (!Double.isFinite(v)) {
                System.arraycopy(checkpoint, 0, model.params, 0, checkpoint.length);
                throw new TrainingDivergedException("training diverged at iteration " + (iteration + 1) + " with rule "
                        + estimator.name() + ": an update made a parameter " + v
                        + "; parameters restored to the checkpoint after iteration " + checkpointIteration,
                        iteration + 1, checkpointIteration, checkpoint);
            }
        }
    }

    /** Fraction of wrong decisions (classification) or mean loss (regression) on fresh trials, without learning. */
    public static double evaluate(RecurrentSpikingModel model, Task task, int trialCount, RandomGenerator g) {
        return evaluate(task, model.outputs, model.newState(), new ForwardPass() {
            @Override
            public void reset(ModelState s) {
                s.reset();
            }

            @Override
            public void step(ModelState s, double[] input) {
                model.step(s, input);
            }
        }, trialCount, g);
    }

    /** How a network runs forward without learning (the float model, or a fixed-point emulation of it). */
    public interface ForwardPass {
        void reset(ModelState s);

        void step(ModelState s, double[] input);
    }

    /**
     * Error (classification: fraction of wrong decisions) or mean loss on {@code trialCount} fresh
     * trials from {@code g}, run by {@code forward} in state {@code s}, without learning.
     */
    public static double evaluate(Task task, int outputs, ModelState s, ForwardPass forward, int trialCount,
                                  RandomGenerator g) {
        double[] dy = new double[outputs];
        int wrong = 0;
        int decisions = 0;
        double lossSum = 0;
        for (int b = 0; b < trialCount; b++) {
            Sequence seq = task.sample(g);
            SequenceLoss loss = new SequenceLoss(seq, outputs);
            forward.reset(s);
            for (int t = 0; t < seq.steps(); t++) {
                forward.step(s, seq.inputs()[t]);
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
