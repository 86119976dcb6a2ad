package org.hrsnn.pruning.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.engine.Engine;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.input.SpikeSource;
import org.hrsnn.simulator.input.encoder.RateEncoder;
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Time-series prediction by the SPIKING network (not the rate surrogate of
 * {@link TimeSeriesPrediction}). The series, scaled to [-1, 1], is rate-coded
 * ({@link RateEncoder}) by {@code channels} ON channels (rate maxHz (1 + u) / 2) and as many OFF
 * channels (rate maxHz (1 - u) / 2), one sample per {@code samplePeriodMs}; each channel projects
 * onto each neuron with probability {@code inputProbability} and weight {@code inputWeightNa}
 * (excitatory), added to the network's own inputs. A spiking {@link Engine} runs the whole series;
 * each of up to {@code maxFeatures} neurons' spike trains is low-pass filtered by an exponential
 * kernel exp(-t / filterTauMs) (exact, event by event), and the filtered traces read at the end
 * of every sample period are the state. A ridge readout ({@link RidgeRegression}) is trained to
 * output the sample {@code horizon} periods ahead; the score is the NRMSE on the held-out tail
 * (1 = no better than the mean).
 *
 * <p>Streams: {@code spiking/projection} (input synapses), {@code spiking/features} (which
 * neurons are read); the Poisson spikes are drawn by the engine from the run's seed.
 */
public final class SpikingTimeSeriesPrediction {

    /**
     * @param samplePeriodMs   biological time per series sample, ms
     * @param filterTauMs      time constant of the exponential spike filter, ms
     * @param channels         ON channels (and as many OFF channels)
     * @param maxHz            rate of a channel at full drive, Hz
     * @param inputProbability probability that a channel projects onto a neuron
     * @param inputWeightNa    weight of an input synapse, nA
     * @param dtMs             time step of a clock engine, ms
     */
    // Defaults: Poisson coding noise dominates, so many channels (200 + 200 at up to 200 Hz) and
    // 10 ms per sample; on the default HRSNN (N = 1000) this gave NRMSE 0.44 against 0.93 with
    // 50 channels at 100 Hz and 5 ms (a short manual scan, not an optimisation).
    public record Options(int horizon, int washout, int train, int test, double ridge, int maxFeatures,
                          double samplePeriodMs, double filterTauMs, int channels, double maxHz,
                          double inputProbability, double inputWeightNa, double dtMs) {
        public static final Options DEFAULT = new Options(1, 50, 1000, 300, 1e-4, 300, 10.0, 20.0, 200, 200.0,
                0.2, 1.5, 0.25);

        public Options {
            Check.positive("spikingPrediction.horizon", horizon);
            Check.nonNegative("spikingPrediction.washout", washout);
            Check.positive("spikingPrediction.train", train);
            Check.positive("spikingPrediction.test", test);
            Check.positive("spikingPrediction.ridge", ridge);
            Check.positive("spikingPrediction.maxFeatures", maxFeatures);
            Check.positive("spikingPrediction.samplePeriodMs", samplePeriodMs);
            Check.positive("spikingPrediction.filterTauMs", filterTauMs);
            Check.positive("spikingPrediction.channels", channels);
            Check.positive("spikingPrediction.maxHz", maxHz);
            if (!(inputProbability > 0 && inputProbability <= 1)) {
                throw new InvalidInputException("spikingPrediction.inputProbability", inputProbability, "a probability in (0, 1]");
            }
            Check.positive("spikingPrediction.inputWeightNa", inputWeightNa);
            Check.positive("spikingPrediction.dtMs", dtMs);
        }

        /** Samples of the series used (and simulated). */
        public int length() {
            return washout + train + test + horizon;
        }

        /** Shorter runs (for tests): the given washout, train and test sample counts. */
        public Options withSamples(int newWashout, int newTrain, int newTest) {
            return new Options(horizon, newWashout, newTrain, newTest, ridge, maxFeatures, samplePeriodMs, filterTauMs,
                    channels, maxHz, inputProbability, inputWeightNa, dtMs);
        }
    }

    /** The score and what the run looked like. */
    public record Result(double nrmse, double meanRateHz, int features, long spikes) {
    }

    private SpikingTimeSeriesPrediction() {
    }

    public static Result evaluate(Network network, double[] series, Engine engine, Options o, RandomStreams streams) {
        if (series.length < o.length()) {
            throw new InvalidInputException("spikingPrediction.series.length", series.length,
                    "at least " + o.length() + " samples");
        }
        int total = o.length();
        int n = network.size();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < total; t++) {
            lo = Math.min(lo, series[t]);
            hi = Math.max(hi, series[t]);
        }
        double span = hi > lo ? hi - lo : 1;
        double[] u = new double[total];
        for (int t = 0; t < total; t++) {
            u[t] = 2 * (series[t] - lo) / span - 1;
        }
        // The last target sample is never presented: the network sees samples 0 .. steps-1.
        int steps = total - o.horizon();
        double[][] coded = new double[2 * o.channels()][steps];
        for (int c = 0; c < o.channels(); c++) {
            for (int t = 0; t < steps; t++) {
                coded[c][t] = u[t];
                coded[o.channels() + c][t] = -u[t];
            }
        }
        SpikeSource source = new RateEncoder(0, o.maxHz(), -1, 1).encode(coded, o.samplePeriodMs());
        SynapseMatrix projection = projection(2 * o.channels(), n, o, streams.stream("spiking/projection"));
        List<InputGroup> inputs = new ArrayList<>(network.inputs());
        inputs.add(new InputGroup("prediction-signal", source, projection));
        Network driven = network.withInputs(inputs, network.currents());

        double durationMs = steps * o.samplePeriodMs();
        SpikeRecorder spikes = new SpikeRecorder();
        engine.run(driven, new SimulationOptions(durationMs, streams.seed(), 1, o.dtMs()), spikes);

        int[] readNeurons = featureNeurons(n, o.maxFeatures(), streams.stream("spiking/features"));
        double[][] x = filteredStates(spikes.neurons(), spikes.times(), n, readNeurons, steps, o.samplePeriodMs(),
                o.filterTauMs());
        double[][] y = new double[steps][1];
        for (int t = 0; t < steps; t++) {
            y[t][0] = u[t + o.horizon()];
        }
        int split = o.washout() + o.train();
        RidgeRegression r = RidgeRegression.fit(x, y, o.washout(), split, o.ridge());
        double mean = 0;
        for (int t = split; t < steps; t++) {
            mean += y[t][0];
        }
        mean /= steps - split;
        double mse = 0;
        double var = 0;
        for (int t = split; t < steps; t++) {
            double e = r.predict(x[t])[0] - y[t][0];
            mse += e * e;
            var += (y[t][0] - mean) * (y[t][0] - mean);
        }
        double nrmse = var == 0 ? Double.NaN : Math.sqrt(mse / var);
        long count = spikes.neurons().length;
        return new Result(nrmse, count / (double) n / (durationMs / 1000), readNeurons.length, count);
    }

    private static SynapseMatrix projection(int sources, int n, Options o, RandomGenerator rng) {
        int cap = 16;
        int[] pre = new int[cap];
        int[] post = new int[cap];
        int count = 0;
        for (int c = 0; c < sources; c++) {
            for (int i = 0; i < n; i++) {
                if (rng.nextDouble() < o.inputProbability()) {
                    if (count == cap) {
                        cap *= 2;
                        pre = java.util.Arrays.copyOf(pre, cap);
                        post = java.util.Arrays.copyOf(post, cap);
                    }
                    pre[count] = c;
                    post[count++] = i;
                }
            }
        }
        double[] w = new double[count];
        java.util.Arrays.fill(w, o.inputWeightNa());
        return SynapseMatrix.fromEdges(sources, n, pre, post, w, new double[count], count);
    }

    /** All neurons when n <= max, else a random subset of max (ascending). */
    static int[] featureNeurons(int n, int max, RandomGenerator rng) {
        int k = Math.min(n, max);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        if (k < n) {
            for (int i = 0; i < k; i++) {
                int j = i + rng.nextInt(n - i);
                int tmp = ids[i];
                ids[i] = ids[j];
                ids[j] = tmp;
            }
        }
        int[] out = java.util.Arrays.copyOf(ids, k);
        java.util.Arrays.sort(out);
        return out;
    }

    /**
     * Row t: the filtered trace sum over spikes s <= (t + 1) P of exp(-((t + 1) P - s) / tau) of
     * every read neuron, i.e. the state at the end of sample t's period (spikes in time order).
     */
    static double[][] filteredStates(int[] neurons, double[] times, int n, int[] read, int steps, double periodMs,
                                     double tauMs) {
        int[] column = new int[n];
        java.util.Arrays.fill(column, -1);
        for (int f = 0; f < read.length; f++) {
            column[read[f]] = f;
        }
        double[] trace = new double[read.length];
        double[] last = new double[read.length];
        double[][] x = new double[steps][read.length];
        int k = 0;
        for (int t = 0; t < steps; t++) {
            double sampleTime = (t + 1) * periodMs;
            while (k < times.length && times[k] <= sampleTime) {
                int f = column[neurons[k]];
                if (f >= 0) {
                    trace[f] = trace[f] * Math.exp(-(times[k] - last[f]) / tauMs) + 1;
                    last[f] = times[k];
                }
                k++;
            }
            for (int f = 0; f < read.length; f++) {
                x[t][f] = trace[f] * Math.exp(-(sampleTime - last[f]) / tauMs);
            }
        }
        return x;
    }
}
