package org.hrsnn.pruning.evaluation;

import org.hrsnn.simulator.readout.RidgeRegression;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.engine.Engine;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.input.SpikeTimesSource;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.random.RandomStreams;
import org.hrsnn.simulator.util.DoubleArrayList;

/**
 * Time-series prediction by the SPIKING network used as a reservoir (not the rate surrogate of
 * {@link TimeSeriesPrediction}); the one implementation behind {@code hrsnn demo} stage 1 and the
 * spiking task of {@code hrsnn prune compare}. See docs/lorenz-task.md for the choices and figures.
 *
 * <ol>
 *   <li>Signal: the series scaled to u in [-1, 1] (min and max over the washout, training and validation
 *       samples, never the test samples); sample k
 *       is presented during [k P, (k + 1) P), P = {@code samplePeriodMs}.</li>
 *   <li>Input coding (population code with tuning curves): {@code channels} input channels with
 *       preferred values spread evenly over [-1, 1]; channel c fires at
 *       maxHz exp(-(u - pref_c)^2 / (2 width^2)) Hz with width = {@code tuningWidth} times the
 *       spacing of the preferred values. The spikes are REGULAR (an integrate-to-one phase per
 *       channel, random initial phase), not Poisson, so the input carries the signal with
 *       quantisation noise only. Each channel projects onto each neuron with probability
 *       {@code inputProbability}, weight +-{@code inputWeightNa} (sign drawn with probability 1/2:
 *       the same value excites some neurons and inhibits others), no delay; the network keeps its
 *       own inputs.</li>
 *   <li>State: for up to {@code maxFeatures} neurons (a random subset), the spike train filtered
 *       by exponential kernels with every time constant of {@code filterTausMs} (exact, event by
 *       event), read at the end of every sample period.</li>
 *   <li>Readout: ridge regression (intercept included) from the state after sample k to
 *       u(k + horizon). Samples: washout (dropped), train (fit), validation (chooses the ridge
 *       strength from 1e-8, 1e-7, ..., 10), test (held out). The chosen strength is refitted on
 *       train + validation and scored once on test: NRMSE = sqrt(mean (y_hat - y)^2) / std(y)
 *       (1 = no better than the mean).</li>
 *   <li>References on the same test samples: persistence (u(k + h) = u(k)) and a linear
 *       autoregressive model (ridge on the last {@code arOrder} input samples and an intercept,
 *       strength chosen on the same validation split).</li>
 * </ol>
 *
 * <p>Streams: {@code spiking/projection} (input synapses), {@code spiking/phase} (initial phases
 * of the input channels), {@code spiking/features} (which neurons are read); the network's own
 * Poisson inputs are drawn by the engine from {@code streams.seed()}.
 */
public final class SpikingTimeSeriesPrediction {

    /** Candidate ridge strengths, relative to the mean diagonal of the centred X^T X. */
    static final double[] RIDGE_GRID = {1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10};

    /**
     * @param horizon          samples ahead the readout predicts
     * @param washout          samples dropped at the start (the network settles)
     * @param train            samples the readouts are fitted on
     * @param validation       samples after train that choose the ridge strength
     * @param test             held-out samples the NRMSE is measured on
     * @param maxFeatures      most neurons read out (a random subset beyond that)
     * @param filterTausMs     time constants of the exponential spike filters, ms (one feature each per neuron)
     * @param samplePeriodMs   biological time per series sample, ms
     * @param channels         input channels (tuning curves)
     * @param tuningWidth      width of a tuning curve in units of the spacing of the preferred values
     * @param maxHz            rate of a channel at its preferred value, Hz
     * @param inputProbability probability that a channel projects onto a neuron
     * @param inputWeightNa    magnitude of an input weight, nA
     * @param arOrder          input samples of the linear autoregressive reference
     * @param dtMs             time step of a clock engine, ms (ignored by the event engine)
     */
    public record Options(int horizon, int washout, int train, int validation, int test, int maxFeatures,
                          double[] filterTausMs, double samplePeriodMs, int channels, double tuningWidth, double maxHz,
                          double inputProbability, double inputWeightNa, int arOrder, double dtMs) {
        /**
         * The documented task (docs/lorenz-task.md): Lorenz x sampled every 0.02 model time
         * units, 5 ms per sample, predicted 15 samples (0.3 model time units, 75 ms) ahead.
         */
        public static final Options DEFAULT = new Options(15, 100, 1000, 250, 400, 300, new double[] {5, 20, 50}, 5.0,
                30, 1.0, 400.0, 0.3, 20.0, 10, 0.25);

        /**
         * The task as pruning scores it: the readout sees the network's present state only (one
         * 5 ms filter). With the 5/20/50 ms filters of {@link #DEFAULT} the readout's own memory
         * carries most of the skill and removing every recurrent synapse changes nothing
         * (docs/lorenz-task.md, ablations); with one short filter the memory must come from the
         * recurrent network, which is what pruning changes.
         */
        public static final Options NETWORK_STATE = DEFAULT.withFilters(new double[] {5});

        public Options {
            Check.positive("spikingPrediction.horizon", horizon);
            Check.nonNegative("spikingPrediction.washout", washout);
            Check.positive("spikingPrediction.train", train);
            Check.positive("spikingPrediction.validation", validation);
            Check.positive("spikingPrediction.test", test);
            Check.positive("spikingPrediction.maxFeatures", maxFeatures);
            if (filterTausMs == null || filterTausMs.length == 0) {
                throw new InvalidInputException("spikingPrediction.filterTausMs", "[]", "at least one time constant");
            }
            for (double tau : filterTausMs) {
                Check.positive("spikingPrediction.filterTausMs", tau);
            }
            filterTausMs = filterTausMs.clone();
            Check.positive("spikingPrediction.samplePeriodMs", samplePeriodMs);
            if (channels < 2) {
                throw new InvalidInputException("spikingPrediction.channels", channels, "at least 2");
            }
            Check.positive("spikingPrediction.tuningWidth", tuningWidth);
            Check.positive("spikingPrediction.maxHz", maxHz);
            if (!(inputProbability > 0 && inputProbability <= 1)) {
                throw new InvalidInputException("spikingPrediction.inputProbability", inputProbability,
                        "a probability in (0, 1]");
            }
            Check.positive("spikingPrediction.inputWeightNa", inputWeightNa);
            Check.positive("spikingPrediction.arOrder", arOrder);
            Check.positive("spikingPrediction.dtMs", dtMs);
        }

        @Override
        public double[] filterTausMs() {
            return filterTausMs.clone();
        }

        /** Samples presented to the network (the last {@code horizon} targets are never presented). */
        public int presented() {
            return washout + train + validation + test;
        }

        /** Samples of the series used. */
        public int length() {
            return presented() + horizon;
        }

        /** Biological time of the run, ms. */
        public double durationMs() {
            return presented() * samplePeriodMs;
        }

        /**
         * Shorter runs: {@code newTrain} samples split into fit (the first three quarters) and
         * validation (the last quarter, at least 1), then {@code newTest} held-out samples.
         */
        public Options withSamples(int newWashout, int newTrain, int newTest) {
            int v = Math.max(1, newTrain / 4);
            return withSamples(newWashout, Math.max(1, newTrain - v), v, newTest);
        }

        public Options withSamples(int newWashout, int newTrain, int newValidation, int newTest) {
            return new Options(horizon, newWashout, newTrain, newValidation, newTest, maxFeatures, filterTausMs,
                    samplePeriodMs, channels, tuningWidth, maxHz, inputProbability, inputWeightNa, arOrder, dtMs);
        }

        public Options withHorizon(int newHorizon) {
            return new Options(newHorizon, washout, train, validation, test, maxFeatures, filterTausMs, samplePeriodMs,
                    channels, tuningWidth, maxHz, inputProbability, inputWeightNa, arOrder, dtMs);
        }

        public Options withMaxFeatures(int newMaxFeatures) {
            return new Options(horizon, washout, train, validation, test, newMaxFeatures, filterTausMs, samplePeriodMs,
                    channels, tuningWidth, maxHz, inputProbability, inputWeightNa, arOrder, dtMs);
        }

        /** Other input coding: channels, tuning width, peak rate, projection probability and weight. */
        public Options withInput(int newChannels, double newTuningWidth, double newMaxHz, double newProbability,
                                 double newWeightNa) {
            return new Options(horizon, washout, train, validation, test, maxFeatures, filterTausMs, samplePeriodMs,
                    newChannels, newTuningWidth, newMaxHz, newProbability, newWeightNa, arOrder, dtMs);
        }

        public Options withFilters(double[] newFilterTausMs) {
            return new Options(horizon, washout, train, validation, test, maxFeatures, newFilterTausMs, samplePeriodMs,
                    channels, tuningWidth, maxHz, inputProbability, inputWeightNa, arOrder, dtMs);
        }
    }

    /**
     * The scores and what the run looked like.
     *
     * @param nrmse            held-out NRMSE of the reservoir readout
     * @param meanRateHz       mean rate of the network's neurons during the run, Hz
     * @param features         readout features (read neurons times filter time constants)
     * @param spikes           spikes of the network's neurons
     * @param persistenceNrmse held-out NRMSE of u(k + h) = u(k)
     * @param arNrmse          held-out NRMSE of the linear autoregressive reference
     * @param ridge            ridge strength the validation chose for the reservoir readout
     * @param testTarget       held-out targets u(k + h), in [-1, 1]
     * @param testPrediction   the readout's predictions of them
     * @param sampleMs         time of each held-out state (end of its sample period), ms
     */
    public record Result(double nrmse, double meanRateHz, int features, long spikes, double persistenceNrmse,
                         double arNrmse, double ridge, double[] testTarget, double[] testPrediction,
                         double[] sampleMs) {
    }

    private SpikingTimeSeriesPrediction() {
    }

    /** Runs the task on the first {@link Options#length()} samples of {@code series}. */
    public static Result evaluate(Network network, double[] series, Engine engine, Options o, RandomStreams streams) {
        if (series.length < o.length()) {
            throw new InvalidInputException("spikingPrediction.series.length", series.length,
                    "at least " + o.length() + " samples");
        }
        int n = network.size();
        double[] u = scaled(series, o.length(), o.washout() + o.train() + o.validation());
        int steps = o.presented();
        double[] presented = Arrays.copyOf(u, steps);
        RandomGenerator phase = streams.stream("spiking/phase");
        SpikeTrains trains = regularTrains(tuningRatesHz(presented, o.channels(), o.tuningWidth(), o.maxHz()),
                o.samplePeriodMs(), phase);
        SynapseMatrix projection = projection(o.channels(), n, o.inputProbability(), o.inputWeightNa(),
                streams.stream("spiking/projection"));
        List<InputGroup> inputs = new ArrayList<>(network.inputs());
        inputs.add(new InputGroup("prediction-signal", new SpikeTimesSource(trains), projection));
        Network driven = network.withInputs(inputs, network.currents());

        double durationMs = o.durationMs();
        SpikeRecorder spikes = new SpikeRecorder();
        engine.run(driven, new SimulationOptions(durationMs, streams.seed(), 1, o.dtMs()), spikes);

        int[] readNeurons = featureNeurons(n, o.maxFeatures(), streams.stream("spiking/features"));
        double[] taus = o.filterTausMs();
        double[][] x = new double[steps][readNeurons.length * taus.length];
        for (int f = 0; f < taus.length; f++) {
            double[][] xf = filteredStates(spikes.neurons(), spikes.times(), n, readNeurons, steps, o.samplePeriodMs(),
                    taus[f]);
            for (int t = 0; t < steps; t++) {
                System.arraycopy(xf[t], 0, x[t], f * readNeurons.length, readNeurons.length);
            }
        }
        double[] y = targets(u, steps, o.horizon());
        int trainEnd = o.washout() + o.train();
        int validationEnd = trainEnd + o.validation();
        Readout readout = Readout.fit(x, y, o.washout(), trainEnd, validationEnd);
        double[] pred = readout.predict(x, validationEnd, steps);
        double[] target = Arrays.copyOfRange(y, validationEnd, steps);
        double[] times = new double[o.test()];
        for (int k = 0; k < times.length; k++) {
            times[k] = (validationEnd + k + 1) * o.samplePeriodMs();
        }
        double ar = nrmse(autoregressive(u, steps, o.arOrder(), o.horizon(), o.washout(), trainEnd, validationEnd),
                target);
        long count = spikes.neurons().length;
        return new Result(nrmse(pred, target), count / (double) n / (durationMs / 1000), x[0].length, count,
                nrmse(persistence(u, validationEnd, steps), target), ar, readout.ridge(), target, pred, times);
    }

    /**
     * The first {@code length} samples mapped linearly so that the first {@code fitLength} span
     * [-1, 1] (a constant series to 0). The range comes from the fitting samples only, so nothing
     * about the test samples leaks into the coding; test values may fall slightly outside.
     */
    static double[] scaled(double[] series, int length, int fitLength) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < fitLength; t++) {
            lo = Math.min(lo, series[t]);
            hi = Math.max(hi, series[t]);
        }
        double[] u = new double[length];
        for (int t = 0; t < length; t++) {
            u[t] = hi > lo ? 2 * (series[t] - lo) / (hi - lo) - 1 : 0;
        }
        return u;
    }

    private static double[] targets(double[] u, int steps, int horizon) {
        double[] y = new double[steps];
        for (int t = 0; t < steps; t++) {
            y[t] = u[t + horizon];
        }
        return y;
    }

    /** sqrt(mean (p - y)^2) / std(y) (population std); NaN when y is constant. */
    public static double nrmse(double[] prediction, double[] target) {
        if (prediction.length != target.length || target.length == 0) {
            throw new InvalidInputException("nrmse.prediction.length", prediction.length,
                    "the number of targets (" + target.length + "), at least 1");
        }
        double mean = 0;
        for (double v : target) {
            mean += v;
        }
        mean /= target.length;
        double se = 0;
        double var = 0;
        for (int k = 0; k < target.length; k++) {
            se += (prediction[k] - target[k]) * (prediction[k] - target[k]);
            var += (target[k] - mean) * (target[k] - mean);
        }
        return var == 0 ? Double.NaN : Math.sqrt(se / var);
    }

    /** Persistence forecast of u(t + h) for t in [from, to): u(t). */
    public static double[] persistence(double[] u, int from, int to) {
        return Arrays.copyOfRange(u, from, to);
    }

    /**
     * Linear autoregressive forecast of u(t + horizon) for t in [validationEnd, steps): ridge
     * (with intercept) on the lag vector (u(t), u(t - 1), ..., u(t - order + 1)) (samples before 0
     * read as u(0)), fitted on t in [from, trainEnd), strength chosen on [trainEnd, validationEnd)
     * and refitted on [from, validationEnd).
     */
    public static double[] autoregressive(double[] u, int steps, int order, int horizon, int from, int trainEnd,
                                          int validationEnd) {
        if (steps + horizon > u.length) {
            throw new InvalidInputException("autoregressive.steps", steps, "at most " + (u.length - horizon));
        }
        double[][] lags = new double[steps][order];
        for (int t = 0; t < steps; t++) {
            for (int j = 0; j < order; j++) {
                lags[t][j] = u[Math.max(0, t - j)];
            }
        }
        Readout r = Readout.fit(lags, targets(u, steps, horizon), from, trainEnd, validationEnd);
        return r.predict(lags, validationEnd, steps);
    }

    /** A ridge readout whose strength was chosen on a validation split, refitted on train + validation. */
    record Readout(RidgeRegression model, double ridge) {
        static Readout fit(double[][] x, double[] y, int from, int trainEnd, int validationEnd) {
            if (!(from < trainEnd && trainEnd < validationEnd && validationEnd <= x.length)) {
                throw new InvalidInputException("readout.splits", from + ", " + trainEnd + ", " + validationEnd,
                        "washout < train end < validation end <= " + x.length);
            }
            double ridge = chooseRidge(x, y, from, trainEnd, validationEnd);
            return new Readout(RidgeRegression.fit(x, column(y), from, validationEnd, ridge), ridge);
        }

        double[] predict(double[][] x, int from, int to) {
            double[] p = new double[to - from];
            for (int t = from; t < to; t++) {
                p[t - from] = model.predict(x[t])[0];
            }
            return p;
        }
    }

    /**
     * The strength of {@link #RIDGE_GRID} with the smallest validation error; same convention as
     * {@link RidgeRegression} (centred on the fit rows, lambda = ridge * mean diagonal of X^T X).
     * X^T X is formed once; each candidate costs one Cholesky solve.
     */
    static double chooseRidge(double[][] x, double[] y, int from, int trainEnd, int validationEnd) {
        double[][] y2 = column(y);
        RidgeRegression.NormalEquations ne = RidgeRegression.NormalEquations.of(x, y2, from, trainEnd);
        double best = RIDGE_GRID[RIDGE_GRID.length - 1];
        double bestError = Double.POSITIVE_INFINITY;
        for (double ridge : RIDGE_GRID) {
            RidgeRegression r = ne.solve(ridge);
            if (r == null) {
                continue; // numerically singular at this strength: a larger one will do
            }
            double se = 0;
            for (int t = trainEnd; t < validationEnd; t++) {
                double e = r.predict(x[t])[0] - y[t];
                se += e * e;
            }
            if (se < bestError) {
                bestError = se;
                best = ridge;
            }
        }
        return best;
    }

    /** y as a T x 1 matrix, for {@link RidgeRegression}. */
    private static double[][] column(double[] y) {
        double[][] y2 = new double[y.length][1];
        for (int t = 0; t < y.length; t++) {
            y2[t][0] = y[t];
        }
        return y2;
    }

    /**
     * Rates (Hz) of {@code channels} tuning curves per sample: channel c prefers
     * pref_c = -1 + 2 c / (channels - 1) and fires maxHz exp(-(u - pref_c)^2 / (2 sigma^2)),
     * sigma = width * 2 / (channels - 1). Row c, column k.
     */
    static double[][] tuningRatesHz(double[] u, int channels, double width, double maxHz) {
        double spacing = 2.0 / (channels - 1);
        double sigma = width * spacing;
        double[][] r = new double[channels][u.length];
        for (int c = 0; c < channels; c++) {
            double pref = -1 + c * spacing;
            for (int k = 0; k < u.length; k++) {
                double d = (u[k] - pref) / sigma;
                r[c][k] = maxHz * Math.exp(-0.5 * d * d);
            }
        }
        return r;
    }

    /**
     * Regular spike trains of piecewise-constant rates (row c, bin k of {@code binMs} ms): each
     * channel integrates its rate into a phase that starts uniform in [0, 1) and spikes each time
     * the phase reaches a whole number, at the exact time within the bin.
     */
    static SpikeTrains regularTrains(double[][] rateHz, double binMs, RandomGenerator rng) {
        int[] start = new int[rateHz.length + 1];
        DoubleArrayList times = new DoubleArrayList(1024);
        for (int c = 0; c < rateHz.length; c++) {
            double phase = rng.nextDouble();
            for (int k = 0; k < rateHz[c].length; k++) {
                double perMs = rateHz[c][k] / 1000;
                double t0 = k * binMs;
                double end = phase + perMs * binMs;
                // spikes where phase + perMs (t - t0) crosses 1, 2, ...
                for (double level = Math.floor(phase) + 1; level <= end; level++) {
                    times.add(t0 + (level - phase) / perMs);
                }
                phase = end - Math.floor(end);
            }
            start[c + 1] = times.size();
        }
        return new SpikeTrains(start, times.toArray());
    }

    /** Each channel onto each neuron with probability p, weight +-w (sign with probability 1/2), no delay. */
    static SynapseMatrix projection(int sources, int n, double p, double weightNa, RandomGenerator rng) {
        int cap = 16;
        int[] pre = new int[cap];
        int[] post = new int[cap];
        double[] w = new double[cap];
        int count = 0;
        for (int c = 0; c < sources; c++) {
            for (int i = 0; i < n; i++) {
                if (rng.nextDouble() < p) {
                    if (count == cap) {
                        cap *= 2;
                        pre = Arrays.copyOf(pre, cap);
                        post = Arrays.copyOf(post, cap);
                        w = Arrays.copyOf(w, cap);
                    }
                    pre[count] = c;
                    post[count] = i;
                    w[count++] = rng.nextBoolean() ? weightNa : -weightNa;
                }
            }
        }
        return SynapseMatrix.fromEdges(sources, n, pre, post, Arrays.copyOf(w, count), new double[count], count);
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
        int[] out = Arrays.copyOf(ids, k);
        Arrays.sort(out);
        return out;
    }

    /**
     * Row t: the filtered trace sum over spikes s <= (t + 1) P of exp(-((t + 1) P - s) / tau) of
     * every read neuron, i.e. the state at the end of sample t's period (spikes in time order).
     */
    static double[][] filteredStates(int[] neurons, double[] times, int n, int[] read, int steps, double periodMs,
                                     double tauMs) {
        int[] column = new int[n];
        Arrays.fill(column, -1);
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
