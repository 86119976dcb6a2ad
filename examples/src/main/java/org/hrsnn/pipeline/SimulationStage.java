package org.hrsnn.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * then the Lorenz prediction task on the same engine ({@link LorenzReservoir}).
 */
public final class SimulationStage implements Stage {

    /**
     * @param durationMs        free-run biological time, ms
     * @param spikes            spikes of the free run
     * @param meanRateHz        its mean rate, Hz
     * @param populationRateHz  population -> mean rate, Hz
     * @param wallSeconds       wall time of the free run
     * @param lorenzDurationMs  biological time of the Lorenz run, ms
     * @param lorenzRateHz      mean rate during the Lorenz run, Hz
     * @param readoutNeurons    neurons read out by the ridge readout
     * @param horizonMs         how far ahead the readout predicts, ms
     * @param lorenzNrmse       held-out NRMSE of the readout
     * @param persistenceNrmse  held-out NRMSE of the persistence forecast (for scale)
     */
    public record Summary(double durationMs, long spikes, double meanRateHz, Map<String, Double> populationRateHz,
                          double wallSeconds, double lorenzDurationMs, double lorenzRateHz, int readoutNeurons,
                          double horizonMs, double lorenzNrmse, double persistenceNrmse) {
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
        LorenzReservoir.Result lorenz = LorenzReservoir.run(net, engine, set.lorenz(), ctx.streams("simulation"));
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
        LorenzTask task = set.lorenz();
        sec.paragraph(String.format(Locale.ROOT, "Lorenz prediction: the x coordinate of the Lorenz system, scaled to "
                        + "[-1, 1], drives the network through a push-pull Poisson rate code (%d on and %d off "
                        + "channels, each neuron listens to one side), one sample per %.0f ms. The spike trains of %d "
                        + "neurons, filtered with a %.0f ms exponential kernel, feed a ridge readout trained to predict "
                        + "the signal %d samples (%.0f ms) ahead on %d samples after a washout of %d; the NRMSE is "
                        + "measured on the %d held-out samples that follow. NRMSE %.3f (1 = no better than the mean). "
                        + "For scale, the persistence forecast (the current value) scores %.3f on the same samples.",
                LorenzReservoir.CHANNELS, LorenzReservoir.CHANNELS, task.samplePeriodMs(), lorenz.features(),
                LorenzReservoir.FILTER_MS, task.horizon(), task.horizon() * task.samplePeriodMs(), task.train(),
                task.washout(), task.test(), lorenz.nrmse(), lorenz.persistenceNrmse()));
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
                .row("readout neurons", lorenz.features(), "")
                .row("prediction horizon", task.horizon() * task.samplePeriodMs(), "ms")
                .row("Lorenz NRMSE", lorenz.nrmse(), "")
                .row("persistence NRMSE", lorenz.persistenceNrmse(), "")
                .build();
        sec.table(ctx.table(table, "simulation"));
        ctx.report().keyFigure("Lorenz NRMSE (event engine)", String.format(Locale.ROOT, "%.4f", lorenz.nrmse()),
                String.format(Locale.ROOT, "%.0f ms ahead; persistence %.4f", task.horizon() * task.samplePeriodMs(),
                        lorenz.persistenceNrmse()));
        ctx.report().keyFigure("mean rate", free.meanRateHz(), "Hz");
        ctx.progress().update(1);
        return new Summary(set.rasterMs(), free.spikes(), free.meanRateHz(), popRates, free.wallSeconds(),
                task.durationMs(), lorenz.meanRateHz(), lorenz.features(), task.horizon() * task.samplePeriodMs(),
                lorenz.nrmse(), lorenz.persistenceNrmse());
    }
}
