package org.hrsnn.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hrsnn.learning.cost.CostReport;
import org.hrsnn.learning.gradient.GradientEstimator;
import org.hrsnn.learning.gradient.Rules;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.optim.Adam;
import org.hrsnn.learning.task.EvidenceAccumulation;
import org.hrsnn.learning.train.EvidenceSetup;
import org.hrsnn.learning.train.Trainer;
import org.hrsnn.learning.train.TrainingDivergedException;
import org.hrsnn.learning.train.TrainingResult;
import org.hrsnn.report.HtmlReport;
import org.hrsnn.report.PlotSeries;
import org.hrsnn.report.Plots;
import org.hrsnn.report.Table;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Stage 3: trains a small recurrent LIF/ALIF network (org.hrsnn.learning) on evidence
 * accumulation with SnAp-1, SnAp-2, e-prop and BPTT from the same initial weights and the same
 * trials, and reports learning curves and each rule's cost (state kept and multiply-adds per step,
 * counted by the rule; measured wall time). The forward rules (SnAp-n, e-prop) compute their
 * gradient online, step by step, without storing the trajectory; BPTT stores it and runs
 * backward at the end of the trial. The task's loss lives in the recall window at the end of a
 * trial, so every rule applies its update there (Adam, one update per batch of trials).
 */
public final class LearningStage implements Stage {
    static final List<String> RULES = List.of("snap-1", "snap-2", "e-prop", "bptt");
    static final double LEARNING_RATE = 0.03;

    /**
     * One rule's outcome.
     *
     * @param rule             rule name
     * @param finalTrainError  mean training error over the last iterations (fraction of wrong decisions)
     * @param testError        error on fresh trials after training
     * @param finalLoss        mean training loss over the last iterations
     * @param stateFloats      numbers the rule keeps between steps (counted by the rule)
     * @param macsPerStep      multiply-adds per step for the gradient (counted by the rule)
     * @param seconds          wall time of the training run
     * @param stepsPerSecond   model steps (forward + gradient) per wall second
     * @param diverged         whether training diverged (then the numbers are those before)
     */
    public record RuleResult(String rule, double finalTrainError, double testError, double finalLoss,
                             long stateFloats, long macsPerStep, double seconds, double stepsPerSecond,
                             boolean diverged) {
    }

    /**
     * @param available   true: the learning module is in this build
     * @param note        what was run
     * @param task        task description
     * @param neurons     neurons of the trained network (half LIF, half ALIF)
     * @param iterations  training iterations per rule
     * @param batch       trials per iteration
     * @param rules       per-rule results
     */
    public record Summary(boolean available, String note, String task, int neurons, int iterations, int batch,
                          List<RuleResult> rules) {
    }

    @Override
    public String name() {
        return "learning";
    }

    @Override
    public double weight() {
        return 20;
    }

    @Override
    public Object run(DemoContext ctx) {
        DemoSettings set = ctx.settings();
        boolean quick = set.quick();
        // 12 + 12 neurons learn the short task within the budget (8 + 8 did not, in the quick run).
        int half = 12;
        double density = 0.2;
        // Three cues of 40 ms, a 100 ms delay: short enough to learn within the demo's budget
        // (the published 7-cue, 1 s version needs hundreds of iterations).
        EvidenceAccumulation task = new EvidenceAccumulation(3, 40, 20, 100, 40, 1);
        int batch = 8;
        int iterations = set.learningIterations();
        int window = Math.max(1, Math.min(10, iterations / 4));
        String taskName = String.format(Locale.ROOT, "evidence accumulation: 3 cues of 40 ms, 100 ms delay, %d steps "
                + "of 1 ms per trial", task.steps());

        List<RuleResult> results = new ArrayList<>();
        Map<String, double[]> errorCurves = new LinkedHashMap<>();
        Map<String, double[]> lossCurves = new LinkedHashMap<>();
        for (int k = 0; k < RULES.size(); k++) {
            String rule = RULES.get(k);
            RandomStreams streams = ctx.streams("learning");
            RecurrentSpikingModel.Spec spec = new RecurrentSpikingModel.Spec();
            spec.lifNeurons = half;
            spec.alifNeurons = half;
            spec.inputs = task.inputs();
            spec.outputs = task.outputs();
            spec.density = density;
            spec.membraneTauMs = 20;
            spec.tauSpread = 0.5;
            spec.adaptationTauMs = 500;
            // The e-prop paper's adaptation in our units (1.8 was about 30x too strong at tau_a 500 ms and
            // kept the network from learning within the demo's iterations; docs/learning.md).
            spec.adaptationStrength = EvidenceSetup.paperAdaptationStrength(spec.membraneTauMs, spec.adaptationTauMs);
            spec.threshold = 0.6;
            spec.readoutTauMs = 20;
            spec.recScale = 0.5;
            spec.inScale = 2.0;
            RecurrentSpikingModel model = spec.build(streams);
            GradientEstimator est = Rules.create(rule, model, streams);
            Trainer.Config c = new Trainer.Config();
            c.iterations = iterations;
            c.batch = batch;
            c.rateRegularization = 1.0;
            c.targetRateHz = 10;
            c.clipNorm = 10;
            boolean diverged = false;
            TrainingResult r;
            try {
                r = new Trainer(model, task, est, new Adam(LEARNING_RATE), c, streams).run();
            } catch (TrainingDivergedException e) {
                diverged = true;
                r = null;
            }
            CostReport cost = est.cost();
            if (r != null) {
                double test = Trainer.evaluate(model, task, quick ? 32 : 64, ctx.streams("learning").stream("test"));
                results.add(new RuleResult(rule, tailMean(r.error(), window), test, tailMean(r.loss(), window),
                        cost.stateFloats(), cost.macsPerStep(), r.seconds(), r.steps() / Math.max(1e-9, r.seconds()),
                        false));
                errorCurves.put(rule, running(r.error(), window));
                lossCurves.put(rule, running(r.loss(), window));
            } else {
                results.add(new RuleResult(rule, 1, 1, 0, cost.stateFloats(), cost.macsPerStep(), 0, 0, diverged));
            }
            ctx.progress().update((k + 1.0) / RULES.size());
        }

        HtmlReport.Section sec = ctx.report().section("Online learning: SnAp-1, SnAp-2, e-prop and BPTT");
        sec.paragraph(String.format(Locale.ROOT, "A recurrent network of %d LIF and %d adaptive (ALIF, tau_a 500 ms) "
                        + "neurons, recurrent connection probability %.2f, membrane time constants spread +-50 %% around "
                        + "20 ms, learned %s (decide which side had more cues after a delay) with each rule from the "
                        + "same initial weights and the same trials: %d iterations of %d trials, Adam (lr %.2f), input weights x2, "
                        + "adaptation strength %.3f (the e-prop paper's 1.7 in this model's units), "
                        + "gradient clipping at norm 10, firing-rate regularisation towards 10 Hz. Curves are running "
                        + "means over %d iterations; the test error is measured on fresh trials after training "
                        + "(0.5 = chance). State and multiply-adds are counted by each rule on this network; SnAp-2 "
                        + "keeps the influence of every parameter on the neurons two steps away, hence its cost.",
                half, half, density, taskName, iterations, batch, LEARNING_RATE,
                EvidenceSetup.paperAdaptationStrength(20, 500), window));
        List<PlotSeries> curves = new ArrayList<>();
        for (var e : errorCurves.entrySet()) {
            curves.add(PlotSeries.indexed(e.getKey(), e.getValue(), null));
        }
        if (!curves.isEmpty()) {
            sec.figure("Training error (fraction of wrong decisions) per iteration.", ctx.plot(Plots.learningCurves(
                    "Learning curves, evidence accumulation", "training error", curves, false), "learning-curves",
                    "learning curves (error)"));
            List<PlotSeries> losses = new ArrayList<>();
            for (var e : lossCurves.entrySet()) {
                losses.add(PlotSeries.indexed(e.getKey(), e.getValue(), null));
            }
            sec.figure("Training loss per iteration.", ctx.plot(Plots.learningCurves("Training loss", "loss", losses,
                    false), "learning-loss", "learning curves (loss)"));
        }
        Table.Builder t = Table.builder("Learning rules: result and cost").column("rule")
                .column("final training error", null, "%.3f").column("test error", null, "%.3f")
                .column("final loss", null, "%.4f").column("state kept", "numbers", null)
                .column("multiply-adds per step", null, null).column("wall time", "s", "%.2f")
                .column("steps per second", null, "%.0f").column("diverged");
        for (RuleResult r : results) {
            t.row(r.rule(), r.finalTrainError(), r.testError(), r.finalLoss(), r.stateFloats(), r.macsPerStep(),
                    r.seconds(), r.stepsPerSecond(), r.diverged());
        }
        sec.table(ctx.table(t.build(), "learning-cost"));
        RuleResult best = results.stream().filter(r -> !r.diverged())
                .min((a, b) -> Double.compare(a.testError(), b.testError())).orElse(null);
        if (best != null) {
            ctx.report().keyFigure("best online-learning test error", String.format(Locale.ROOT, "%.3f", best.testError()),
                    best.rule() + ", evidence accumulation");
        }
        return new Summary(true, "trained with " + String.join(", ", RULES), taskName, 2 * half, iterations, batch,
                results);
    }

    private static double tailMean(double[] a, int window) {
        double s = 0;
        int from = Math.max(0, a.length - window);
        for (int i = from; i < a.length; i++) {
            s += a[i];
        }
        return s / (a.length - from);
    }

    /** Running mean over the last {@code window} values (fewer at the start). */
    static double[] running(double[] a, int window) {
        double[] out = new double[a.length];
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
            if (i >= window) {
                s -= a[i - window];
            }
            out[i] = s / Math.min(i + 1, window);
        }
        return out;
    }
}
