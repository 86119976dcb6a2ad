package org.hrsnn.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.pruning.evaluation.ChaoticSeries;
import org.hrsnn.pruning.evaluation.RidgeRegression;
import org.hrsnn.simulator.engine.Engine;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.engine.SimulationResult;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.input.PoissonSource;
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Lorenz prediction with the spiking network as a reservoir, run on a spiking {@link Engine}
 * (the demo uses the exact event engine).
 *
 * <ol>
 *   <li>Signal: the x coordinate of the Lorenz system ({@link ChaoticSeries#lorenz}, sampled
 *       every 0.02 model time units), scaled to u in [-1, 1]; sample k is presented during
 *       [k P, (k + 1) P), P = {@code samplePeriodMs}.</li>
 *   <li>Encoding (push-pull rate code): {@value #CHANNELS} "on" Poisson channels at
 *       {@value #BASE_HZ} + {@value #SPAN_HZ} (1 + u) / 2 Hz and {@value #CHANNELS} "off" channels
 *       at {@value #BASE_HZ} + {@value #SPAN_HZ} (1 - u) / 2 Hz; each neuron is assigned one side
 *       (probability 1/2) and receives each channel of that side with probability
 *       {@value #PROBABILITY}, weight {@value #WEIGHT_NA} nA, no delay (stream
 *       demo/lorenz/projection). The network keeps its own inputs (background drive).</li>
 *   <li>State: per read-out neuron, its spike train filtered by an exponential kernel of
 *       {@value #FILTER_MS} ms, read at the end of every sample period.</li>
 *   <li>Readout: ridge regression ({@link RidgeRegression}) from the state after sample k to
 *       u(k + horizon), fitted on the training samples after the washout; NRMSE =
 *       sqrt(mean (y_hat - y)^2) / std(y) on the held-out tail (1 = no better than the mean).
 *       For scale, the persistence forecast u(k + horizon) = u(k) is scored on the same samples.</li>
 * </ol>
 */
public final class LorenzReservoir {
    static final int CHANNELS = 50;
    static final double BASE_HZ = 2;
    static final double SPAN_HZ = 100;
    static final double PROBABILITY = 0.2;
    static final double WEIGHT_NA = 4.0;
    static final double FILTER_MS = 20;

    /**
     * What one run gave.
     *
     * @param nrmse            held-out NRMSE of the readout
     * @param persistenceNrmse held-out NRMSE of u(k + h) = u(k)
     * @param features         neurons read out
     * @param meanRateHz       mean rate of the network during the run, Hz
     * @param spikes           spikes of the network's neurons
     * @param testTarget       held-out targets u(k + h), in [-1, 1]
     * @param testPrediction   the readout's predictions of them
     * @param sampleMs         time of each held-out sample (end of its presentation), ms
     */
    public record Result(double nrmse, double persistenceNrmse, int features, double meanRateHz, long spikes,
                         double[] testTarget, double[] testPrediction, double[] sampleMs) {
    }

    private LorenzReservoir() {
    }

    /** The network with the Lorenz input group added (its own inputs kept). */
    public static Network withLorenzInput(Network net, double[] u, double samplePeriodMs, RandomGenerator rng) {
        double[][] rates = new double[2 * CHANNELS][u.length];
        for (int c = 0; c < CHANNELS; c++) {
            for (int k = 0; k < u.length; k++) {
                rates[c][k] = BASE_HZ + SPAN_HZ * (1 + u[k]) / 2;
                rates[CHANNELS + c][k] = BASE_HZ + SPAN_HZ * (1 - u[k]) / 2;
            }
        }
        int n = net.size();
        int cap = (int) (2 * CHANNELS * n * PROBABILITY * 1.5) + 16;
        int[] pre = new int[cap];
        int[] post = new int[cap];
        int m = 0;
        // Each neuron listens to one side only: with both sides the total input rate would be
        // constant and only the small imbalance of channel counts would carry the signal.
        boolean[] onSide = new boolean[n];
        for (int i = 0; i < n; i++) {
            onSide[i] = rng.nextBoolean();
        }
        for (int c = 0; c < 2 * CHANNELS; c++) {
            boolean on = c < CHANNELS;
            for (int i = 0; i < n; i++) {
                if (onSide[i] == on && rng.nextDouble() < PROBABILITY) {
                    if (m == pre.length) {
                        pre = java.util.Arrays.copyOf(pre, 2 * m);
                        post = java.util.Arrays.copyOf(post, 2 * m);
                    }
                    pre[m] = c;
                    post[m] = i;
                    m++;
                }
            }
        }
        double[] w = new double[m];
        java.util.Arrays.fill(w, WEIGHT_NA);
        SynapseMatrix projection = SynapseMatrix.fromEdges(2 * CHANNELS, n, pre, post, w, new double[m], m);
        List<InputGroup> inputs = new ArrayList<>(net.inputs());
        inputs.add(new InputGroup("lorenz", PoissonSource.timeVarying(rates, samplePeriodMs), projection));
        return net.withInputs(inputs, net.currents());
    }

    /** Lorenz x over {@code samples} samples scaled to [-1, 1]. */
    public static double[] scaledSeries(int samples) {
        double[] x = ChaoticSeries.lorenz(samples);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double[] u = new double[samples];
        for (int k = 0; k < samples; k++) {
            u[k] = 2 * (x[k] - lo) / (hi - lo) - 1;
        }
        return u;
    }

    /** Runs the task on {@code net}; every random draw from {@code streams}. */
    public static Result run(Network net, Engine engine, LorenzTask task, RandomStreams streams) {
        int presented = task.presented();
        double[] u = scaledSeries(presented + task.horizon());
        Network driven = withLorenzInput(net, java.util.Arrays.copyOf(u, presented), task.samplePeriodMs(),
                streams.stream("demo/lorenz/projection"));
        SpikeRecorder rec = new SpikeRecorder();
        SimulationResult sim = engine.run(driven, new SimulationOptions(task.durationMs(),
                streams.stream("demo/lorenz/engine").nextLong(), 1, SimulationOptions.DEFAULT_DT_MS), rec);
        int stride = Math.max(1, (net.size() + task.maxFeatures() - 1) / task.maxFeatures());
        double[][] x = filteredStates(rec.neurons(), rec.times(), net.size(), stride, presented, task.samplePeriodMs());
        double[][] y = new double[presented][1];
        for (int k = 0; k < presented; k++) {
            y[k][0] = u[k + task.horizon()];
        }
        int split = task.washout() + task.train();
        RidgeRegression r = RidgeRegression.fit(x, y, task.washout(), split, task.ridge());
        int t = task.test();
        double[] target = new double[t];
        double[] pred = new double[t];
        double[] times = new double[t];
        double[] persistence = new double[t];
        for (int k = 0; k < t; k++) {
            target[k] = y[split + k][0];
            pred[k] = r.predict(x[split + k])[0];
            persistence[k] = u[split + k];
            times[k] = (split + k + 1) * task.samplePeriodMs();
        }
        return new Result(nrmse(pred, target), nrmse(persistence, target), x[0].length, sim.meanRateHz(),
                sim.spikes(), target, pred, times);
    }

    /** sqrt(mean (p - y)^2) / std(y); NaN when y is constant. */
    static double nrmse(double[] p, double[] y) {
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double se = 0;
        double var = 0;
        for (int k = 0; k < y.length; k++) {
            se += (p[k] - y[k]) * (p[k] - y[k]);
            var += (y[k] - mean) * (y[k] - mean);
        }
        return var == 0 ? Double.NaN : Math.sqrt(se / var);
    }

    /**
     * Exponentially filtered spike trains of neurons 0, stride, 2 stride, ... read at t = (k + 1) P
     * for k = 0 .. samples - 1 (a spike exactly at a read time counts for that read).
     */
    static double[][] filteredStates(int[] neurons, double[] times, int n, int stride, int samples, double periodMs) {
        int features = (n + stride - 1) / stride;
        double[] trace = new double[features];
        double[] last = new double[features];
        double[][] x = new double[samples][features];
        int k = 0;
        for (int s = 0; s < neurons.length; s++) {
            double t = times[s];
            while (k < samples && (k + 1) * periodMs < t) {
                read(trace, last, (k + 1) * periodMs, x[k]);
                k++;
            }
            if (neurons[s] % stride == 0) {
                int f = neurons[s] / stride;
                trace[f] = trace[f] * Math.exp(-(t - last[f]) / FILTER_MS) + 1;
                last[f] = t;
            }
        }
        for (; k < samples; k++) {
            read(trace, last, (k + 1) * periodMs, x[k]);
        }
        return x;
    }

    private static void read(double[] trace, double[] last, double t, double[] out) {
        for (int f = 0; f < trace.length; f++) {
            out[f] = trace[f] == 0 ? 0 : trace[f] * Math.exp(-(t - last[f]) / FILTER_MS);
        }
    }
}
