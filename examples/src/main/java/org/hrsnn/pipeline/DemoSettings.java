package org.hrsnn.pipeline;

import java.util.List;
import org.hrsnn.pruning.evaluation.SpikingTimeSeriesPrediction;

/**
 * Sizes of every stage of the demo. {@link #fullRun()} is the documented run (budget: under 3 minutes
 * on 2 cores), {@link #quickRun()} the smoke run (under 30 s, used by the tests).
 *
 * @param quick              whether this is the quick run (also selects the small embedded network)
 * @param rasterMs           biological duration of the free run drawn as raster and rate, ms
 * @param lorenz             the stage-1 Lorenz task (event engine; docs/lorenz-task.md)
 * @param evaluation         the shorter Lorenz task used for every pruned network (same coding and horizon, readout of
 *                           the present state only: Options.NETWORK_STATE)
 * @param densities          fractions of synapses kept by every strategy
 * @param seeds              pruning (and evaluation-input) seeds per strategy and density
 * @param lyapunovExponents  exponents of the spectra before and after pruning
 * @param learningIterations training iterations per learning rule
 * @param hardwareMs         biological duration of one inference on the hardware model, ms
 * @param threads            worker threads for the independent prune-and-evaluate jobs
 */
public record DemoSettings(boolean quick, double rasterMs, SpikingTimeSeriesPrediction.Options lorenz,
                           SpikingTimeSeriesPrediction.Options evaluation, List<Double> densities, int seeds,
                           int lyapunovExponents, int learningIterations, double hardwareMs, int threads) {

    public static DemoSettings fullRun() {
        SpikingTimeSeriesPrediction.Options task = SpikingTimeSeriesPrediction.Options.DEFAULT;
        SpikingTimeSeriesPrediction.Options pruned = SpikingTimeSeriesPrediction.Options.NETWORK_STATE;
        return new DemoSettings(false, 1000, task, pruned.withSamples(50, 300, 100, 200).withMaxFeatures(150),
                List.of(0.25, 0.5, 0.75), 3, 16, 100, 500, defaultThreads());
    }

    public static DemoSettings quickRun() {
        SpikingTimeSeriesPrediction.Options task = SpikingTimeSeriesPrediction.Options.DEFAULT;
        return new DemoSettings(true, 300, task.withSamples(50, 400, 100, 200).withMaxFeatures(125),
                SpikingTimeSeriesPrediction.Options.NETWORK_STATE.withSamples(30, 240, 60, 120).withMaxFeatures(125),
                List.of(0.3, 0.7), 2, 12, 60, 200,
                defaultThreads());
    }

    private static int defaultThreads() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }
}
