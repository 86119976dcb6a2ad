package org.hrsnn.simulator.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;
import org.hrsnn.simulator.util.DoubleArrayList;
import org.junit.jupiter.api.Test;

class PoissonSourceTest {
    private static final RandomStreams STREAMS = new RandomStreams(2024);

    private static double[] counts(SpikeTrains s) {
        double[] n = new double[s.channels];
        for (int c = 0; c < s.channels; c++) {
            n[c] = s.start[c + 1] - s.start[c];
        }
        return n;
    }

    @Test
    void countsHaveMeanAndVarianceRateTimesDuration() {
        int channels = 4000;
        double rateHz = 20;
        double durationMs = 1000;
        SpikeTrains s = new PoissonSource(channels, rateHz).generate(durationMs, STREAMS.stream("count"));
        double[] n = counts(s);
        double lambda = rateHz * durationMs / 1000;
        assertEquals(lambda, StatUtils.mean(n), 5 * Math.sqrt(lambda / channels));
        // Var of a sample variance of Poisson counts: lambda^2 (2/(n-1) + 1/(lambda n)).
        double seVar = lambda * Math.sqrt(2.0 / (channels - 1) + 1.0 / (lambda * channels));
        assertEquals(lambda, StatUtils.variance(n), 5 * seVar);
        for (double t : s.times) {
            assertTrue(t >= 0 && t < durationMs);
        }
    }

    @Test
    void interSpikeIntervalsAreExponential() {
        double rateHz = 50;
        SpikeTrains s = new PoissonSource(1, rateHz).generate(200_000, STREAMS.stream("isi"));
        double[] isi = new double[s.size() - 1];
        for (int k = 1; k < s.size(); k++) {
            isi[k - 1] = s.times[k] - s.times[k - 1];
        }
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(
                new ExponentialDistribution(null, 1000.0 / rateHz), isi);
        assertTrue(p > 1e-3, "KS p-value " + p);
        // The same test rejects intervals that are not exponential (here: a regular train).
        double[] regular = new double[isi.length];
        Arrays.fill(regular, 1000.0 / rateHz);
        assertTrue(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(
                new ExponentialDistribution(null, 1000.0 / rateHz), regular) < 1e-6);
    }

    @Test
    void inhomogeneousRateTracksTheProfile() {
        double[] profile = {10, 50, 0, 100, 20};
        double binMs = 200;
        int channels = 2000;
        PoissonSource src = PoissonSource.timeVarying(channels, profile, binMs);
        // The run is longer than the profile: no spikes after it ends.
        SpikeTrains s = src.generate(1500, STREAMS.stream("profile"));
        double[] perBin = new double[8];
        for (double t : s.times) {
            perBin[(int) (t / binMs)]++;
        }
        double exposure = channels * binMs / 1000.0; // channel-seconds per bin
        for (int b = 0; b < profile.length; b++) {
            double expected = profile[b] * exposure;
            assertEquals(expected, perBin[b], 5 * Math.sqrt(expected) + 1e-9, "bin " + b);
        }
        assertEquals(0, perBin[2], "a zero-rate bin has no spikes");
        assertEquals(0, perBin[5] + perBin[6] + perBin[7], "no spikes after the profile");
        assertEquals(0.2 * 10 + 0.2 * 50 + 0.2 * 100 + 0.2 * 20, src.expectedCount(0, 1500), 1e-12);
    }

    @Test
    void timeRescaledIntervalsAreUnitExponential() {
        // Time-rescaling theorem: Lambda(t_k) - Lambda(t_{k-1}) ~ Exp(1) for an inhomogeneous process.
        // A long profile (few channels, many spikes each) so that the censored last interval
        // of each channel does not bias the sample towards short intervals.
        double[] pattern = {5, 80, 30, 0, 120, 60};
        double[] profile = new double[600];
        for (int b = 0; b < profile.length; b++) {
            profile[b] = pattern[b % pattern.length];
        }
        double binMs = 37.5;
        PoissonSource src = PoissonSource.timeVarying(3, profile, binMs);
        SpikeTrains s = src.generate(profile.length * binMs, STREAMS.stream("rescale"));
        DoubleArrayList z = new DoubleArrayList();
        for (int c = 0; c < s.channels; c++) {
            double prev = 0;
            for (int k = s.start[c]; k < s.start[c + 1]; k++) {
                double lam = cumulative(profile, binMs, s.times[k]);
                z.add(lam - prev);
                prev = lam;
            }
        }
        assertTrue(z.size() > 1000);
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ExponentialDistribution(null, 1.0), z.toArray());
        assertTrue(p > 1e-3, "KS p-value " + p);
    }

    private static double cumulative(double[] profile, double binMs, double t) {
        double sum = 0;
        for (int b = 0; b < profile.length; b++) {
            double lo = b * binMs;
            if (t <= lo) {
                break;
            }
            sum += profile[b] / 1000.0 * (Math.min(t, lo + binMs) - lo);
        }
        return sum;
    }

    @Test
    void sameStreamSameSpikesOtherStreamOtherSpikes() {
        PoissonSource src = new PoissonSource(20, 30);
        SpikeTrains a = src.generate(500, new RandomStreams(9).stream("input/x"));
        SpikeTrains b = src.generate(500, new RandomStreams(9).stream("input/x"));
        SpikeTrains c = src.generate(500, new RandomStreams(9).stream("input/y"));
        assertArrayEquals(a.times, b.times);
        assertArrayEquals(a.start, b.start);
        assertFalse(Arrays.equals(a.times, c.times));
    }

    @Test
    void rejectsNegativeRatesAndBins() {
        assertEquals("poisson.rate", assertThrows(InvalidInputException.class, () -> new PoissonSource(3, -1)).field());
        assertEquals("poisson.rate[1]", assertThrows(InvalidInputException.class,
                () -> PoissonSource.timeVarying(3, new double[] {1, Double.NaN}, 10)).field());
        assertEquals("poisson.binMs", assertThrows(InvalidInputException.class,
                () -> PoissonSource.timeVarying(3, new double[] {1}, 0)).field());
    }
}
