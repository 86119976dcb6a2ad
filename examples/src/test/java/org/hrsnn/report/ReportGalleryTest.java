package org.hrsnn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Builds a report with every figure kind from synthetic data, laid out like the demo's output
 * folder (report.html, plots/, tables/), and checks it. The folder is left in
 * target/report-gallery so the style can be looked at:
 * {@code examples/scripts/check-report.sh examples/target/report-gallery/report.html shot.png}.
 */
class ReportGalleryTest {

    @Test
    void galleryReportIsCompleteAndSelfContained() throws Exception {
        Path out = Path.of("target", "report-gallery");
        write(out);
        ReportChecker.Result r = ReportChecker.check(out.resolve("report.html"));
        assertTrue(r.ok(), r.problems().toString());
        assertEquals(9, r.images());
        for (String name : List.of("raster", "rate", "nrmse-vs-density", "learning-curves", "lyapunov-spectrum",
                "float-vs-fixed", "energy-stacked", "energy-grouped", "rate-histogram")) {
            assertTrue(Files.size(out.resolve("plots/" + name + ".png")) > 1000, name);
            assertTrue(Files.size(out.resolve("plots/" + name + ".svg")) > 1000, name);
        }
        assertTrue(Files.exists(out.resolve("tables/strategies.csv")));
        assertTrue(Files.exists(out.resolve("tables/strategies.json")));
    }

    static void write(Path out) {
        Random rng = new Random(42);
        int neurons = 2000;
        double durationMs = 2000;
        // Inhomogeneous Poisson by thinning: rate 8 Hz * (1 + 0.8 sin(2 pi 4 Hz t)), neuron-dependent gain.
        int cap = 1 << 16;
        int[] ids = new int[cap];
        double[] times = new double[cap];
        int n = 0;
        double[] gain = new double[neurons];
        for (int i = 0; i < neurons; i++) {
            gain[i] = Math.exp(0.5 * rng.nextGaussian());
            double maxRate = 8 * 1.8 * gain[i];
            double t = 0;
            while (true) {
                t += -Math.log(1 - rng.nextDouble()) * 1000.0 / maxRate;
                if (t >= durationMs) {
                    break;
                }
                double rate = 8 * gain[i] * (1 + 0.8 * Math.sin(2 * Math.PI * 4 * t / 1000));
                if (rng.nextDouble() * maxRate < rate) {
                    if (n == cap) {
                        cap *= 2;
                        ids = Arrays.copyOf(ids, cap);
                        times = Arrays.copyOf(times, cap);
                    }
                    ids[n] = i;
                    times[n++] = t;
                }
            }
        }
        ids = Arrays.copyOf(ids, n);
        times = Arrays.copyOf(times, n);
        double[] perNeuronRate = new double[neurons];
        for (int id : ids) {
            perNeuronRate[id] += 1000.0 / durationMs;
        }

        Path plots = out.resolve("plots");
        HtmlReport report = new HtmlReport("hrsnn report gallery");
        report.subtitle("Synthetic data (seeded), to check the look of every figure kind; not a simulation result.");
        report.keyFigure("spikes", String.format(java.util.Locale.ROOT, "%,d", n), neurons + " neurons, "
                + (int) durationMs + " ms");
        report.keyFigure("mean rate", Arrays.stream(perNeuronRate).average().orElse(0), "Hz");
        report.keyFigure("figures", "9", "PNG embedded, PNG + SVG in plots/");

        HtmlReport.Section activity = report.section("Network activity");
        activity.paragraph(String.format(java.util.Locale.ROOT, "Spike raster (thinned to at most %,d dots by "
                + "whole neurons), population rate and per-neuron rates.", Plots.DEFAULT_MAX_RASTER_POINTS));
        var raster = Plots.spikeRaster("Spike raster", ids, times, 0, durationMs, Plots.DEFAULT_MAX_RASTER_POINTS);
        activity.figure("Spike raster.", Plots.write(raster, plots, "raster"));
        var rate = Plots.populationRate("Population rate", times, neurons, 0, durationMs, 10);
        activity.figure("Population rate in 10 ms bins.", Plots.write(rate, plots, "rate"));
        var hist = Plots.histogram("Per-neuron firing rate", "rate (Hz)", perNeuronRate, 40);
        activity.figure("Per-neuron firing rates.", Plots.write(hist, plots, "rate-histogram"));

        HtmlReport.Section pruning = report.section("Pruning strategies");
        double[] density = {0.05, 0.1, 0.2, 0.4, 0.8};
        String[] strategies = {"LNP", "magnitude", "random"};
        List<PlotSeries> nrmse = new ArrayList<>();
        Table.Builder table = Table.builder("Reservoir NRMSE by strategy and density (mean over 5 seeds)")
                .column("strategy").column("density", "fraction kept", "%.2f").column("NRMSE mean", null, "%.3f")
                .column("NRMSE sd", null, "%.3f");
        for (int s = 0; s < strategies.length; s++) {
            double[] mean = new double[density.length];
            double[] sd = new double[density.length];
            for (int k = 0; k < density.length; k++) {
                mean[k] = 0.25 + (0.3 + 0.1 * s) * Math.exp(-6 * density[k]) + 0.01 * rng.nextGaussian();
                sd[k] = 0.015 + 0.01 * rng.nextDouble();
                table.row(strategies[s], density[k], mean[k], sd[k]);
            }
            nrmse.add(new PlotSeries(strategies[s], density, mean, sd));
        }
        var lines = Plots.lines("NRMSE vs density", "synapse density (fraction kept)", "NRMSE", nrmse, false);
        pruning.figure("NRMSE against density, mean +- sd over seeds.",
                Plots.write(lines, plots, "nrmse-vs-density"));
        Table strategiesTable = table.build();
        Tables.writeCsv(strategiesTable, out.resolve("tables/strategies.csv"));
        Tables.writeJson(strategiesTable, out.resolve("tables/strategies.json"));
        pruning.table(strategiesTable);
        double[] before = new double[60];
        double[] after = new double[60];
        for (int i = 0; i < 60; i++) {
            before[i] = 4 - 0.5 * i;
            after[i] = 1.5 - 0.55 * i;
        }
        var lyap = Plots.lyapunovSpectrum("Lyapunov spectrum", before, "before pruning", after, "after pruning");
        pruning.figure("Lyapunov spectrum before and after pruning.",
                Plots.write(lyap, plots, "lyapunov-spectrum"));

        HtmlReport.Section learning = report.section("Online learning");
        List<PlotSeries> curves = new ArrayList<>();
        String[] rules = {"RTRL", "SnAp-1", "SnAp-2", "e-prop"};
        for (int k = 0; k < rules.length; k++) {
            double[] y = new double[300];
            double[] sd = new double[300];
            for (int i = 0; i < 300; i++) {
                y[i] = Math.exp(-i / (40.0 + 25 * k)) + 0.04 + 0.005 * k;
                sd[i] = 0.15 * y[i];
            }
            curves.add(PlotSeries.indexed(rules[k], y, sd));
        }
        var lc = Plots.learningCurves("Learning curves", "loss (MSE)", curves, true);
        learning.figure("Training loss, mean with +- sd band over seeds.",
                Plots.write(lc, plots, "learning-curves"));

        HtmlReport.Section hardware = report.section("Hardware mapping");
        int m = Math.min(n, 4000);
        double[] shifted = Arrays.copyOf(times, m);
        for (int i = 0; i < m; i += 97) {
            shifted[i] += 4;
        }
        var overlay = Plots.rasterOverlay("Float vs fixed point", "float engine", Arrays.copyOf(ids, m),
                Arrays.copyOf(times, m), "fixed-point emulator", Arrays.copyOf(ids, m), shifted, 20_000);
        hardware.figure("Float engine against fixed-point emulator (a dot inside a ring: same spike).",
                Plots.write(overlay, plots, "float-vs-fixed"));
        List<String> ops = List.of("synaptic events", "neuron updates", "memory reads", "learning updates");
        var stacked = Plots.bars("Energy per inference", "network", "energy (nJ)", List.of("before pruning",
                "after pruning"), ops, new double[][] {{120, 35}, {40, 38}, {60, 22}, {25, 9}}, true);
        hardware.figure("Energy breakdown, stacked.", Plots.write(stacked, plots, "energy-stacked"));
        var grouped = Plots.bars("Energy per operation", "operation", "energy (nJ)", ops,
                List.of("before pruning", "after pruning"), new double[][] {{120, 40, 60, 25}, {35, 38, 22, 9}}, false);
        hardware.figure("Energy breakdown, grouped.", Plots.write(grouped, plots, "energy-grouped"));
        report.write(out.resolve("report.html"));
    }
}
