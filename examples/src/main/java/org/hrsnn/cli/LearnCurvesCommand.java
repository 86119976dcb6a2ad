package org.hrsnn.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hrsnn.learning.gradient.Rules;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.task.Task;
import org.hrsnn.learning.train.CopyTaskSetup;
import org.hrsnn.learning.train.Trainer;
import org.hrsnn.report.PlotSeries;
import org.hrsnn.report.Plots;
import org.hrsnn.report.Table;
import org.hrsnn.report.Tables;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hrsnn learn curves}: learning speed on the copy task ({@link CopyTaskSetup}) for several
 * rules over seeds 1..K. Seed s draws its network and trials from {@code new RandomStreams(s)}, so
 * every rule starts from the same network at that seed. Writes curves.csv/json (per iteration: mean
 * and sample sd over seeds and every seed's loss), learning-curves.png/svg (running mean of the
 * mean, band one sd) and summary.json.
 */
@Command(name = "curves", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Learning curves on the copy task for several rules over several seeds (online updates every",
            "10 steps; bptt offline, once per batch). Writes curves.csv/json, learning-curves.png/svg and summary.json."})
final class LearnCurvesCommand implements Callable<Integer> {
    @Option(names = "--rules", paramLabel = "LIST", defaultValue = "snap-2,snap-1,e-prop,bptt",
            description = "Comma-separated rules as --rule of hrsnn learn accepts (default: ${DEFAULT-VALUE}).")
    String rules;

    @Option(names = "--seeds", paramLabel = "K", defaultValue = "3",
            description = "Seeds 1..K per rule (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "300",
            description = "Training iterations (batches of 4 trials) per run (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--density", paramLabel = "P", defaultValue = "0.05",
            description = "Recurrent connection density (default: ${DEFAULT-VALUE}).")
    double density;

    @Option(names = "--neurons", paramLabel = "N", defaultValue = "100",
            description = "Recurrent neurons, half LIF and half ALIF (default: ${DEFAULT-VALUE}).")
    int neurons;

    @Option(names = "--smooth", paramLabel = "W", defaultValue = "10",
            description = "Running mean over W iterations in the plot only (default: ${DEFAULT-VALUE}).")
    int smooth;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "hrsnn-out/learn-curves",
            description = "Output folder, created if needed (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Check.positive("--seeds", seeds);
        Check.positive("--iterations", iterations);
        Check.positive("--neurons", neurons);
        Check.positive("--smooth", smooth);
        if (!(density > 0 && density <= 1)) {
            throw new InvalidInputException("--density", density, "a fraction in (0, 1]");
        }
        List<String> names = new ArrayList<>();
        for (String r : rules.split(",")) {
            names.add(LearnCommand.ruleName(r.trim()));
        }
        if (names.size() != names.stream().distinct().count()) {
            throw new InvalidInputException("--rules", rules, "distinct rule names");
        }
        CopyTaskSetup setup = new CopyTaskSetup();
        setup.neurons = neurons;
        setup.density = density;
        setup.iterations = iterations;
        Task task = setup.task();
        // Check every rule before any training, so a bad name costs nothing and writes nothing.
        RecurrentSpikingModel probe = setup.model(task, new RandomStreams(1));
        for (String r : names) {
            try {
                Rules.create(r, probe, new RandomStreams(1));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("--rules", r, "rules as hrsnn learn --rule accepts (" + e.getMessage() + ")");
            }
        }

        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ProgressBar bar = new ProgressBar(stderr, ProgressBar.wanted(common.quiet), "learn curves");
        int total = names.size() * seeds * iterations;
        bar.startCount(total, "iterations");
        double[][][] loss = new double[names.size()][seeds][];
        double[] seconds = new double[names.size()];
        for (int k = 0; k < names.size(); k++) {
            String rule = names.get(k);
            for (int s = 0; s < seeds; s++) {
                RandomStreams streams = new RandomStreams(s + 1);
                RecurrentSpikingModel model = setup.model(task, streams);
                Trainer.Config c = setup.trainerConfig(rule);
                int done = (k * seeds + s) * iterations;
                c.onIteration = it -> bar.onProgress(done + it);
                var r = new Trainer(model, task, Rules.create(rule, model, streams), setup.adam(), c, streams).run();
                loss[k][s] = r.loss();
                seconds[k] += r.seconds();
            }
        }
        bar.finish(total);

        double[][] mean = new double[names.size()][iterations];
        double[][] sd = new double[names.size()][iterations];
        for (int k = 0; k < names.size(); k++) {
            for (int i = 0; i < iterations; i++) {
                double[] v = new double[seeds];
                for (int s = 0; s < seeds; s++) {
                    v[s] = loss[k][s][i];
                }
                double[] ms = meanSd(v);
                mean[k][i] = ms[0];
                sd[k][i] = ms[1];
            }
        }
        Table curves = curvesTable(names, loss, mean, sd);
        int block = Math.max(1, Math.min(20, iterations / 5));
        ObjectNode summary = summary(setup, names, loss, seconds, block);
        try (OutputFolder folder = OutputFolder.open(out)) {
            Tables.writeCsv(curves, folder.file("curves.csv"));
            Tables.writeJson(curves, folder.file("curves.json"));
            List<PlotSeries> series = new ArrayList<>();
            for (int k = 0; k < names.size(); k++) {
                String label = CopyTaskSetup.offline(names.get(k)) ? names.get(k) + " (offline)" : names.get(k);
                series.add(PlotSeries.indexed(label, runningMean(mean[k], smooth), runningMean(sd[k], smooth)));
            }
            Path png = folder.file("learning-curves.png");
            folder.file("learning-curves.svg");
            Plots.write(Plots.learningCurves(String.format(Locale.ROOT,
                    "copy task, N = %d, p = %.3g: mean of %d seeds, band sd, smoothed %d", neurons, density,
                    seeds, smooth), "training loss", series, false), png.getParent(), "learning-curves");
            summary.put("outDir", folder.target().toString());
            SimulationRunner.writeSummary(folder, summary);
            folder.commit();
        }
        if (common.json) {
            stdout.println(Json.line(summary));
        } else if (!common.quiet) {
            stdout.printf(Locale.ROOT, "hrsnn learn curves: copy task, %d neurons, density %.3g, %d iterations x batch %d, "
                    + "seeds 1..%d; online rules update every %d steps, bptt offline once per batch%n", neurons,
                    density, iterations, setup.batch, seeds, setup.updateEvery);
            stdout.printf(Locale.ROOT, "  %-14s %22s %22s %9s%n", "rule", "first " + block + " it. loss",
                    "last " + block + " it. loss", "seconds");
            for (var r : summary.get("results")) {
                stdout.printf(Locale.ROOT, "  %-14s %12.4f +- %-7.4f %12.4f +- %-7.4f %9.1f%n", r.get("rule").asText(),
                        r.get("firstBlockMean").asDouble(), r.get("firstBlockSd").asDouble(),
                        r.get("lastBlockMean").asDouble(), r.get("lastBlockSd").asDouble(),
                        r.get("seconds").asDouble());
            }
            stdout.println("  wrote " + summary.get("outDir").asText());
        }
        stdout.flush();
        return 0;
    }

    /** Mean and sample standard deviation (0 for one value). */
    static double[] meanSd(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return new double[] {m, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0};
    }

    /** Trailing running mean over up to w values (the first points average what is there). */
    static double[] runningMean(double[] a, int w) {
        double[] r = new double[a.length];
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i];
            if (i >= w) {
                sum -= a[i - w];
            }
            r[i] = sum / Math.min(i + 1, w);
        }
        return r;
    }

    private Table curvesTable(List<String> names, double[][][] loss, double[][] mean, double[][] sd) {
        Table.Builder b = Table.builder("training loss per iteration").column("iteration").column("rule")
                .column("mean", null, null).column("sd", null, null);
        for (int s = 0; s < seeds; s++) {
            b.column("seed" + (s + 1), null, null);
        }
        for (int k = 0; k < names.size(); k++) {
            for (int i = 0; i < iterations; i++) {
                Object[] row = new Object[4 + seeds];
                row[0] = i + 1;
                row[1] = names.get(k);
                row[2] = mean[k][i];
                row[3] = sd[k][i];
                for (int s = 0; s < seeds; s++) {
                    row[4 + s] = loss[k][s][i];
                }
                b.row(row);
            }
        }
        return b.build();
    }

    /** Per rule: the seeds' mean losses over the first and the last {@code block} iterations, mean and sd over seeds. */
    private ObjectNode summary(CopyTaskSetup setup, List<String> names, double[][][] loss, double[] seconds, int block) {
        ObjectNode s = Json.object();
        s.put("command", "learn curves");
        s.put("task", setup.task().name());
        ArrayNode ra = s.putArray("rules");
        names.forEach(ra::add);
        s.put("seeds", seeds);
        s.put("iterations", iterations);
        s.put("neurons", neurons);
        s.put("density", density);
        s.put("batch", setup.batch);
        s.put("updateEvery", setup.updateEvery);
        s.put("offlineRules", "bptt: updateEvery 0, one update per batch");
        s.put("blockIterations", block);
        ArrayNode results = s.putArray("results");
        for (int k = 0; k < names.size(); k++) {
            double[] first = new double[seeds];
            double[] last = new double[seeds];
            for (int j = 0; j < seeds; j++) {
                for (int i = 0; i < block; i++) {
                    first[j] += loss[k][j][i] / block;
                    last[j] += loss[k][j][iterations - block + i] / block;
                }
            }
            double[] f = meanSd(first);
            double[] l = meanSd(last);
            ObjectNode r = results.addObject();
            r.put("rule", names.get(k));
            r.put("updateEvery", CopyTaskSetup.offline(names.get(k)) ? 0 : setup.updateEvery);
            Json.put(r, "firstBlockMean", f[0]);
            Json.put(r, "firstBlockSd", f[1]);
            Json.put(r, "lastBlockMean", l[0]);
            Json.put(r, "lastBlockSd", l[1]);
            Json.put(r, "seconds", seconds[k]);
        }
        return s;
    }
}
