package org.hrsnn.pruning.evaluation;

import org.hrsnn.simulator.readout.RidgeRegression;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.Well19937c;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.config.NetworkConfig;
import org.hrsnn.simulator.engine.event.EventDrivenEngine;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

class SpikingTimeSeriesPredictionTest {
    @Test
    void scalingUsesTheFittingSamplesOnly() {
        // fitting samples span [2, 6]; a test sample of 100 must not change their coding
        double[] series = {2, 4, 6, 100};
        double[] u = SpikingTimeSeriesPrediction.scaled(series, 4, 3);
        assertArrayEquals(new double[] {-1, 0, 1, 2 * (100 - 2) / 4.0 - 1}, u, 1e-12);
        double[] same = SpikingTimeSeriesPrediction.scaled(new double[] {2, 4, 6, -50}, 4, 3);
        assertArrayEquals(new double[] {-1, 0, 1}, java.util.Arrays.copyOf(same, 3), 1e-12);
    }

    @Test
    void filteredStatesAreTheExponentialKernelSummedOverPastSpikes() {
        // neuron 0 spikes at 3 and 6 ms, neuron 2 at 12 ms; period 5 ms, tau 20 ms; neuron 1 is not read.
        int[] neurons = {0, 1, 0, 2};
        double[] times = {3, 4, 6, 12};
        double[][] x = SpikingTimeSeriesPrediction.filteredStates(neurons, times, 3, new int[] {0, 2}, 3, 5, 20);
        assertArrayEquals(new double[] {Math.exp(-2 / 20.0), 0}, x[0], 1e-12);
        assertArrayEquals(new double[] {Math.exp(-7 / 20.0) + Math.exp(-4 / 20.0), 0}, x[1], 1e-12);
        assertArrayEquals(new double[] {Math.exp(-12 / 20.0) + Math.exp(-9 / 20.0), Math.exp(-3 / 20.0)}, x[2], 1e-12);
    }

    @Test
    void aSpikeAtTheSampleTimeCountsInThatSample() {
        double[][] x = SpikingTimeSeriesPrediction.filteredStates(new int[] {0}, new double[] {5}, 1, new int[] {0}, 2,
                5, 10);
        assertEquals(1.0, x[0][0], 1e-12);
        assertEquals(Math.exp(-0.5), x[1][0], 1e-12);
    }

    @Test
    void featureNeuronsAreDistinctSortedAndAllWhenFewEnough() {
        int[] all = SpikingTimeSeriesPrediction.featureNeurons(5, 10, new Well19937c(1));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, all);
        int[] some = SpikingTimeSeriesPrediction.featureNeurons(100, 30, new Well19937c(1));
        assertEquals(30, some.length);
        for (int i = 1; i < some.length; i++) {
            assertTrue(some[i] > some[i - 1]);
        }
    }

    @Test
    void nrmseIsTheRootMeanSquaredErrorOverTheTargetsStandardDeviation() {
        // targets 1..4: mean 2.5, sum of squared deviations 5; errors -1, 0, -1, 0: sum 2
        double[] target = {1, 2, 3, 4};
        assertEquals(Math.sqrt(2.0 / 5.0), SpikingTimeSeriesPrediction.nrmse(new double[] {0, 2, 2, 4}, target), 1e-15);
        assertEquals(1.0, SpikingTimeSeriesPrediction.nrmse(new double[] {2.5, 2.5, 2.5, 2.5}, target), 1e-15);
        assertEquals(Double.NaN, SpikingTimeSeriesPrediction.nrmse(new double[] {1, 2}, new double[] {3, 3}));
        assertThrows(InvalidInputException.class, () -> SpikingTimeSeriesPrediction.nrmse(new double[2], target));
    }

    @Test
    void readoutNrmseEqualsTheClosedFormRidgeOnOneFeature() {
        // y = 3 x - 1 + noise, one feature: the ridge slope is Sxy / (Sxx (1 + r)) with the chosen
        // relative strength r (lambda = r times the mean diagonal of the centred X^T X = r Sxx),
        // refitted on train + validation; intercept mean(y) - slope mean(x).
        Well19937c rng = new Well19937c(7);
        int n = 60;
        double[][] x = new double[n][1];
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            x[t][0] = rng.nextGaussian();
            y[t] = 3 * x[t][0] - 1 + 0.5 * rng.nextGaussian();
        }
        int from = 5;
        int trainEnd = 30;
        int validationEnd = 45;
        SpikingTimeSeriesPrediction.Readout r = SpikingTimeSeriesPrediction.Readout.fit(x, y, from, trainEnd,
                validationEnd);
        double mx = 0;
        double my = 0;
        for (int t = from; t < validationEnd; t++) {
            mx += x[t][0];
            my += y[t];
        }
        mx /= validationEnd - from;
        my /= validationEnd - from;
        double sxx = 0;
        double sxy = 0;
        for (int t = from; t < validationEnd; t++) {
            sxx += (x[t][0] - mx) * (x[t][0] - mx);
            sxy += (x[t][0] - mx) * (y[t] - my);
        }
        double slope = sxy / (sxx * (1 + r.ridge()));
        double se = 0;
        double mean = 0;
        for (int t = validationEnd; t < n; t++) {
            mean += y[t];
        }
        mean /= n - validationEnd;
        double var = 0;
        for (int t = validationEnd; t < n; t++) {
            double e = my + slope * (x[t][0] - mx) - y[t];
            se += e * e;
            var += (y[t] - mean) * (y[t] - mean);
        }
        double[] target = java.util.Arrays.copyOfRange(y, validationEnd, n);
        assertEquals(Math.sqrt(se / var), SpikingTimeSeriesPrediction.nrmse(r.predict(x, validationEnd, n), target),
                1e-9);
        assertTrue(Math.sqrt(se / var) < 0.5, "the readout found the linear relation");
    }

    @Test
    void theRidgeStrengthIsTheGridValueWithTheLeastValidationError() {
        // Few noisy samples and many useless features: a brute-force search over the grid with
        // RidgeRegression (fitted on train only) must agree with the one-factorisation search.
        Well19937c rng = new Well19937c(3);
        int n = 80;
        double[][] x = new double[n][12];
        double[] y = new double[n];
        double[][] y2 = new double[n][1];
        for (int t = 0; t < n; t++) {
            for (int f = 0; f < 12; f++) {
                x[t][f] = rng.nextGaussian();
            }
            y[t] = x[t][0] + rng.nextGaussian();
            y2[t][0] = y[t];
        }
        double best = Double.NaN;
        double bestError = Double.POSITIVE_INFINITY;
        for (double ridge : SpikingTimeSeriesPrediction.RIDGE_GRID) {
            RidgeRegression model = RidgeRegression.fit(x, y2, 0, 30, ridge);
            double se = 0;
            for (int t = 30; t < 60; t++) {
                double e = model.predict(x[t])[0] - y[t];
                se += e * e;
            }
            if (se < bestError) {
                bestError = se;
                best = ridge;
            }
        }
        assertEquals(best, SpikingTimeSeriesPrediction.chooseRidge(x, y, 0, 30, 60));
        assertTrue(best > SpikingTimeSeriesPrediction.RIDGE_GRID[0], "noise and useless features need shrinkage");
    }

    /** sin(2 pi t / 20): exactly 10 periods in the 200 test samples. */
    private static double[] sinusoid(int length) {
        double[] u = new double[length];
        for (int t = 0; t < length; t++) {
            u[t] = Math.sin(2 * Math.PI * t / 20);
        }
        return u;
    }

    @Test
    void persistenceOnASinusoidScoresTwiceTheSineOfHalfThePhaseStep() {
        // sin(a) - sin(b) = 2 cos((a + b) / 2) sin((a - b) / 2): over whole periods the mean square
        // error is 2 sin^2(w h / 2) and the variance 1/2, so NRMSE = 2 |sin(w h / 2)|.
        int h = 3;
        double w = 2 * Math.PI / 20;
        double[] u = sinusoid(400 + h);
        double[] target = java.util.Arrays.copyOfRange(u, 200 + h, 400 + h);
        double nrmse = SpikingTimeSeriesPrediction.nrmse(SpikingTimeSeriesPrediction.persistence(u, 200, 400), target);
        assertEquals(2 * Math.sin(w * h / 2), nrmse, 1e-12);
    }

    @Test
    void secondOrderAutoregressionPredictsASinusoidExactly() {
        // sin(w (t + h)) = [sin(w (h + 1)) sin(w t) - sin(w h) sin(w (t - 1))] / sin(w): AR(2) is exact.
        int h = 7;
        double[] u = sinusoid(400 + h);
        double[] target = java.util.Arrays.copyOfRange(u, 200 + h, 400 + h);
        double[] ar2 = SpikingTimeSeriesPrediction.autoregressive(u, 400, 2, h, 10, 150, 200);
        assertTrue(SpikingTimeSeriesPrediction.nrmse(ar2, target) < 1e-3,
                "AR(2) NRMSE " + SpikingTimeSeriesPrediction.nrmse(ar2, target));
        // one lag cannot tell the rising from the falling half of the period
        double[] ar1 = SpikingTimeSeriesPrediction.autoregressive(u, 400, 1, h, 10, 150, 200);
        assertTrue(SpikingTimeSeriesPrediction.nrmse(ar1, target) > 0.5);
    }

    @Test
    void regularTrainsFireAtTheRateWithEvenGaps() {
        // 200 Hz for 10 bins of 5 ms, then silence: one spike per 5 ms.
        double[][] rate = new double[1][15];
        java.util.Arrays.fill(rate[0], 0, 10, 200);
        SpikeTrains s = SpikingTimeSeriesPrediction.regularTrains(rate, 5, new Well19937c(2));
        assertTrue(s.size() == 10 || s.size() == 11, "spikes " + s.size());
        for (int k = 1; k < s.size(); k++) {
            assertEquals(5.0, s.times[k] - s.times[k - 1], 1e-9);
        }
        assertTrue(s.times[s.size() - 1] < 50);
    }

    @Test
    void tuningCurvesPeakAtTheirPreferredValues() {
        double[][] r = SpikingTimeSeriesPrediction.tuningRatesHz(new double[] {-1, 0, 1, 0.5}, 5, 1, 100);
        assertEquals(100, r[0][0], 1e-12);
        assertEquals(100, r[2][1], 1e-12);
        assertEquals(100, r[4][2], 1e-12);
        assertEquals(100, r[3][3], 1e-12);
        // one spacing (0.5) away, width one spacing: exp(-1/2)
        assertEquals(100 * Math.exp(-0.5), r[1][0], 1e-12);
    }

    @Test
    void badOptionsAreRejectedAndShortRunsSplitTrainAndValidation() {
        SpikingTimeSeriesPrediction.Options d = SpikingTimeSeriesPrediction.Options.DEFAULT;
        assertThrows(InvalidInputException.class, () -> d.withInput(1, 1, 100, 0.1, 1));
        assertThrows(InvalidInputException.class, () -> d.withInput(10, 1, 100, 1.5, 1));
        assertThrows(InvalidInputException.class, () -> d.withFilters(new double[0]));
        SpikingTimeSeriesPrediction.Options s = d.withSamples(10, 80, 40);
        assertEquals(60, s.train());
        assertEquals(20, s.validation());
        assertEquals(10 + 80 + 40 + d.horizon(), s.length());
        assertThrows(InvalidInputException.class, () -> SpikingTimeSeriesPrediction.evaluate(smallNetwork(1),
                new double[s.length() - 1], new EventDrivenEngine(), s, new RandomStreams(1)));
    }

    /** A 200-neuron HRSNN in the proportions of the default one. */
    static Network smallNetwork(long seed) {
        String yaml = """
                seed: %d
                populations:
                  - {name: exc, size: 160, sign: excitatory, membraneTau: {type: gamma, shape: 3, scale: 6.67},
                     excitatoryTau: 5, inhibitoryTau: 10, threshold: -50, resetPotential: -60, leakPotential: -60,
                     refractoryPeriod: 2, initialPotential: {type: uniform, low: -60, high: -50}}
                  - {name: inh, size: 40, sign: inhibitory, membraneTau: {type: gamma, shape: 3, scale: 3.33},
                     excitatoryTau: 5, inhibitoryTau: 10, threshold: -50, resetPotential: -60, leakPotential: -60,
                     refractoryPeriod: 1, initialPotential: {type: uniform, low: -60, high: -50}}
                connections:
                  - {pre: exc, post: exc, rule: {type: smallWorld, k: 20, rewiring: 0.1},
                     weight: {type: lognormal, mu: 0.0, sigma: 0.5}, delay: {type: uniform, low: 0.5, high: 2.0}}
                  - {pre: exc, post: inh, rule: {type: fixedProbability, probability: 0.4}, weight: 1.5, delay: 1}
                  - {pre: inh, post: all, rule: {type: fixedProbability, probability: 0.4}, weight: 4.0, delay: 1}
                inputs:
                  - {name: drive, type: poisson, channels: 200, rateHz: 20, target: all,
                     rule: {type: fixedProbability, probability: 0.1}, weight: 6.0}
                """.formatted(seed);
        return NetworkConfig.parse(yaml, NetworkConfig.Format.YAML).build();
    }

    private static SpikingTimeSeriesPrediction.Result shortRun(long seed) {
        SpikingTimeSeriesPrediction.Options o = SpikingTimeSeriesPrediction.Options.DEFAULT.withSamples(50, 400, 100,
                200).withMaxFeatures(100);
        return SpikingTimeSeriesPrediction.evaluate(smallNetwork(seed), ChaoticSeries.lorenz(o.length()),
                new EventDrivenEngine(), o, new RandomStreams(seed));
    }

    @Test
    void aShortRunBeatsPersistenceAndTheSameSeedGivesTheSameScore() {
        SpikingTimeSeriesPrediction.Result a = shortRun(11);
        assertTrue(a.nrmse() < 0.8 * a.persistenceNrmse(), "reservoir " + a.nrmse() + ", persistence "
                + a.persistenceNrmse());
        assertTrue(a.persistenceNrmse() > 1, "at 15 samples ahead persistence is worse than the mean");
        assertEquals(300, a.features());
        assertEquals(200, a.testPrediction().length);
        SpikingTimeSeriesPrediction.Result b = shortRun(11);
        assertEquals(a.nrmse(), b.nrmse(), 0);
        assertEquals(a.arNrmse(), b.arNrmse(), 0);
        assertEquals(a.spikes(), b.spikes());
        assertNotEquals(a.nrmse(), shortRun(12).nrmse());
    }
}
