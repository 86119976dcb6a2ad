package org.hrsnn.hardware.compare;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.hardware.fixedpoint.SpikeRaster;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.readout.RidgeRegression;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.input.PoissonSource;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * A readout task to score spike trains by: classify which of {@code classes} input rate patterns
 * drove the network in each trial, from a linear readout of the network's spike counts. The same
 * inputs drive the float and the fixed-point network, each gets its own readout, so the drop of
 * the accuracy is what the bits cost the task.
 *
 * <ul>
 * <li>Patterns: for every input group, class and channel a sign s = +-1 (stream
 *     {@code "hardware/task/patterns"}); in a trial of class k, channel c fires as a Poisson process
 *     of rate r0 (1 + depth s) with r0 the group's own Poisson rate at t = 0 ({@code fallbackRateHz}
 *     for other sources).</li>
 * <li>Trials: consecutive windows of {@code trialMs}, classes drawn uniformly (stream
 *     {@code "hardware/task/classes"}); input spikes from {@code "hardware/task/input/" + group}.</li>
 * <li>Features: spike counts of (at most {@code maxNeurons}, evenly spaced) neurons in each trial's
 *     window shifted by {@code lagMs} (the response comes after the input).</li>
 * <li>Readout: one ridge readout per class ({@link RidgeRegression}, one output each) fitted to +1 / -1 on the first
 *     {@code trainFraction} of the trials; a test trial gets the class with the largest output;
 *     the score is the fraction of test trials classified correctly (chance: 1 / classes).</li>
 * </ul>
 */
public final class PatternClassificationTask {

    /** The task's settings; {@link #defaults()} for the documented values. */
    public record Settings(int classes, double trialMs, double lagMs, double depth, double fallbackRateHz,
                           double trainFraction, int maxNeurons, double relativeLambda) {
        public Settings {
            if (classes < 2) {
                throw new InvalidInputException("task.classes", classes, "an integer >= 2");
            }
            Check.positive("task.trialMs", trialMs);
            Check.nonNegative("task.lagMs", lagMs);
            if (!(depth >= 0 && depth <= 1)) {
                throw new InvalidInputException("task.depth", depth, "a number in [0, 1]");
            }
            Check.positive("task.fallbackRateHz", fallbackRateHz);
            if (!(trainFraction > 0 && trainFraction < 1)) {
                throw new InvalidInputException("task.trainFraction", trainFraction, "a number in (0, 1)");
            }
            Check.positive("task.maxNeurons", maxNeurons);
            Check.positive("task.relativeLambda", relativeLambda);
        }

        /** 4 classes, 25 ms trials, 2 ms lag, depth 0.8, 20 Hz fallback rate, 70 % training, 1000 neurons, lambda 1. */
        public static Settings defaults() {
            return new Settings(4, 25, 2, 0.8, 20, 0.7, 1000, 1.0);
        }
    }

    private final Settings settings;
    private final int trials;
    private final int[] label;
    private final SpikeTrains[] inputs;

    public PatternClassificationTask(Network net, double durationMs, long seed, Settings settings) {
        this.settings = settings;
        Check.positive("duration", durationMs);
        this.trials = (int) Math.floor((durationMs - settings.lagMs()) / settings.trialMs() + 1e-9);
        int train = (int) Math.round(settings.trainFraction() * trials);
        if (train < 2 * settings.classes() || trials - train < settings.classes()) {
            throw new InvalidInputException("duration", durationMs, "enough trials of " + settings.trialMs() + " ms for "
                    + settings.classes() + " classes: at least " + (int) Math.ceil(3.0 * settings.classes() / Math.min(
                    settings.trainFraction(), 1 - settings.trainFraction())) + " trials");
        }
        if (net.inputs().isEmpty()) {
            throw new InvalidInputException("network inputs", "(none)", "at least one input group to carry the task's patterns");
        }
        RandomStreams streams = new RandomStreams(seed);
        RandomGenerator classes = streams.stream("hardware/task/classes");
        label = new int[trials];
        for (int k = 0; k < trials; k++) {
            label[k] = classes.nextInt(settings.classes());
        }
        RandomGenerator patterns = streams.stream("hardware/task/patterns");
        inputs = new SpikeTrains[net.inputs().size()];
        for (int g = 0; g < inputs.length; g++) {
            InputGroup in = net.inputs().get(g);
            double r0 = in.source() instanceof PoissonSource p ? p.rateHz(0, 0) : settings.fallbackRateHz();
            int channels = in.source().channels();
            double[][] patternRate = new double[settings.classes()][channels];
            for (int k = 0; k < settings.classes(); k++) {
                for (int c = 0; c < channels; c++) {
                    patternRate[k][c] = r0 * (1 + settings.depth() * (patterns.nextBoolean() ? 1 : -1));
                }
            }
            double[][] rate = new double[channels][trials];
            for (int c = 0; c < channels; c++) {
                for (int k = 0; k < trials; k++) {
                    rate[c][k] = patternRate[label[k]][c];
                }
            }
            inputs[g] = PoissonSource.timeVarying(rate, settings.trialMs())
                    .generate(durationMs, streams.stream("hardware/task/input/" + in.name()));
        }
    }

    /** The input spike trains of the task, one per input group of the network. */
    public SpikeTrains[] inputs() {
        return inputs.clone();
    }

    /** The class of every trial. */
    public int[] labels() {
        return label.clone();
    }

    /** The spike counts of the picked neurons per trial ([trial][feature]). */
    double[][] features(SpikeRaster spikes, double dtMs) {
        int n = spikes.units;
        int f = Math.min(n, settings.maxNeurons());
        int[] column = new int[n];
        Arrays.fill(column, -1);
        for (int k = 0; k < f; k++) {
            column[(int) ((long) k * n / f)] = k;
        }
        double[][] x = new double[trials][f];
        for (int t = 0; t < spikes.steps; t++) {
            // a spike in step t happened at the end of the step, time (t + 1) dt
            double ms = (t + 1) * dtMs - settings.lagMs();
            int trial = (int) Math.floor(ms / settings.trialMs() - 1e-9);
            if (trial < 0 || trial >= trials) {
                continue;
            }
            for (int q = spikes.stepStart[t]; q < spikes.stepStart[t + 1]; q++) {
                int col = column[spikes.unit[q]];
                if (col >= 0) {
                    x[trial][col] += 1;
                }
            }
        }
        return x;
    }

    /** The test accuracy (fraction of test trials classified correctly) of readouts of {@code spikes} (steps of {@code dtMs}). */
    public double score(SpikeRaster spikes, double dtMs) {
        if (spikes.steps * dtMs < trials * settings.trialMs() + settings.lagMs() - 1e-9) {
            throw new InvalidInputException("task spikes", spikes.steps + " steps", "a run covering every trial ("
                    + (trials * settings.trialMs() + settings.lagMs()) + " ms)");
        }
        double[][] x = features(spikes, dtMs);
        int train = (int) Math.round(settings.trainFraction() * trials);
        int k = settings.classes();
        double[][] y = new double[trials][k];
        for (int t = 0; t < trials; t++) {
            for (int c = 0; c < k; c++) {
                y[t][c] = label[t] == c ? 1 : -1;
            }
        }
        RidgeRegression readout = RidgeRegression.fit(x, y, 0, train, settings.relativeLambda());
        int correct = 0;
        for (int t = train; t < trials; t++) {
            double[] out = readout.predict(x[t]);
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (out[c] > out[best]) {
                    best = c;
                }
            }
            if (best == label[t]) {
                correct++;
            }
        }
        return correct / (double) (trials - train);
    }
}
