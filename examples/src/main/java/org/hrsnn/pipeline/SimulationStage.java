package org.hrsnn.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hrsnn.pruning.evaluation.ChaoticSeries;
import org.hrsnn.pruning.evaluation.SpikingTimeSeriesPrediction;
import org.hrsnn.report.HtmlReport;
import org.hrsnn.report.PlotSeries;
import org.hrsnn.report.Plots;
import org.hrsnn.report.Table;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.engine.SimulationResult;
import org.hrsnn.simulator.engine.event.EventDrivenEngine;
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.Population;

/**
 * Stage 1: a free run of the network with the exact event engine (raster, population rates),
 * then the Lorenz prediction task on the same engine ({@link SpikingTimeSeriesPrediction}, with the
 * persistence and linear autoregressive references; docs/lorenz-task.md).
 */
public final class SimulationStage implements Stage {
    /** Model time between samples of {@link ChaoticSeries#lorenz(int)}. */
    static final double LORENZ_SAMPLE_TIME = 0.02;
    /** Largest Lyapunov exponent of the Lorenz system (sigma 10, rho 28, beta 8/3), per model time unit. */
    static final double LORENZ_LYAPUNOV_EXPONENT = 0.906;

    /**
     * @param durationMs        free-run biological time, ms
     * @param spikes            spikes of the free run
     * @param meanRateHz        its mean rate, Hz
     * @param populationRateHz  population -> mean rate, Hz
     * @param wallSeconds       wall time of the free run
     * @param lorenzDurationMs  biological time of the Lorenz run, ms
     * @param lorenzRateHz      mean rate during the Lorenz run, Hz
     * @param readoutFeatures   features of the ridge readout (read neurons times filter time constants)
     * @param horizonMs         how far ahead the readout predicts, ms
     * @param lorenzNrmse       held-out NRMSE of the reservoir readout
     * @param persistenceNrmse  held-out NRMSE of the persistence forecast u(k + h) = u(k)
     * @param arNrmse           held-out NRMSE of the linear autoregressive reference on the input history
     * @param readoutRidge      ridge strength chosen on the validation split
     */
    public record Summary(double durationMs, long spikes, double meanRateHz, Map<String, Double> populationRateHz,
                          double wallSeconds, double lorenzDurationMs, double lorenzRateHz, int readoutFeatures,
                          double horizonMs, double lorenzNrmse, double persistenceNrmse, double arNrmse,
                          double readoutRidge) {
    }

    @Override
    public String name() {
        return "simulation";
    }

    @Override
    public double weight() {
        return 8;
    }

    @Override
    public Object run(DemoContext ctx) {
        Network net = ctx.network();
        DemoSettings set = ctx.settings();
        EventDrivenEngine engine = new EventDrivenEngine();
        SpikeRecorder rec = new SpikeRecorder();
        SimulationResult free = engine.run(net, new SimulationOptions(set.rasterMs(), ctx.seed(), 1,
                SimulationOptions.DEFAULT_DT_MS), rec, new org.hrsnn.simulator.monitor.Monitor() {
                    @Override
                    public void onProgress(double timeMs) {
                        ctx.progress().update(0.3 * timeMs / set.rasterMs());
                    }
                });
        ctx.progress().update(0.3);
        SpikingTimeSeriesPrediction.Options task = set.lorenz();
        SpikingTimeSeriesPrediction.Result lorenz = SpikingTimeSeriesPrediction.evaluate(net,
                ChaoticSeries.lorenz(task.length()), engine, task, ctx.streams("simulation").child("lorenz"));
        ctx.progress().update(0.9);

        int[] neurons = rec.neurons();
        double[] times = rec.times();
        Map<String, Double> popRates = new LinkedHashMap<>();
        List<PlotSeries> rateTraces = new ArrayList<>();
        double bin = Math.max(5, set.rasterMs() / 100);
        for (Population p : net.populations()) {
            int count = 0;
            for (int n : neurons) {
                if (n >= p.start() && n < p.end()) {
                    count++;
                }
            }
            double[] t = new double[count];
            int k = 0;
            for (int s = 0; s < neurons.length; s++) {
                if (neurons[s] >= p.start() && neurons[s] < p.end()) {
                    t[k++] = times[s];
                }
            }
            popRates.put(p.name(), count / (double) p.size() / (set.rasterMs() / 1000));
            double[] r = Plots.binnedRateHz(t, p.size(), 0, set.rasterMs(), bin);
            rateTraces.add(PlotSeries.of(p.name() + " (" + p.size() + " neurons)",
                    Plots.binCentresMs(r.length, 0, set.rasterMs(), bin), r));
        }

        HtmlReport.Section sec = ctx.report().section("Simulation and Lorenz prediction (event engine)");
        sec.paragraph(String.format(Locale.ROOT, "The network (%d neurons, %d synapses) ran for %.0f ms of biological "
                        + "time with the exact event-driven engine: %d spikes, mean rate %.2f Hz, %.2f s wall.",
                net.size(), net.synapses().size(), set.rasterMs(), free.spikes(), free.meanRateHz(), free.wallSeconds()));
        sec.figure("Spike raster of the free run (population order as configured).", ctx.plot(Plots.spikeRaster(
                "Spike raster, event engine", neurons, times, 0, set.rasterMs(), Plots.DEFAULT_MAX_RASTER_POINTS),
                "raster", "spike raster of the free run"));
        sec.figure(String.format(Locale.ROOT, "Population rates in %.0f ms bins.", bin), ctx.plot(
                Plots.populationRate("Population rate", rateTraces), "population-rate", "population rates"));
        double horizonMs = task.horizon() * task.samplePeriodMs();
        sec.paragraph(String.format(Locale.ROOT, "Lorenz prediction: the x coordinate of the Lorenz system (sampled every "
                        + "0.02 model time units), scaled to [-1, 1], drives the network through a population code: %d "
                        + "input channels with Gaussian tuning curves over [-1, 1] (peak %.0f Hz, regular spikes), each "
                        + "projecting onto a neuron with probability %.2f, weight +-%.0f nA. One sample per %.0f ms. The "
                        + "spike trains of %d neurons, filtered with exponential kernels of %s ms, give %d features for "
                        + "a ridge readout trained to predict the signal %d samples (%.0f ms, %.2f model time units, %.2f "
                        + "Lyapunov times) ahead: %d training samples after a washout of %d, the ridge "
                        + "strength chosen on the next %d, the NRMSE measured once on the %d held-out samples that follow "
                        + "(1 = no better than the mean).",
                task.channels(), task.maxHz(), task.inputProbability(), task.inputWeightNa(), task.samplePeriodMs(),
                lorenz.features() / task.filterTausMs().length, joined(task.filterTausMs()), lorenz.features(),
                task.horizon(), horizonMs, task.horizon() * LORENZ_SAMPLE_TIME,
                task.horizon() * LORENZ_SAMPLE_TIME * LORENZ_LYAPUNOV_EXPONENT, task.train(), task.washout(), task.validation(),
                task.test()));
        sec.paragraph(String.format(Locale.ROOT, "Held-out NRMSE: spiking reservoir %.3f; persistence (the current value) "
                        + "%.3f; linear autoregression on the last %d input samples %.3f. The reservoir %s both "
                        + "references.", lorenz.nrmse(), lorenz.persistenceNrmse(), task.arOrder(), lorenz.arNrmse(),
                lorenz.nrmse() < Math.min(lorenz.persistenceNrmse(), lorenz.arNrmse()) ? "beats" : "does NOT beat"));
        sec.figure("Held-out Lorenz samples and the readout's prediction.", ctx.plot(Plots.lines(
                "Lorenz x, " + task.horizon() + " samples ahead (held-out)", "time (ms)", "scaled x",
                List.of(PlotSeries.of("target", lorenz.sampleMs(), lorenz.testTarget()),
                        PlotSeries.of("readout prediction", lorenz.sampleMs(), lorenz.testPrediction())), false),
                "lorenz-prediction", "Lorenz target and prediction"));
        Table table = Table.builder("Simulation and Lorenz prediction").column("quantity").column("value")
                .column("unit")
                .row("neurons", net.size(), "")
                .row("synapses", net.synapses().size(), "")
                .row("free-run duration", set.rasterMs(), "ms")
                .row("free-run spikes", free.spikes(), "")
                .row("free-run mean rate", free.meanRateHz(), "Hz")
                .row("free-run wall time", free.wallSeconds(), "s")
                .row("Lorenz run duration", task.durationMs(), "ms")
                .row("Lorenz run mean rate", lorenz.meanRateHz(), "Hz")
                .row("readout features", lorenz.features(), "")
                .row("prediction horizon", horizonMs, "ms")
                .row("Lorenz NRMSE", lorenz.nrmse(), "")
                .row("persistence NRMSE", lorenz.persistenceNrmse(), "")
                .row("linear AR NRMSE", lorenz.arNrmse(), "")
                .row("readout ridge", lorenz.ridge(), "")
                .build();
        sec.table(ctx.table(table, "simulation"));
        ctx.report().keyFigure("Lorenz NRMSE (event engine)", String.format(Locale.ROOT, "%.4f", lorenz.nrmse()),
                String.format(Locale.ROOT, "%.0f ms ahead; persistence %.4f, linear AR %.4f", horizonMs,
                        lorenz.persistenceNrmse(), lorenz.arNrmse()));
        ctx.report().keyFigure("mean rate", free.meanRateHz(), "Hz");
        ctx.progress().update(1);
        return new Summary(set.rasterMs(), free.spikes(), free.meanRateHz(), popRates, free.wallSeconds(),
                task.durationMs(), lorenz.meanRateHz(), lorenz.features(), horizonMs, lorenz.nrmse(),
                lorenz.persistenceNrmse(), lorenz.arNrmse(), lorenz.ridge());
    }

    private static String joined(double[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : i == values.length - 1 ? " and " : ", ");
            b.append(String.format(Locale.ROOT, "%.0f", values[i]));
        }
        return b.toString();
    }
}
