package org.hrsnn.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.hrsnn.learning.cost.CostReport;
import org.hrsnn.learning.gradient.GradientEstimator;
import org.hrsnn.learning.gradient.Rules;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.optim.Adam;
import org.hrsnn.learning.optim.Optimizer;
import org.hrsnn.learning.optim.Sgd;
import org.hrsnn.learning.task.Task;
import org.hrsnn.learning.task.Tasks;
import org.hrsnn.learning.train.EvidenceSetup;
import org.hrsnn.learning.train.Trainer;
import org.hrsnn.learning.train.TrainingDivergedException;
import org.hrsnn.learning.train.TrainingResult;
import org.hrsnn.report.PlotSeries;
import org.hrsnn.report.Plots;
import org.hrsnn.report.Table;
import org.hrsnn.report.Tables;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hrsnn learn}: trains a random LIF/ALIF network on a generated task with one learning
 * rule. Writes learning-curve.csv / .png, parameters.csv (the final parameters, or the last good
 * checkpoint when training diverged) and summary.json (final loss, test error or loss, cost report).
 */
@Command(name = "learn", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {LearnCurvesCommand.class},
        description = {"Train a recurrent LIF/ALIF spiking network on a generated task with an online rule",
            "(e-prop, SnAp-1, SnAp-2, exact RTRL) or BPTT. Writes learning-curve.csv, learning-curve.png,",
            "parameters.csv and summary.json into the output folder."},
        footer = {"", "Exit codes: 0 done, 2 invalid input (also: a rule too costly for the network),",
            "3 training diverged (NaN/infinite loss or gradient; parameters.csv holds the last good checkpoint)."})
final class LearnCommand implements Callable<Integer> {
    static final int EXIT_DIVERGED = 3;

    /** The short names for the module's rule names. */
    static final Map<String, String> RULE_ALIASES = Map.of("snap1", "snap-1", "snap2", "snap-2", "eprop", "e-prop",
            "eprop-random", "e-prop-random", "rtrl", "rtrl", "bptt", "bptt");
    static final Map<String, String> TASK_ALIASES = Map.of("evidence", "evidence-accumulation",
            "pattern", "pattern-generation", "dmts", "delayed-match-to-sample", "parity", "n-parity");

    @Option(names = "--task", paramLabel = "NAME", defaultValue = "evidence",
            description = "evidence (evidence-accumulation), pattern-generation, store-recall, "
                    + "delayed-match-to-sample, n-parity, copy (default: ${DEFAULT-VALUE}).")
    String task;

    @Option(names = "--rule", paramLabel = "NAME", defaultValue = "eprop",
            description = "snap1, snap2, eprop, rtrl, bptt, or a module name (snap-<n>, e-prop, e-prop-random, "
                    + "tbptt-<K>, bptt-stop-gradient; suffixes :f32, :t<threads> for snap-1, e-prop) "
                    + "(default: ${DEFAULT-VALUE}).")
    String rule;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Learning settings (YAML or JSON; keys as in docs/learning.md). Default: built-in.")
    Path config;

    @Option(names = "--iterations", paramLabel = "N", description = "Override the configuration's iterations.")
    Integer iterations;

    @Option(names = "--batch", paramLabel = "B", description = "Override the configuration's batch size.")
    Integer batch;

    @Option(names = "--seed", paramLabel = "N", description = "Override the configuration's seed.")
    Long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Override the configuration's threads: trials of a batch in parallel (only with "
                    + "updateEvery 0; the results do not depend on it).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "hrsnn-out/learn",
            description = "Output folder, created if needed (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    static String ruleName(String name) {
        return RULE_ALIASES.getOrDefault(name, name);
    }

    static String taskName(String name) {
        return TASK_ALIASES.getOrDefault(name, name);
    }

    @Override
    public Integer call() {
        LearnSettings cfg = LearnSettings.read(config);
        if (iterations != null) {
            cfg.iterations = iterations;
        }
        if (batch != null) {
            cfg.batch = batch;
        }
        if (seed != null) {
            cfg.seed = seed;
        }
        if (threads != null) {
            cfg.threads = threads;
        }
        EvidenceSetup setup = cfg.setup();
        RandomStreams streams = new RandomStreams(cfg.seed);
        String taskName = taskName(task);
        Task t = taskName.equals("evidence-accumulation") ? setup.task() : Tasks.named(taskName, streams);
        RecurrentSpikingModel model = setup.model(t.inputs(), t.outputs(), streams);
        String ruleName = ruleName(rule);
        refuseTooCostly(ruleName, model, t, cfg);
        GradientEstimator est = Rules.create(ruleName, model, streams);
        CostReport cost = est.cost();
        double macs = (double) cost.macsPerStep() * meanSteps(t, streams) * cfg.batch * cfg.iterations;
        if (macs > cfg.maxMultiplyAdds) {
            throw new InvalidInputException("rule", rule, String.format(Locale.ROOT,
                    "a rule this network can afford: %s needs %d multiply-adds per step, about %.3g for the run "
                            + "(limit maxMultiplyAdds = %.3g); use snap1 or eprop, or fewer iterations",
                    cost.rule(), cost.macsPerStep(), macs, cfg.maxMultiplyAdds));
        }
        Optimizer opt = switch (cfg.optimizer) {
            case "adam" -> setup.adam(model);
            case "sgd" -> new Sgd(cfg.lr);
            default -> throw new InvalidInputException("optimizer", cfg.optimizer, "adam or sgd");
        };
        if (!(opt instanceof Adam)) {
            setup.requireUnscaled(opt);
        }
        Trainer.Config c = setup.trainerConfig();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ProgressBar bar = new ProgressBar(stderr, ProgressBar.wanted(common.quiet), "learn " + est.name());
        bar.startCount(cfg.iterations, "iterations");
        c.onIteration = bar::onProgress;
        // More threads need one estimator per thread: the first is the one already made (same draws as
        // before for threads 1), further ones are made alike.
        GradientEstimator[] first = {est};
        Supplier<GradientEstimator> estimators = () -> {
            GradientEstimator e = first[0];
            first[0] = null;
            return e != null ? e : Rules.create(ruleName, model, streams);
        };
        Trainer trainer = new Trainer(model, t, estimators, opt, c, streams);
        try (OutputFolder folder = OutputFolder.open(out)) {
            TrainingResult r;
            try {
                r = trainer.run();
                bar.finish(cfg.iterations);
            } catch (TrainingDivergedException e) {
                bar.finish(e.iteration());
                writeParameters(folder, e.checkpoint());
                folder.commit();
                stderr.println("hrsnn: " + e.getMessage() + "; last good parameters written to "
                        + folder.finalPath("parameters.csv"));
                stderr.flush();
                return EXIT_DIVERGED;
            }
            double test = Trainer.evaluate(model, t, cfg.testTrials, streams.stream("learning/test"));
            writeCurves(folder, r, est.name(), t.classification());
            writeParameters(folder, model.params);
            ObjectNode s = summary(t, est.name(), cfg, r, test, cost);
            try {
                Files.writeString(folder.file("summary.json"), Json.line(s) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            folder.commit();
            if (common.json) {
                stdout.println(Json.line(s));
            } else if (!common.quiet) {
                int last = r.loss().length - 1;
                stdout.printf(Locale.ROOT, "%s with %s: %d iterations x batch %d, final training loss %.4f, %s %.4f "
                                + "on %d fresh trials, %.1f s%n", t.name(), est.name(), cfg.iterations, cfg.batch,
                        r.loss()[last], t.classification() ? "test error" : "test loss", test, cfg.testTrials,
                        r.seconds());
                stdout.printf(Locale.ROOT, "cost: %d floats of state, %d multiply-adds per step (%s)%n",
                        cost.stateFloats(), cost.macsPerStep(), cost.note());
                stdout.println("wrote " + folder.target());
            }
            stdout.flush();
        }
        return 0;
    }

    /** Exact RTRL: refuse before allocating when its memory exceeds half the heap, naming the size. */
    private static void refuseTooCostly(String ruleName, RecurrentSpikingModel model, Task t, LearnSettings cfg) {
        if (ruleName.equals("rtrl")) {
            long bytes = org.hrsnn.learning.gradient.Rtrl.requiredBytes(model);
            long max = Runtime.getRuntime().maxMemory() / 2;
            if (bytes > max) {
                throw new InvalidInputException("rule", "rtrl", String.format(Locale.ROOT,
                        "a rule this network can afford: exact RTRL needs %d bytes (%d MiB) for n = %d, p = %d; "
                                + "at most %d bytes (half the heap) allowed; use snap1, snap2 or eprop", bytes,
                        bytes >> 20, model.n, model.stateParameters(), max));
            }
        }
    }

    private static double meanSteps(Task t, RandomStreams streams) {
        var g = streams.stream("learning/cli/cost-probe");
        double sum = 0;
        for (int k = 0; k < 4; k++) {
            sum += t.sample(g).steps();
        }
        return sum / 4;
    }

    private static void writeCurves(OutputFolder folder, TrainingResult r, String rule, boolean classification) {
        Table.Builder b = Table.builder("learning curve (" + rule + ")").column("iteration")
                .column("training loss", null, "%.5f").column("training error", null, "%.4f")
                .column("mean rate", "Hz", "%.2f");
        for (int i = 0; i < r.loss().length; i++) {
            b.row(i + 1, r.loss()[i], classification ? r.error()[i] : null, r.meanRateHz()[i]);
        }
        Tables.writeCsv(b.build(), folder.file("learning-curve.csv"));
        List<PlotSeries> curves = new ArrayList<>();
        curves.add(PlotSeries.indexed("training loss", r.loss(), null));
        if (classification) {
            curves.add(PlotSeries.indexed("training error", r.error(), null));
        }
        try {
            Files.write(folder.file("learning-curve.png"),
                    Plots.png(Plots.learningCurves("learning curve: " + rule, "loss / error", curves, false)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeParameters(OutputFolder folder, double[] params) {
        StringBuilder sb = new StringBuilder(params.length * 24).append("index,value\n");
        for (int k = 0; k < params.length; k++) {
            sb.append(k).append(',').append(Double.toString(params[k])).append('\n');
        }
        try {
            Files.writeString(folder.file("parameters.csv"), sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode summary(Task t, String rule, LearnSettings cfg, TrainingResult r, double test,
                                      CostReport cost) {
        ObjectNode s = Json.object();
        s.put("command", "learn");
        s.put("task", t.name());
        s.put("rule", rule);
        s.put("iterations", cfg.iterations);
        s.put("batch", cfg.batch);
        s.put("seed", cfg.seed);
        s.put("preset", cfg.preset);
        s.put("threads", cfg.threads);
        s.put("neurons", cfg.lif + cfg.alif);
        int last = r.loss().length - 1;
        s.put("finalTrainingLoss", r.loss()[last]);
        if (t.classification()) {
            s.put("finalTrainingError", r.error()[last]);
            s.put("testError", test);
        } else {
            s.put("testLoss", test);
        }
        s.put("testTrials", cfg.testTrials);
        s.put("seconds", r.seconds());
        s.put("steps", r.steps());
        ObjectNode c = s.putObject("cost");
        c.put("stateFloats", cost.stateFloats());
        c.put("multiplyAddsPerStep", cost.macsPerStep());
        c.put("note", cost.note());
        return s;
    }
}
