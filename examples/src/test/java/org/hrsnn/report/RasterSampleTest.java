package org.hrsnn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.hrsnn.simulator.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

class RasterSampleTest {

    /** Poisson trains: neuron i fires at ratesHz[i % length] over durationMs; neuron-major or time order. */
    private static Object[] trains(int neurons, double durationMs, double[] ratesHz, long seed, boolean timeOrdered) {
        Random rng = new Random(seed);
        int cap = 16;
        int[] ids = new int[cap];
        double[] times = new double[cap];
        int n = 0;
        for (int i = 0; i < neurons; i++) {
            double rate = ratesHz[i % ratesHz.length];
            double t = 0;
            while (true) {
                t += -Math.log(1 - rng.nextDouble()) * 1000.0 / rate;
                if (t >= durationMs) {
                    break;
                }
                if (n == cap) {
                    cap *= 2;
                    ids = java.util.Arrays.copyOf(ids, cap);
                    times = java.util.Arrays.copyOf(times, cap);
                }
                ids[n] = i;
                times[n++] = t;
            }
        }
        ids = java.util.Arrays.copyOf(ids, n);
        times = java.util.Arrays.copyOf(times, n);
        if (timeOrdered) {
            // Index sort (test code: boxing is fine here).
            Integer[] order = new Integer[n];
            for (int k = 0; k < n; k++) {
                order[k] = k;
            }
            final double[] t0 = times;
            java.util.Arrays.sort(order, (a, b) -> Double.compare(t0[a], t0[b]));
            int[] ids2 = new int[n];
            double[] times2 = new double[n];
            for (int k = 0; k < n; k++) {
                ids2[k] = ids[order[k]];
                times2[k] = times[order[k]];
            }
            ids = ids2;
            times = times2;
        }
        return new Object[] {ids, times};
    }

    private static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : a) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            m = Math.max(m, v);
        }
        return m;
    }

    @Test
    void smallRasterIsKeptWhole() {
        int[] ids = {3, 1, 2, 1};
        double[] t = {5.0, 1.0, 2.5, 9.0};
        RasterSample s = RasterSample.select(ids, t, 10);
        assertTrue(s.isComplete());
        assertEquals(4, s.keptCount());
        assertEquals(1.0, s.timeMinMs());
        assertEquals(9.0, s.timeMaxMs());
        assertEquals(1, s.neuronMin());
        assertEquals(3, s.neuronMax());
    }

    @Test
    void manyNeuronsKeepWholeTrainsOfEveryMthNeuronUnderTheLimit() {
        Object[] r = trains(2000, 2000, new double[] {5, 10, 20, 40}, 7, true);
        int[] ids = (int[]) r[0];
        double[] t = (double[]) r[1];
        int limit = 5000;
        assertTrue(ids.length > 5 * limit, "test needs many more spikes than the limit, has " + ids.length);
        RasterSample s = RasterSample.select(ids, t, limit);
        assertFalse(s.spikesThinned());
        assertTrue(s.keptCount() <= limit);
        int m = s.neuronStride();
        assertTrue(m >= 2);

        // Independent count: spikes per neuron, and what strides m and m - 1 would keep.
        int[] perNeuron = new int[2000];
        for (int id : ids) {
            perNeuron[id]++;
        }
        long atM = 0;
        long atMMinus1 = 0;
        for (int i = 0; i < 2000; i++) {
            if (i % m == 0) {
                atM += perNeuron[i];
            }
            if (m - 1 >= 2 && i % (m - 1) == 0) {
                atMMinus1 += perNeuron[i];
            }
        }
        assertEquals(atM, s.keptCount(), "every spike of every selected neuron is kept");
        if (m - 1 >= 2) {
            assertTrue(atMMinus1 > limit, "the stride is the smallest that fits");
        }
        int[] kept = s.keptIndices();
        for (int k = 1; k < kept.length; k++) {
            assertTrue(kept[k] > kept[k - 1], "indices ascending, no duplicates");
        }
        for (int idx : kept) {
            assertEquals(0, ids[idx] % m);
        }
        assertEquals(min(t), s.timeMinMs());
        assertEquals(max(t), s.timeMaxMs());
    }

    @Test
    void fewBusyNeuronsAreThinnedEvenlyKeepingFirstAndLastSpike() {
        // 3 neurons at 1 kHz for 20 s: no neuron stride can leave enough rows.
        Object[] r = trains(3, 20_000, new double[] {1000}, 11, false);
        int[] ids = (int[]) r[0];
        double[] t = (double[]) r[1];
        int limit = 1000;
        RasterSample s = RasterSample.select(ids, t, limit);
        assertTrue(s.spikesThinned());
        assertTrue(s.keptCount() <= limit);
        assertTrue(s.keptCount() >= limit - 2);
        double keptMin = Double.POSITIVE_INFINITY;
        double keptMax = Double.NEGATIVE_INFINITY;
        int[] perNeuron = new int[3];
        for (int idx : s.keptIndices()) {
            keptMin = Math.min(keptMin, t[idx]);
            keptMax = Math.max(keptMax, t[idx]);
            perNeuron[ids[idx]]++;
        }
        assertEquals(min(t), keptMin, "earliest spike kept (input not in time order)");
        assertEquals(max(t), keptMax, "latest spike kept");
        // Even thinning keeps each neuron's share: each has about a third.
        for (int c : perNeuron) {
            assertEquals(s.keptCount() / 3.0, c, s.keptCount() * 0.02 + 2);
        }
    }

    @Test
    void millionsOfSpikesStayUnderTheDefaultLimitAndTheChartSpansTheFullTimeRange() {
        int n = 2_000_000;
        int[] ids = new int[n];
        double[] t = new double[n];
        Random rng = new Random(3);
        for (int i = 0; i < n; i++) {
            ids[i] = rng.nextInt(10_000);
            t[i] = 5 + 9990 * rng.nextDouble();
        }
        t[12345] = 1.25;
        t[777] = 10_000.5;
        RasterSample s = RasterSample.select(ids, t, Plots.DEFAULT_MAX_RASTER_POINTS);
        assertTrue(s.keptCount() <= Plots.DEFAULT_MAX_RASTER_POINTS);
        assertTrue(s.keptCount() > Plots.DEFAULT_MAX_RASTER_POINTS / 2, "not thinned far below the limit");
        assertEquals(1.25, s.timeMinMs());
        assertEquals(10_000.5, s.timeMaxMs());

        XYChart chart = Plots.spikeRaster("raster", ids, t, Plots.DEFAULT_MAX_RASTER_POINTS);
        assertEquals(1.25, chart.getStyler().getXAxisMin());
        assertEquals(10_000.5, chart.getStyler().getXAxisMax());
        int drawn = chart.getSeriesMap().get("spikes").getXData().length;
        assertEquals(s.keptCount(), drawn);
        assertTrue(chart.getTitle().contains("of 2,000,000 spikes"), chart.getTitle());
    }

    @Test
    void explicitWindowSetsTheTimeAxis() {
        XYChart chart = Plots.spikeRaster("raster", new int[] {0, 1}, new double[] {10, 20}, 0, 100, 100);
        assertEquals(0.0, chart.getStyler().getXAxisMin());
        assertEquals(100.0, chart.getStyler().getXAxisMax());
    }

    @Test
    void badInputNamesTheField() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RasterSample.select(new int[] {0, 1}, new double[] {1}, 10));
        assertEquals("raster.timesMs.length", e.field());
        e = assertThrows(InvalidInputException.class,
                () -> RasterSample.select(new int[] {-1}, new double[] {1}, 10));
        assertEquals("raster.neurons[0]", e.field());
        e = assertThrows(InvalidInputException.class,
                () -> RasterSample.select(new int[] {0}, new double[] {Double.NaN}, 10));
        assertEquals("raster.timesMs[0]", e.field());
        e = assertThrows(InvalidInputException.class,
                () -> RasterSample.select(new int[] {0}, new double[] {1}, 1));
        assertEquals("raster.maxPoints", e.field());
    }
}
