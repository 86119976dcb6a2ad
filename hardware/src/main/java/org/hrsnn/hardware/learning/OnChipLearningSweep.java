package org.hrsnn.hardware.learning;

import java.util.ArrayList;
import java.util.List;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.learning.gradient.Eprop;
import org.hrsnn.learning.gradient.GradientEstimator;
import org.hrsnn.learning.gradient.SnapOne;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.optim.Sgd;
import org.hrsnn.learning.task.EvidenceAccumulation;
import org.hrsnn.learning.train.EvidenceSetup;
import org.hrsnn.learning.train.Trainer;
import org.hrsnn.learning.train.TrainingResult;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * On-chip learning emulation on evidence accumulation: the float rule (the learning module's
 * {@link Eprop} or {@link SnapOne}) against {@link FixedPointEprop} + {@link FixedPointWeights} at
 * several trace widths, all under the same budget: the same model and task (an {@link EvidenceSetup},
 * by default the e-prop paper's: 50 LIF + 50 ALIF, 7 cues, 1050 ms delay), the same seed (same
 * initial weights before quantisation, the same training trials, the same test trials), online
 * updates every {@code epochSteps} steps (the chip's learning epoch) one trial after another, the
 * same optimiser, learning rate and schedule, the same number of training trials. The fixed-point
 * rows run on the chip's integer neuron ({@link FixedPointForwardPass}, {@link FixedPointTrainer})
 * unless {@code Settings.fixedForward} is false; the float row is the learning module's {@code Trainer}.
 */
public final class OnChipLearningSweep {
    private HardwarePreset preset;

    /** Settings of one sweep. */
    public static final class Settings {
        /**
         * Model, task, rate regularisation, learning rate and schedule (lrDecayEvery counts trials), the
         * readout's and biases' relative rates; its batch, updateEvery and threads are not used (see below).
         */
        public EvidenceSetup setup = EvidenceSetup.paper();
        public int[] traceBits = {16, 12, 8, 7};
        public FixedPointEprop.Variant variant = FixedPointEprop.Variant.EPROP;
        /** Training trials, one after another (batch 1). */
        public int trials = 100;
        public int epochSteps = 63;
        /** "sgd" (chip-like) or "adam" (float moments on the host; see FixedPointWeights). */
        public String optimizer = "adam";
        public int testTrials = 100;
        public long seed = 1;
        /** Weight range as a multiple of the largest initial weight (see FixedPointWeights). */
        public double weightHeadroom = FixedPointWeights.HEADROOM;
        public boolean includeFloat = true;
        /**
         * true (default): the fixed-point rows run their forward pass on the chip's integer neuron
         * ({@link FixedPointForwardPass}, {@link FixedPointTrainer}); false: on the learning module's
         * float model with the dequantised weights (the earlier emulation; needed for weights wider
         * than the chip's format, e.g. the 32-bit controls).
         */
        public boolean fixedForward = true;
        /** Weight and accumulator widths and rounding: from the preset's onChipLearning unless overridden. */
        public Integer weightBits;
        public Integer accumulatorBits;
        public Boolean stochasticRounding;
        /** Integer bits of eps_a (range +-2^k); null: the format's default (as the other traces, +-8). */
        public Integer adaptationHeadroomBits;
        public int logEvery = 0;
        /** Called with (row index, trials done) after every training trial; null: none. */
        public java.util.function.BiConsumer<Integer, Integer> onTrial;
    }

    /** One configuration's outcome (training figures: means over the last 100 trials); {@code errorCurve}: training error per trial. */
    public record Row(String label, int traceBits, int weightBits, int accumulatorBits, boolean stochasticRounding,
                      double testError, double trainErrorLast100, double trainLossLast100, double meanRateHz,
                      long traceSaturations, long weightSaturations, double seconds, LearningBudget budget,
                      double[] errorCurve) {
    }

    /** The result: rows (float first when included) and the settings used. */
    public record Result(List<Row> rows, int trainingTrials, int stepsPerTrial, int epochSteps, long seed) {
    }

    public Result run(HardwarePreset preset, Settings s) {
        this.preset = preset;
        Check.positive("trials", s.trials);
        Check.positive("testTrials", s.testTrials);
        if (!s.optimizer.equals("sgd") && !s.optimizer.equals("adam")) {
            throw new InvalidInputException("optimizer", s.optimizer, "sgd or adam");
        }
        if (!(s.setup.lr > 0)) {
            throw new InvalidInputException("learningRate", s.setup.lr, "a number > 0");
        }
        LearningFormat base = LearningFormat.of(preset).withEpochSteps(s.epochSteps).checkedAgainst(preset);
        if (s.weightBits != null) {
            base = base.withWeightBits(s.weightBits);
        }
        if (s.accumulatorBits != null) {
            base = base.withAccumulatorBits(s.accumulatorBits);
        }
        if (s.stochasticRounding != null) {
            base = base.withStochasticRounding(s.stochasticRounding);
        }
        if (s.fixedForward && base.weightBits() > preset.synapse().weightBits() + 1) {
            throw new InvalidInputException("weightBits", base.weightBits(), "at most " + (preset.synapse().weightBits() + 1)
                    + " with the integer forward pass (the mixed range of the preset's weights); use the float forward pass for wider weights");
        }
        // Every row's format first, so a width that cannot hold the asked eps_a range fails before any training.
        List<LearningFormat> formats = new ArrayList<>();
        for (int bits : s.traceBits) {
            LearningFormat f = base.withTraceBits(bits);
            formats.add(s.adaptationHeadroomBits == null ? f : f.withAdaptationHeadroomBits(s.adaptationHeadroomBits));
        }
        EvidenceAccumulation task = s.setup.task();
        List<Row> rows = new ArrayList<>();
        if (s.includeFloat) {
            rows.add(train(task, s, null, rows.size()));
        }
        for (LearningFormat f : formats) {
            rows.add(train(task, s, f, rows.size()));
        }
        return new Result(rows, s.trials, task.steps(), s.epochSteps, s.seed);
    }

    /** The setup's network for the task (the same initial weights for every row of one seed). */
    static RecurrentSpikingModel model(EvidenceAccumulation task, Settings s, RandomStreams streams) {
        return s.setup.model(task.inputs(), task.outputs(), streams);
    }

    /** The float Trainer's settings for online learning one trial after another, every epochSteps steps. */
    static Trainer.Config trainerConfig(Settings s, int row) {
        Trainer.Config c = s.setup.trainerConfig();
        c.iterations = s.trials;
        c.batch = 1;
        c.updateEvery = s.epochSteps;
        c.threads = 1;
        c.clipNorm = Double.POSITIVE_INFINITY;
        c.maxSeconds = Double.POSITIVE_INFINITY;
        c.logEvery = s.logEvery;
        c.onIteration = s.onTrial == null ? null : done -> s.onTrial.accept(row, done);
        return c;
    }

    private Row train(EvidenceAccumulation task, Settings s, LearningFormat f, int rowIndex) {
        RandomStreams streams = new RandomStreams(s.seed);
        RecurrentSpikingModel model = model(task, s, streams);
        GradientEstimator est;
        FixedPointEprop fixed = null;
        FixedPointWeights weights = null;
        org.hrsnn.learning.optim.Optimizer opt;
        if (f == null) {
            est = s.variant == FixedPointEprop.Variant.EPROP ? Eprop.symmetric(model) : new SnapOne(model);
            opt = optimizer(s, model);
        } else {
            weights = new FixedPointWeights(model, f, optimizer(s, model), s.weightHeadroom, s.fixedForward, streams);
            fixed = new FixedPointEprop(model, f, s.variant, streams);
            est = fixed;
            opt = weights;
        }
        Trainer.Config c = trainerConfig(s, rowIndex);
        String rule = s.variant == FixedPointEprop.Variant.EPROP ? "e-prop" : "snap-1";
        if (f != null && s.fixedForward) {
            FixedPointForwardPass forward = new FixedPointForwardPass(model, weights, preset);
            TrainingResult r = new FixedPointTrainer(model, task, forward, fixed, weights, c, streams).run();
            double test = FixedPointTrainer.evaluate(model, forward, task, s.testTrials,
                    streams.stream("hardware/learning/test"));
            return new Row(rule + " fixed " + f.traceBits() + "b, integer LIF", f.traceBits(),
                    f.weightBits(), f.accumulatorBits(), f.stochasticRounding(), test, last(r.error(), 100),
                    last(r.loss(), 100), last(r.meanRateHz(), 100), fixed.saturations(), weights.saturations(),
                    r.seconds(), LearningBudget.of(model, f, s.variant), r.error());
        }
        TrainingResult r = new Trainer(model, task, est, opt, c, streams).run();
        double test = Trainer.evaluate(model, task, s.testTrials, streams.stream("hardware/learning/test"));
        return new Row(f == null ? rule + " float" : rule + " fixed " + f.traceBits() + "-bit traces",
                f == null ? 64 : f.traceBits(), f == null ? 64 : f.weightBits(), f == null ? 64 : f.accumulatorBits(),
                f != null && f.stochasticRounding(), test, last(r.error(), 100), last(r.loss(), 100),
                last(r.meanRateHz(), 100), fixed == null ? 0 : fixed.saturations(),
                weights == null ? 0 : weights.saturations(), r.seconds(),
                f == null ? null : LearningBudget.of(model, f, s.variant), r.error());
    }

    /** Adam with the setup's readout and bias rates, or plain SGD (which has no per-range rates). */
    private static org.hrsnn.learning.optim.Optimizer optimizer(Settings s, RecurrentSpikingModel model) {
        if (s.optimizer.equals("adam")) {
            return s.setup.adam(model);
        }
        Sgd sgd = new Sgd(s.setup.lr);
        s.setup.requireUnscaled(sgd);
        return sgd;
    }

    private static double last(double[] a, int k) {
        double sum = 0;
        int from = Math.max(0, a.length - k);
        for (int i = from; i < a.length; i++) {
            sum += a[i];
        }
        return sum / (a.length - from);
    }
}
