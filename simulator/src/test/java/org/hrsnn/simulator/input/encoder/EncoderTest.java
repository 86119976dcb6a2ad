package org.hrsnn.simulator.input.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.input.PoissonSource;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

class EncoderTest {
    private static final double PERIOD = 2.0;

    private static double[][] randomWalk(int channels, int samples, long seed) {
        RandomGenerator rng = new RandomStreams(seed).stream("walk");
        double[][] x = new double[channels][samples];
        for (int c = 0; c < channels; c++) {
            for (int s = 1; s < samples; s++) {
                x[c][s] = x[c][s - 1] + rng.nextGaussian() * 0.3;
            }
        }
        return x;
    }

    @Test
    void rateEncoderMapsTheRangeOntoMinAndMaxRates() {
        double[][] x = {{0, 1, 2, 3, 4}, {4, 4, 2, 0, 1}};
        PoissonSource src = new RateEncoder(5, 105).encode(x, PERIOD);
        assertEquals(2, src.channels());
        for (int c = 0; c < 2; c++) {
            for (int s = 0; s < 5; s++) {
                double expected = 5 + x[c][s] / 4.0 * 100;
                assertEquals(expected, src.rateHz(c, s * PERIOD + 0.5 * PERIOD), 1e-12);
            }
        }
        assertEquals(0, src.rateHz(0, 5 * PERIOD + 0.1), "silent after the series ends");
        // Fixed range: values outside are clipped.
        PoissonSource clipped = new RateEncoder(0, 50, 1, 3).encode(x, PERIOD);
        assertEquals(0, clipped.rateHz(0, 0.5 * PERIOD), 1e-12);
        assertEquals(25, clipped.rateHz(0, 2.5 * PERIOD), 1e-12);
        assertEquals(50, clipped.rateHz(0, 4.5 * PERIOD), 1e-12);
    }

    @Test
    void rateEncodedSpikeCountsFollowTheSignal() {
        int samples = 50;
        double[][] x = new double[400][samples];
        for (double[] row : x) {
            for (int s = 0; s < samples; s++) {
                row[s] = s < samples / 2 ? 0 : 1;
            }
        }
        SpikeTrains t = new RateEncoder(10, 90).encode(x, 10.0).generate(500, new RandomStreams(1).stream("r"));
        int early = 0;
        int late = 0;
        for (double time : t.times) {
            if (time < 250) {
                early++;
            } else {
                late++;
            }
        }
        double expEarly = 400 * 0.25 * 10;
        double expLate = 400 * 0.25 * 90;
        assertEquals(expEarly, early, 5 * Math.sqrt(expEarly));
        assertEquals(expLate, late, 5 * Math.sqrt(expLate));
    }

    @Test
    void latencyIsOneSpikePerWindowAndDecreasesWithValue() {
        double[][] x = randomWalk(3, 200, 2);
        LatencyEncoder enc = new LatencyEncoder(0.8);
        SpikeTrains t = enc.encode(x, PERIOD).generate(1e9, null);
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] row : x) {
            for (double v : row) {
                range[0] = Math.min(range[0], v);
                range[1] = Math.max(range[1], v);
            }
        }
        for (int c = 0; c < 3; c++) {
            assertEquals(200, t.start[c + 1] - t.start[c]);
            for (int s = 0; s < 200; s++) {
                double lat = t.times[t.start[c] + s] - s * PERIOD;
                assertTrue(lat >= 0 && lat <= 0.8 * PERIOD + 1e-12, "spike inside its window");
                // Monotone: compare with every other sample of the same channel.
                for (int r = 0; r < 200; r++) {
                    double other = t.times[t.start[c] + r] - r * PERIOD;
                    if (x[c][r] > x[c][s]) {
                        assertTrue(other < lat + 1e-12, "larger value, earlier spike");
                    }
                }
                if (x[c][s] == range[1]) {
                    assertEquals(0, lat, 1e-12);
                }
                if (x[c][s] == range[0]) {
                    assertEquals(0.8 * PERIOD, lat, 1e-12);
                }
            }
        }
        assertEquals(0.5 * 0.8 * 10, enc.latencyMs(5, 0, 10, 10), 1e-12);
    }

    @Test
    void deltaEncoderReconstructsTheSignalWithinTheThreshold() {
        int samples = 500;
        double threshold = 0.1;
        double[][] x = randomWalk(4, samples, 3);
        DeltaEncoder enc = new DeltaEncoder(threshold);
        SpikeTrains t = enc.encode(x, PERIOD).generate(1e9, null);
        assertEquals(8, t.channels);
        // Check at the samples and between them (the encoder treats the signal as piecewise linear).
        int m = 4 * (samples - 1) + 1;
        double[] times = new double[m];
        for (int i = 0; i < m; i++) {
            times[i] = i * PERIOD / 4;
        }
        double[] initial = new double[4];
        for (int c = 0; c < 4; c++) {
            initial[c] = x[c][0];
        }
        double[][] rec = enc.reconstruct(t, initial, times);
        for (int c = 0; c < 4; c++) {
            double variation = 0;
            for (int s = 1; s < samples; s++) {
                variation += Math.abs(x[c][s] - x[c][s - 1]);
            }
            for (int i = 0; i < m; i++) {
                int s = Math.min(i / 4, samples - 2);
                double f = (times[i] - s * PERIOD) / PERIOD;
                double signal = x[c][s] + f * (x[c][s + 1] - x[c][s]);
                assertTrue(Math.abs(signal - rec[c][i]) < threshold * (1 + 1e-9),
                        "channel " + c + " t=" + times[i] + ": " + signal + " vs " + rec[c][i]);
            }
            int spikes = (t.start[2 * c + 2] - t.start[2 * c]);
            // Each spike is one threshold step of the signal's path: no more spikes than its total variation allows.
            assertTrue(spikes <= variation / threshold + 1e-9, spikes + " spikes for variation " + variation);
            assertTrue(spikes > 0);
        }
    }

    @Test
    void badSeriesNameTheEntry() {
        assertEquals("series[1].length", assertThrows(InvalidInputException.class,
                () -> new DeltaEncoder(0.1).encode(new double[][] {{1, 2}, {1}}, 1)).field());
        assertEquals("series[0][1]", assertThrows(InvalidInputException.class,
                () -> new RateEncoder(0, 10).encode(new double[][] {{1, Double.NaN}}, 1)).field());
        assertEquals("encoder.samplePeriodMs", assertThrows(InvalidInputException.class,
                () -> new LatencyEncoder(0.5).encode(new double[][] {{1}}, 0)).field());
        assertEquals("rateEncoder.maxHz", assertThrows(InvalidInputException.class, () -> new RateEncoder(10, 5)).field());
        assertEquals("deltaEncoder.threshold", assertThrows(InvalidInputException.class, () -> new DeltaEncoder(0)).field());
    }
}
