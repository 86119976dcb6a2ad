package org.hrsnn.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.PruningStrategies;
import org.hrsnn.pruning.evaluation.SpikingTimeSeriesPrediction;
import org.hrsnn.report.HtmlReport;
import org.hrsnn.report.PlotSeries;
import org.hrsnn.report.Plots;
import org.hrsnn.report.Table;
import org.hrsnn.report.Tables;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.config.NetworkConfig;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hrsnn prune compare}: every strategy at every density over several seeds, in parallel
 * over (strategy, density, seed) jobs. Seed s builds its own dense network (the configuration
 * with seed s); a job prunes it with {@code new RandomStreams(s)} and evaluates on
 * {@code new RandomStreams(s).child("eval")} (the same probes and inputs for every strategy at
 * that seed), so the results do not depend on the thread count or the order jobs finish in.
 * Writes runs.csv/json (one row per job, plus the dense network per seed), aggregate.csv/json
 * (mean and sd over seeds), plots (PNG + SVG) and report.html.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare pruning strategies at several densities over several seeds.",
            "Writes runs.csv/json, aggregate.csv/json, summary.json, plots (PNG, SVG) and report.html into the output folder."})
final class PruneCompareCommand implements Callable<Integer> {
    static final String RUNS = "runs";
    static final String AGGREGATE = "aggregate";
    static final String REPORT = "report.html";

    @Option(names = "--densities", paramLabel = "LIST", defaultValue = "0.5,0.3,0.1,0.05",
            description = "Comma-separated fractions of the synapses to keep, each in (0, 1] (default: ${DEFAULT-VALUE}).")
    String densities;

    @Option(names = "--seeds", paramLabel = "K", defaultValue = "5",
            description = "Seeds per point: first-seed .. first-seed + K - 1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--first-seed", paramLabel = "S", defaultValue = "1",
            description = "First seed (default: ${DEFAULT-VALUE}).")
    long firstSeed;

    @Option(names = "--strategies", paramLabel = "LIST", split = ",",
            description = "Strategies to compare (default: all: lnp, random, magnitude, activity, noise, spectral, lottery).")
    List<String> strategies;

    @Option(names = "--spiking-samples", paramLabel = "W,TR,TE", split = ",",
            description = "Washout, training (split three quarters fit, one quarter validation) and test samples of the spiking prediction, 5 ms each (default: washout 100, 1000 fit + 250 validation, 400 test).")
    int[] spikingSamples;

    @Option(names = "--threads", paramLabel = "T",
            description = "Parallel jobs; results are identical for every count (default: available processors).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "hrsnn-out/prune-compare",
            description = "Output folder, created if needed (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    PruneNetworkOptions network;

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** One unit of work: one strategy at one density on one seed's network ("dense": the reference). */
    record Job(String strategy, double density, int seedIndex, long seed) {
    }

    record Outcome(Job job, Map<String, Double> values, double seconds) {
    }

    @Override
    public Integer call() throws Exception {
        double[] ds = PruneSupport.densities("--densities", densities);
        Check.positive("--seeds", seeds);
        List<String> names = PruneSupport.strategies("--strategies",
                strategies == null ? PruningStrategies.names() : List.copyOf(strategies));
        if (names.isEmpty() || names.size() != names.stream().distinct().count()) {
            throw new org.hrsnn.simulator.InvalidInputException("--strategies", names, "distinct strategy names");
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Check.positive("--threads", t);
        SpikingTimeSeriesPrediction.Options so = network.spikingTask();
        if (spikingSamples != null) {
            if (spikingSamples.length != 3) {
                throw new org.hrsnn.simulator.InvalidInputException("--spiking-samples", Arrays.toString(spikingSamples),
                        "three integers: washout, train, test");
            }
            so = so.withSamples(spikingSamples[0], spikingSamples[1], spikingSamples[2]);
        }
        NetworkConfig base = PruneSupport.config(network.config, network.neurons, null);
        Network[] dense = new Network[seeds];
        for (int i = 0; i < seeds; i++) {
            dense[i] = base.withSeed(firstSeed + i).build();
            PruneSupport.checkPrunable(dense[i]);
        }

        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            jobs.add(new Job("dense", 1.0, i, firstSeed + i));
        }
        for (String s : names) {
            for (double d : ds) {
                for (int i = 0; i < seeds; i++) {
                    jobs.add(new Job(s, d, i, firstSeed + i));
                }
            }
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        ProgressBar bar = new ProgressBar(stderr, ProgressBar.wanted(common.quiet), "prune compare");
        bar.startJobs(jobs.size());
        long wall0 = System.nanoTime();
        Outcome[] outcomes = run(jobs, dense, t, network.spiking, so, bar);
        bar.finishJobs();
        double wallSeconds = (System.nanoTime() - wall0) / 1e9;

        Table runs = runsTable(outcomes);
        Table summary = summaryTable(outcomes, names, ds);
        ObjectNode s = Json.object();
        s.put("command", "prune compare");
        s.put("config", network.config == null ? "embedded default-hrsnn.yaml" : network.config.toString());
        s.put("neurons", dense[0].size());
        s.put("denseSynapses", dense[0].synapses().size());
        ArrayNode sa = s.putArray("strategies");
        names.forEach(sa::add);
        ArrayNode da = s.putArray("densities");
        for (double d : ds) {
            da.add(d);
        }
        s.put("seeds", seeds);
        s.put("firstSeed", firstSeed);
        s.put("threads", t);
        s.put("spiking", network.spiking);
        s.put("jobs", jobs.size());
        Json.put(s, "wallSeconds", wallSeconds);
        try (OutputFolder folder = OutputFolder.open(out)) {
            Tables.writeCsv(runs, folder.file(RUNS + ".csv"));
            Tables.writeJson(runs, folder.file(RUNS + ".json"));
            Tables.writeCsv(summary, folder.file(AGGREGATE + ".csv"));
            Tables.writeJson(summary, folder.file(AGGREGATE + ".json"));
            HtmlReport report = new HtmlReport("hrsnn prune compare");
            report.subtitle(String.format(Locale.ROOT, "%s, %d neurons, %d synapses (seed %d), seeds %d..%d, %d jobs on %d thread(s), %.0f s wall",
                    s.get("config").asText(), dense[0].size(), dense[0].synapses().size(), firstSeed, firstSeed,
                    firstSeed + seeds - 1, jobs.size(), t, wallSeconds));
            HtmlReport.Section plots = report.section("Task performance and dynamics vs density");
            plots.paragraph("Mean over seeds, error bars one standard deviation. 'dense' is the unpruned network "
                    + "(a flat reference line). Surrogate figures come from the documented rate surrogate of the "
                    + "LIF network (docs/pruning.md); 'spiking' figures from the clock-driven spiking engine.");
            List<String[]> figs = new ArrayList<>();
            figs.add(new String[] {"nrmseLorenz", "nrmse-lorenz-vs-density", "Lorenz one-step NRMSE (rate surrogate)"});
            if (network.spiking) {
                figs.add(new String[] {"spikingNrmseLorenz", "spiking-nrmse-lorenz-vs-density",
                    "Lorenz NRMSE, " + so.horizon() + " samples ahead (spiking network, filtered spike trains)"});
            }
            figs.add(new String[] {"largestLyapunov", "lyapunov-vs-density", "Largest Lyapunov exponent (rate surrogate, 1/ms)"});
            figs.add(new String[] {"memoryCapacity", "memory-capacity-vs-density", "Memory capacity (rate surrogate)"});
            ObjectNode files = s.putObject("files");
            for (String[] f : figs) {
                var chart = plot(outcomes, names, ds, f[0], f[2]);
                Path png = folder.file(f[1] + ".png");
                folder.file(f[1] + ".svg");
                Plots.PlotFiles pf = Plots.write(chart, png.getParent(), f[1]);
                plots.figure(f[2] + " vs fraction of synapses kept", pf);
                files.put(f[1], folder.finalPath(f[1] + ".png").toString());
            }
            report.section("Summary (mean and sd over seeds)").table(summary);
            report.section("Every run").table(runs);
            report.section("Command").preformatted(String.join(" ", spec.commandLine().getParseResult()
                    .originalArgs()));
            report.write(folder.file(REPORT));
            s.put("outDir", folder.target().toString());
            files.put("runsCsv", folder.finalPath(RUNS + ".csv").toString());
            files.put("aggregateCsv", folder.finalPath(AGGREGATE + ".csv").toString());
            files.put("report", folder.finalPath(REPORT).toString());
            SimulationRunner.writeSummary(folder, s);
            folder.commit();
        }
        if (common.json) {
            stdout.println(Json.line(s));
        } else if (!common.quiet) {
            stdout.printf(Locale.ROOT, "hrsnn prune compare: %d jobs (%d strategies x %d densities x %d seeds + dense), %.1f s wall, %d thread(s)%n",
                    jobs.size(), names.size(), ds.length, seeds, wallSeconds, t);
            printSummary(stdout, summary);
            stdout.println("  wrote " + s.get("outDir").asText());
        }
        stdout.flush();
        return 0;
    }

    /** Runs every job on a fixed pool; outcome k belongs to job k whatever the finishing order. */
    static Outcome[] run(List<Job> jobs, Network[] dense, int threads, boolean spiking,
                         SpikingTimeSeriesPrediction.Options so, ProgressBar bar) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "prune-compare");
            th.setDaemon(true);
            return th;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Job j : jobs) {
                futures.add(pool.submit(() -> {
                    Outcome o = runJob(j, dense[j.seedIndex()], spiking, so);
                    bar.jobsDone(done.incrementAndGet());
                    return o;
                }));
            }
            Outcome[] out = new Outcome[jobs.size()];
            for (int k = 0; k < out.length; k++) {
                try {
                    out[k] = futures.get(k).get();
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(true));
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static Outcome runJob(Job j, Network dense, boolean spiking, SpikingTimeSeriesPrediction.Options so) {
        long t0 = System.nanoTime();
        PruningResult r = j.strategy().equals("dense")
                ? PruningResult.synapsesOnly(dense, Map.of())
                : PruningStrategies.byName(j.strategy()).prune(dense, j.density(), new RandomStreams(j.seed()));
        PruneSupport.Metrics m = PruneSupport.evaluate(j.strategy(), dense, r, spiking, so,
                new RandomStreams(j.seed()).child("eval"));
        return new Outcome(j, m.values(), (System.nanoTime() - t0) / 1e9);
    }

    private static Table runsTable(Outcome[] outcomes) {
        Table.Builder b = Table.builder("every run").column("strategy").column("targetDensity").column("seed");
        List<String> keys = new ArrayList<>(outcomes[0].values().keySet());
        for (String k : keys) {
            b.column(k, PruneSupport.unit(k), null);
        }
        b.column("seconds", "s", "%.1f");
        for (Outcome o : outcomes) {
            Object[] row = new Object[3 + keys.size() + 1];
            row[0] = o.job().strategy();
            row[1] = o.job().density();
            row[2] = o.job().seed();
            for (int k = 0; k < keys.size(); k++) {
                double v = o.values().get(keys.get(k));
                boolean count = keys.get(k).equals("neurons") || keys.get(k).equals("synapses");
                row[3 + k] = count ? (Object) Long.valueOf((long) v) : (Object) Double.valueOf(v);
            }
            row[row.length - 1] = o.seconds();
            b.row(row);
        }
        return b.build();
    }

    /** The metrics summarised over seeds: mean and sample sd. */
    static final String[] SUMMARISED = {"relativeSynapses", "neuronDensity", "largestLyapunov", "memoryCapacity",
        "nrmseLorenz", "nrmseRossler", "nrmseMackeyGlass", "spikingNrmseLorenz", "spikingRateHz", "meanRateHz"};

    private static Table summaryTable(Outcome[] outcomes, List<String> names, double[] ds) {
        Table.Builder b = Table.builder("mean and sd over seeds").column("strategy").column("targetDensity")
                .column("seeds");
        for (String k : SUMMARISED) {
            b.column(k + ".mean", PruneSupport.unit(k), null);
            b.column(k + ".sd", PruneSupport.unit(k), null);
        }
        List<String> all = new ArrayList<>();
        all.add("dense");
        all.addAll(names);
        for (String s : all) {
            double[] dl = s.equals("dense") ? new double[] {1.0} : ds;
            for (double d : dl) {
                List<Outcome> group = group(outcomes, s, d);
                Object[] row = new Object[3 + 2 * SUMMARISED.length];
                row[0] = s;
                row[1] = d;
                row[2] = group.size();
                for (int k = 0; k < SUMMARISED.length; k++) {
                    double[] st = meanSd(group, SUMMARISED[k]);
                    row[3 + 2 * k] = st[0];
                    row[4 + 2 * k] = st[1];
                }
                b.row(row);
            }
        }
        return b.build();
    }

    private static List<Outcome> group(Outcome[] outcomes, String strategy, double density) {
        List<Outcome> g = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.job().strategy().equals(strategy) && o.job().density() == density) {
                g.add(o);
            }
        }
        return g;
    }

    /** Mean and sample standard deviation of the finite values (NaN when none; sd 0 for one). */
    static double[] meanSd(List<Outcome> group, String key) {
        double sum = 0;
        int n = 0;
        for (Outcome o : group) {
            double v = o.values().get(key);
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mean = sum / n;
        double ss = 0;
        for (Outcome o : group) {
            double v = o.values().get(key);
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        return new double[] {mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0};
    }

    private static org.knowm.xchart.XYChart plot(Outcome[] outcomes, List<String> names, double[] ds, String key,
                                                  String title) {
        List<PlotSeries> series = new ArrayList<>();
        double lo = Arrays.stream(ds).min().orElse(0);
        double hi = Arrays.stream(ds).max().orElse(1);
        boolean positive = true;
        for (String s : names) {
            double[] x = new double[ds.length];
            double[] y = new double[ds.length];
            double[] sd = new double[ds.length];
            int n = 0;
            for (double d : ds) {
                double[] st = meanSd(group(outcomes, s, d), key);
                if (Double.isFinite(st[0])) {
                    x[n] = d;
                    y[n] = st[0];
                    sd[n++] = st[1];
                    positive &= st[0] - st[1] > 0;
                }
            }
            if (n > 0) {
                series.add(new PlotSeries(s, Arrays.copyOf(x, n), Arrays.copyOf(y, n), Arrays.copyOf(sd, n)));
            }
        }
        double[] dense = meanSd(group(outcomes, "dense", 1.0), key);
        if (Double.isFinite(dense[0])) {
            double[] xs = lo < hi ? new double[] {lo, hi} : new double[] {lo};
            double[] ys = new double[xs.length];
            Arrays.fill(ys, dense[0]);
            series.add(new PlotSeries("dense", xs, ys, null));
            positive &= dense[0] > 0;
        }
        if (series.isEmpty()) {
            series.add(new PlotSeries("no finite values", new double[] {lo}, new double[] {0}, null));
            positive = false;
        }
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = 0;
        for (PlotSeries p : series) {
            for (double y : p.y()) {
                yMin = Math.min(yMin, y);
                yMax = Math.max(yMax, y);
            }
        }
        // NRMSE can span decades between strategies: a log axis then, when every bar stays above
        // zero (XChart labels only whole decades on a log axis, so not for a narrower range).
        boolean logY = key.toLowerCase(Locale.ROOT).contains("nrmse") && positive && yMax >= 10 * yMin;
        return Plots.lines(title, "fraction of synapses kept", title.replaceAll(" \\(.*", ""), series, logY);
    }

    private static void printSummary(PrintWriter out, Table summary) {
        out.printf(Locale.ROOT, "  %-10s %7s %16s %16s %16s %16s%n", "strategy", "density", "lambda1 (1/ms)", "MC",
                "NRMSE Lorenz", "spiking NRMSE");
        for (int r = 0; r < summary.rowCount(); r++) {
            out.printf(Locale.ROOT, "  %-10s %7.3f %16s %16s %16s %16s%n", summary.cell(r, 0), (Double) summary.cell(r, 1),
                    pm(summary, r, "largestLyapunov"), pm(summary, r, "memoryCapacity"), pm(summary, r, "nrmseLorenz"),
                    pm(summary, r, "spikingNrmseLorenz"));
        }
    }

    private static String pm(Table t, int row, String key) {
        int c = 3 + 2 * Arrays.asList(SUMMARISED).indexOf(key);
        double m = (Double) t.cell(row, c);
        double sd = (Double) t.cell(row, c + 1);
        return Double.isFinite(m) ? String.format(Locale.ROOT, "%.4g +- %.2g", m, sd) : "-";
    }
}
