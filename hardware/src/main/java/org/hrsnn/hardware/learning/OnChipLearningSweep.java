package org.hrsnn.hardware.learning;

import java.util.ArrayList;
import java.util.List;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.learning.gradient.Eprop;
import org.hrsnn.learning.gradient.GradientEstimator;
import org.hrsnn.learning.gradient.SnapOne;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.optim.Adam;
import org.hrsnn.learning.optim.Sgd;
import org.hrsnn.learning.task.EvidenceAccumulation;
import org.hrsnn.learning.train.Trainer;
import org.hrsnn.learning.train.TrainingResult;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * On-chip learning emulation on evidence accumulation: the float rule (the learning module's
 * {@link Eprop} or {@link SnapOne}) against {@link FixedPointEprop} + {@link FixedPointWeights} at
 * several trace widths, all under the same budget: the same model (50 LIF + 50 ALIF, the
 * {@code Experiments evidence} setup), the same seed (same initial weights before quantisation, the
 * same training trials, the same test trials), online updates every {@code epochSteps} steps with
 * the same optimiser and learning rate, the same number of training trials. The fixed-point rows run
 * on the chip's integer neuron ({@link FixedPointForwardPass}, {@link FixedPointTrainer}) unless
 * {@code Settings.fixedForward} is false; the float row is the learning module's {@code Trainer}.
 */
public final class OnChipLearningSweep {
    private HardwarePreset preset;

    /** Settings of one sweep. */
    public static final class Settings {
        public int[] traceBits = {16, 12, 8, 7};
        public FixedPointEprop.Variant variant = FixedPointEprop.Variant.EPROP;
        public int iterations = 100;
        public int batch = 1;
        public int epochSteps = 63;
        public double learningRate = 0.05;
        public double rateRegularization = 1.0;
        public double delayMs = 1000;
        /** Number of cues (odd); 7 in the published setup. */
        public int cues = 7;
        /** "sgd" (chip-like) or "adam" (float moments on the host; see FixedPointWeights). */
        public String optimizer = "sgd";
        public int testTrials = 100;
        public long seed = 1;
        /** Initial input weight scale (x vth / sqrt(inputs)); 1 in {@code Experiments evidence}. */
        public double inScale = 1.0;
        public double recScale = 0.5;
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
        public int logEvery = 0;
    }

    /** One configuration's outcome. */
    public record Row(String label, int traceBits, int weightBits, int accumulatorBits, boolean stochasticRounding,
                      double testError, double trainErrorLast10, double trainLossLast10, double meanRateHz,
                      long traceSaturations, long weightSaturations, double seconds, LearningBudget budget) {
    }

    /** The result: rows (float first when included) and the settings used. */
    public record Result(List<Row> rows, int trainingTrials, int stepsPerTrial, int epochSteps, long seed) {
    }

    public Result run(HardwarePreset preset, Settings s) {
        this.preset = preset;
        Check.positive("iterations", s.iterations);
        Check.positive("batch", s.batch);
        Check.positive("testTrials", s.testTrials);
        if (!s.optimizer.equals("sgd") && !s.optimizer.equals("adam")) {
            throw new InvalidInputException("optimizer", s.optimizer, "sgd or adam");
        }
        if (!(s.learningRate > 0)) {
            throw new InvalidInputException("learningRate", s.learningRate, "a number > 0");
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
        EvidenceAccumulation task = new EvidenceAccumulation(s.cues, 100, 50, s.delayMs, 150, 1);
        List<Row> rows = new ArrayList<>();
        if (s.includeFloat) {
            rows.add(train(task, s, null));
        }
        for (int bits : s.traceBits) {
            rows.add(train(task, s, base.withTraceBits(bits)));
        }
        return new Result(rows, s.iterations * s.batch, task.steps(), s.epochSteps, s.seed);
    }

    /** The model of {@code Experiments evidence}: 50 LIF + 50 ALIF, all-to-all, tau_a 2 s (weight scales from the settings). */
    static RecurrentSpikingModel model(EvidenceAccumulation task, Settings s, RandomStreams streams) {
        RecurrentSpikingModel.Spec m = new RecurrentSpikingModel.Spec();
        m.lifNeurons = 50;
        m.alifNeurons = 50;
        m.inputs = task.inputs();
        m.outputs = task.outputs();
        m.density = 1.0;
        m.membraneTauMs = 20;
        m.adaptationTauMs = 2000;
        m.adaptationStrength = 1.8;
        m.threshold = 0.6;
        m.readoutTauMs = 20;
        m.recScale = s.recScale;
        m.inScale = s.inScale;
        return m.build(streams);
    }

    private Row train(EvidenceAccumulation task, Settings s, LearningFormat f) {
        RandomStreams streams = new RandomStreams(s.seed);
        RecurrentSpikingModel model = model(task, s, streams);
        GradientEstimator est;
        FixedPointEprop fixed = null;
        FixedPointWeights weights = null;
        org.hrsnn.learning.optim.Optimizer opt;
        if (f == null) {
            est = s.variant == FixedPointEprop.Variant.EPROP ? Eprop.symmetric(model) : new SnapOne(model);
            opt = optimizer(s);
        } else {
            weights = new FixedPointWeights(model, f, optimizer(s), s.weightHeadroom, s.fixedForward, streams);
            fixed = new FixedPointEprop(model, f, s.variant, streams);
            est = fixed;
            opt = weights;
        }
        String rule = s.variant == FixedPointEprop.Variant.EPROP ? "e-prop" : "snap-1";
        if (f != null && s.fixedForward) {
            FixedPointForwardPass forward = new FixedPointForwardPass(model, weights, preset);
            TrainingResult r = new FixedPointTrainer(model, task, forward, fixed, weights, s.epochSteps,
                    s.rateRegularization, 10, streams).run(s.iterations * s.batch);
            double test = FixedPointTrainer.evaluate(model, forward, task, s.testTrials,
                    streams.stream("hardware/learning/test"));
            return new Row(rule + " fixed " + f.traceBits() + "b, integer LIF", f.traceBits(),
                    f.weightBits(), f.accumulatorBits(), f.stochasticRounding(), test, last(r.error(), 10),
                    last(r.loss(), 10), last(r.meanRateHz(), 10), fixed.saturations(), weights.saturations(),
                    r.seconds(), LearningBudget.of(model, f, s.variant));
        }
        Trainer.Config c = new Trainer.Config();
        c.iterations = s.iterations;
        c.batch = s.batch;
        c.updateEvery = s.epochSteps;
        c.rateRegularization = s.rateRegularization;
        c.targetRateHz = 10;
        c.logEvery = s.logEvery;
        TrainingResult r = new Trainer(model, task, est, opt, c, streams).run();
        double test = Trainer.evaluate(model, task, s.testTrials, streams.stream("hardware/learning/test"));
        return new Row(f == null ? rule + " float" : rule + " fixed " + f.traceBits() + "-bit traces",
                f == null ? 64 : f.traceBits(), f == null ? 64 : f.weightBits(), f == null ? 64 : f.accumulatorBits(),
                f != null && f.stochasticRounding(), test, last(r.error(), 10), last(r.loss(), 10),
                last(r.meanRateHz(), 10), fixed == null ? 0 : fixed.saturations(),
                weights == null ? 0 : weights.saturations(), r.seconds(),
                f == null ? null : LearningBudget.of(model, f, s.variant));
    }

    private static org.hrsnn.learning.optim.Optimizer optimizer(Settings s) {
        return s.optimizer.equals("adam") ? new Adam(s.learningRate) : new Sgd(s.learningRate);
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
