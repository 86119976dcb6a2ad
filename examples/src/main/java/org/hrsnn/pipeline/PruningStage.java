package org.hrsnn.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.PruningStrategies;
import org.hrsnn.pruning.evaluation.ChaoticSeries;
import org.hrsnn.pruning.evaluation.SpikingTimeSeriesPrediction;
import org.hrsnn.pruning.lyapunov.LifSurrogateDynamics;
import org.hrsnn.pruning.lyapunov.LyapunovOptions;
import org.hrsnn.pruning.lyapunov.LyapunovSpectrum;
import org.hrsnn.pruning.lyapunov.SurrogateOptions;
import org.hrsnn.report.HtmlReport;
import org.hrsnn.report.PlotSeries;
import org.hrsnn.report.Plots;
import org.hrsnn.report.Table;
import org.hrsnn.simulator.engine.event.EventDrivenEngine;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Stage 2: prunes the network with LNP and every baseline ({@link PruningStrategies#names()}) at
 * each density and seed, and scores every pruned network (and the dense one, per seed) on the
 * Lorenz task with the event engine ({@link SpikingTimeSeriesPrediction}, the shorter evaluation
 * settings).
 * Seed j uses streams of (run seed + j) for the pruning and for the evaluation's input, so the
 * spread over seeds covers both. The independent jobs run on a small thread pool; results are
 * collected by job index, so the numbers do not depend on the thread count. Also computes the
 * leading Lyapunov spectrum (rate surrogate) before and after LNP.
 */
public final class PruningStage implements Stage {

    /**
     * @param strategies        strategy names, in table order
     * @param densities         target fractions of synapses kept
     * @param seeds             seeds per strategy and density
     * @param denseNrmseMean    dense network's Lorenz NRMSE, mean over seeds
     * @param denseNrmseSd      its standard deviation over seeds
     * @param nrmseMean         strategy -> mean NRMSE per density (order of densities)
     * @param nrmseSd           strategy -> sample standard deviation per density
     * @param keptFractionMean  strategy -> mean fraction of the synapses kept per density
     * @param lnpDensity        density of the LNP network handed to the hardware and export stages
     * @param lnpNeurons        its neurons
     * @param lnpSynapses       its synapses
     * @param largestLyapunovDense largest Lyapunov exponent of the dense network (surrogate), 1/s
     * @param largestLyapunovLnp   the same after LNP, 1/s
     */
    public record Summary(List<String> strategies, List<Double> densities, int seeds, double denseNrmseMean,
                          double denseNrmseSd, Map<String, List<Double>> nrmseMean, Map<String, List<Double>> nrmseSd,
                          Map<String, List<Double>> keptFractionMean, double lnpDensity, int lnpNeurons,
                          long lnpSynapses, double largestLyapunovDense, double largestLyapunovLnp) {
    }

    /** One prune-and-evaluate job's outcome ("dense" jobs have density 1 and no pruning). */
    record Run(String strategy, double density, int seed, int neurons, long synapses, double keptFraction,
               double nrmse, double rateHz, double pruneSeconds, PruningResult result) {
    }

    @Override
    public String name() {
        return "pruning";
    }

    @Override
    public double weight() {
        return 60;
    }

    @Override
    public Object run(DemoContext ctx) throws Exception {
        Network dense = ctx.network();
        DemoSettings set = ctx.settings();
        List<String> strategies = PruningStrategies.names();
        List<Double> densities = set.densities();
        int seeds = set.seeds();

        List<java.util.concurrent.Callable<Run>> jobs = new ArrayList<>();
        List<Boolean> needsCovariance = new ArrayList<>();
        for (int j = 0; j < seeds; j++) {
            int seed = j;
            jobs.add(() -> evaluate(dense, "dense", 1.0, seed, null, 0, ctx));
            needsCovariance.add(false);
        }
        for (String s : strategies) {
            for (double d : densities) {
                for (int j = 0; j < seeds; j++) {
                    int seed = j;
                    jobs.add(() -> {
                        long t0 = System.nanoTime();
                        PruningResult r = PruningStrategies.byName(s).prune(dense, d,
                                new RandomStreams(ctx.seed() + seed).child("prune"));
                        return evaluate(r.network(), s, d, seed, r, (System.nanoTime() - t0) / 1e9, ctx);
                    });
                    needsCovariance.add(s.equals("lnp") || s.equals("noise"));
                }
            }
        }
        List<Run> runs = runAll(jobs, needsCovariance, set.threads(), ctx);

        // Aggregate per strategy and density.
        double[] denseNrmse = new double[seeds];
        for (int j = 0; j < seeds; j++) {
            denseNrmse[j] = runs.get(j).nrmse();
        }
        Map<String, List<Double>> mean = new LinkedHashMap<>();
        Map<String, List<Double>> sd = new LinkedHashMap<>();
        Map<String, List<Double>> kept = new LinkedHashMap<>();
        Table.Builder summaryTable = Table.builder("Pruning comparison: Lorenz NRMSE (event engine) per strategy and density")
                .column("strategy").column("target density").column("synapses kept (mean fraction)", null, "%.3f")
                .column("neurons (mean)", null, "%.1f").column("NRMSE mean", null, "%.4f").column("NRMSE sd", null, "%.4f")
                .column("seeds");
        summaryTable.row("dense", 1.0, 1.0, (double) dense.size(), meanOf(denseNrmse), sdOf(denseNrmse), seeds);
        int idx = seeds;
        for (String s : strategies) {
            List<Double> m = new ArrayList<>();
            List<Double> v = new ArrayList<>();
            List<Double> k = new ArrayList<>();
            for (double d : densities) {
                double[] e = new double[seeds];
                double kf = 0;
                double nn = 0;
                for (int j = 0; j < seeds; j++) {
                    Run r = runs.get(idx++);
                    e[j] = r.nrmse();
                    kf += r.keptFraction() / seeds;
                    nn += r.neurons() / (double) seeds;
                }
                m.add(meanOf(e));
                v.add(sdOf(e));
                k.add(kf);
                summaryTable.row(s, d, kf, nn, meanOf(e), sdOf(e), seeds);
            }
            mean.put(s, m);
            sd.put(s, v);
            kept.put(s, k);
        }
        Table.Builder runTable = Table.builder("Every pruning run").column("strategy").column("target density")
                .column("seed").column("neurons").column("synapses").column("synapses kept (fraction)", null, "%.3f")
                .column("NRMSE", null, "%.4f").column("mean rate", "Hz", "%.2f").column("pruning time", "s", "%.2f");
        for (Run r : runs) {
            runTable.row(r.strategy(), r.density(), r.seed(), r.neurons(), r.synapses(), r.keptFraction(), r.nrmse(),
                    r.rateHz(), r.pruneSeconds());
        }

        // The LNP network handed on: middle density, first seed.
        double lnpDensity = densities.get(densities.size() / 2);
        Run lnp = null;
        for (Run r : runs) {
            if (r.strategy().equals("lnp") && r.density() == lnpDensity && r.seed() == 0) {
                lnp = r;
            }
        }
        ctx.lnpPruned = lnp.result();
        ctx.lnpDensity = lnpDensity;

        LyapunovOptions lo = LyapunovOptions.of(Math.min(set.lyapunovExponents(), lnp.neurons()), 200, 500);
        double[] before = spectrumPerSecond(dense, lo, ctx.streams("lyapunov").stream("dense"));
        double[] after = spectrumPerSecond(lnp.result().network(), lo, ctx.streams("lyapunov").stream("lnp"));
        ctx.progress().update(1);

        HtmlReport.Section sec = ctx.report().section("Pruning: LNP against the baselines");
        sec.paragraph(String.format(Locale.ROOT, "Every strategy (%s) pruned the network to each target density (fraction "
                        + "of synapses kept: %s) with %d seeds. Each pruned network, and the dense one, was scored on the "
                        + "Lorenz task of stage 1 with the event engine (%d training, %d validation and %d held-out "
                        + "samples, %.0f ms ahead; the input draws change with the seed), read out from the network's "
                        + "present state only (one %s ms filter instead of stage 1's %s ms: with stage 1's long filters the "
                        + "readout's own memory carries the task and pruning hardly matters). Points are means over seeds, error bars one standard "
                        + "deviation. LNP also removes %s of the neurons by betweenness and adds a few synapses, so its "
                        + "kept fraction differs from the target; the tables give the fraction reached.",
                String.join(", ", strategies), densities, seeds, set.evaluation().train(), set.evaluation().validation(),
                set.evaluation().test(),
                set.evaluation().horizon() * set.evaluation().samplePeriodMs(), msList(set.evaluation().filterTausMs()),
                msList(set.lorenz().filterTausMs()), "10 %"));
        List<PlotSeries> curves = new ArrayList<>();
        double[] x = densities.stream().mapToDouble(Double::doubleValue).toArray();
        for (String s : strategies) {
            curves.add(new PlotSeries(s, x, toArray(mean.get(s)), toArray(sd.get(s))));
        }
        curves.add(new PlotSeries("dense", new double[] {1.0}, new double[] {meanOf(denseNrmse)},
                new double[] {sdOf(denseNrmse)}));
        sec.figure("Lorenz NRMSE against target density, per strategy (mean +- sd over seeds; dense at 1).",
                ctx.plot(Plots.lines("Lorenz NRMSE vs density", "target density (fraction of synapses kept)",
                        "NRMSE (held-out)", curves, false), "nrmse-vs-density", "NRMSE vs density per strategy"));
        sec.table(ctx.table(summaryTable.build(), "pruning-summary"));
        sec.paragraph(String.format(Locale.ROOT, "Leading %d Lyapunov exponents of the rate surrogate (the dynamics LNP "
                        + "analyses) before pruning and after LNP at density %.2f (%d neurons, %d synapses): "
                        + "largest %.2f /s before, %.2f /s after.", lo.exponents(), lnpDensity, lnp.neurons(),
                lnp.synapses(), before[0], after[0]));
        sec.figure("Lyapunov spectrum before and after LNP.", ctx.plot(Plots.lyapunovSpectrum("Lyapunov spectrum",
                before, "dense", after, String.format(Locale.ROOT, "LNP, density %.2f", lnpDensity)),
                "lyapunov-spectrum", "Lyapunov spectrum before and after LNP"));
        Table spectrum = spectrumTable(before, after);
        sec.table(ctx.table(spectrum, "lyapunov-spectrum"));
        sec.table(ctx.table(runTable.build(), "pruning-runs"));

        int mid = densities.size() / 2;
        ctx.report().keyFigure(String.format(Locale.ROOT, "NRMSE after LNP (density %.2f)", lnpDensity),
                String.format(Locale.ROOT, "%.4f", mean.get("lnp").get(mid)),
                String.format(Locale.ROOT, "dense %.4f; random %.4f", meanOf(denseNrmse), mean.get("random").get(mid)));
        return new Summary(strategies, densities, seeds, meanOf(denseNrmse), sdOf(denseNrmse), mean, sd, kept, lnpDensity,
                lnp.neurons(), lnp.synapses(), before[0], after[0]);
    }

    private static Run evaluate(Network net, String strategy, double density, int seed, PruningResult r,
                                double pruneSeconds, DemoContext ctx) {
        SpikingTimeSeriesPrediction.Options task = ctx.settings().evaluation();
        SpikingTimeSeriesPrediction.Result e = SpikingTimeSeriesPrediction.evaluate(net,
                ChaoticSeries.lorenz(task.length()), new EventDrivenEngine(), task,
                new RandomStreams(ctx.seed() + seed).child("evaluate"));
        return new Run(strategy, density, seed, net.size(), net.synapses().size(),
                net.synapses().size() / (double) ctx.network().synapses().size(), e.nrmse(), e.meanRateHz(),
                pruneSeconds, r);
    }

    /**
     * Runs the jobs on the pool, results in job order. LNP and noise pruning solve the same noise
     * covariance (reused after the first solve, see NoiseCovariance): the first such job runs
     * alongside the cheap jobs, the other covariance jobs start once it has finished, so the
     * O(N^3) solve is done once rather than once per thread.
     */
    private static List<Run> runAll(List<java.util.concurrent.Callable<Run>> jobs, List<Boolean> needsCovariance,
                                    int threads, DemoContext ctx) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hrsnn-demo-pruning");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<Run>> futures = new ArrayList<>(java.util.Collections.nCopies(jobs.size(), null));
            int first = needsCovariance.indexOf(true);
            List<Integer> order = new ArrayList<>();
            if (first >= 0) {
                order.add(first);
            }
            for (int i = 0; i < jobs.size(); i++) {
                if (!needsCovariance.get(i)) {
                    order.add(i);
                }
            }
            for (int i : order) {
                futures.set(i, submit(pool, jobs.get(i), done, jobs.size(), ctx));
            }
            if (first >= 0) {
                get(futures.get(first));
                for (int i = 0; i < jobs.size(); i++) {
                    if (needsCovariance.get(i) && i != first) {
                        futures.set(i, submit(pool, jobs.get(i), done, jobs.size(), ctx));
                    }
                }
            }
            List<Run> out = new ArrayList<>();
            for (Future<Run> f : futures) {
                out.add(get(f));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Future<Run> submit(ExecutorService pool, java.util.concurrent.Callable<Run> job, AtomicInteger done,
                                      int total, DemoContext ctx) {
        return pool.submit(() -> {
            Run r = job.call();
            ctx.progress().update(0.95 * done.incrementAndGet() / total);
            return r;
        });
    }

    private static Run get(Future<Run> f) throws Exception {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    /** Leading exponents of the rate surrogate, converted from 1/ms to 1/s. */
    static double[] spectrumPerSecond(Network net, LyapunovOptions lo, org.apache.commons.math3.random.RandomGenerator rng) {
        LifSurrogateDynamics f = new LifSurrogateDynamics(net, SurrogateOptions.DEFAULT);
        double[] ex = LyapunovSpectrum.compute(f, LifSurrogateDynamics.initialState(net), lo, rng).exponents();
        double[] out = new double[ex.length];
        for (int i = 0; i < ex.length; i++) {
            out[i] = 1000 * ex[i];
        }
        return out;
    }

    private static Table spectrumTable(double[] before, double[] after) {
        Table.Builder b = Table.builder("Leading Lyapunov exponents (rate surrogate)").column("index")
                .column("dense", "1/s", "%.3f").column("after LNP", "1/s", "%.3f");
        for (int i = 0; i < Math.max(before.length, after.length); i++) {
            b.row(i + 1, i < before.length ? before[i] : null, i < after.length ? after[i] : null);
        }
        return b.build();
    }

    static double meanOf(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    /** Sample standard deviation (0 for a single value). */
    static double sdOf(double[] a) {
        if (a.length < 2) {
            return 0;
        }
        double m = meanOf(a);
        double s = 0;
        for (double v : a) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (a.length - 1));
    }

    private static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String msList(double[] taus) {
        StringBuilder b = new StringBuilder();
        for (double t : taus) {
            b.append(b.length() == 0 ? "" : "/").append(String.format(Locale.ROOT, "%.0f", t));
        }
        return b.toString();
    }
}
