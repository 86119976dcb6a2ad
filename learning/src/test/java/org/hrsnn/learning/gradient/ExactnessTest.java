package org.hrsnn.learning.gradient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Forward rules against BPTT on the same unroll (the identities of MODELS.md section 4). */
class ExactnessTest {
    private static final int STEPS = 60;

    private static void assertClose(double[] expected, double[] actual, int from, int to, double relTol, String what) {
        double scale = Math.max(1, Fixtures.maxAbs(expected));
        double diff = Fixtures.maxAbsDiff(expected, actual, from, to);
        assertTrue(diff <= relTol * scale, what + ": max |diff| = " + diff + " (scale " + scale + ")");
    }

    @ParameterizedTest
    @CsvSource({"8, 0, 0.5, 1", "5, 5, 0.4, 2", "0, 7, 1.0, 3", "6, 4, 0.3, 4"})
    void rtrlEqualsBptt(int lif, int alif, double density, long seed) {
        RecurrentSpikingModel m = Fixtures.model(lif, alif, density, true, seed);
        double[][] x = Fixtures.inputs(STEPS, m.inputs, seed);
        double[][] y = Fixtures.targets(STEPS, m.outputs, seed);
        int[] spikes = new int[1];
        double[] bptt = Fixtures.gradient(m, new Bptt(m), x, y, 10, spikes);
        double[] rtrl = Fixtures.gradient(m, new Rtrl(m), x, y, 10, null);
        assertTrue(spikes[0] >= 10, "the network must spike for the test to mean something: " + spikes[0]);
        assertTrue(Fixtures.maxAbs(java.util.Arrays.copyOf(bptt, m.synapses())) > 1e-3, "recurrent gradient is not trivial");
        assertClose(bptt, rtrl, 0, m.parameterCount(), 1e-9, "RTRL vs BPTT");
    }

    @ParameterizedTest
    @CsvSource({"8, 0, 0.5, 5", "5, 5, 0.4, 6", "0, 7, 1.0, 7"})
    void epropEqualsStopGradientBptt(int lif, int alif, double density, long seed) {
        RecurrentSpikingModel m = Fixtures.model(lif, alif, density, true, seed);
        double[][] x = Fixtures.inputs(STEPS, m.inputs, seed);
        double[][] y = Fixtures.targets(STEPS, m.outputs, seed);
        double[] stop = Fixtures.gradient(m, new Bptt(m, Integer.MAX_VALUE, true), x, y, 10, null);
        double[] eprop = Fixtures.gradient(m, Eprop.symmetric(m), x, y, 10, null);
        double[] full = Fixtures.gradient(m, new Bptt(m), x, y, 10, null);
        assertClose(stop, eprop, 0, m.parameterCount(), 1e-9, "e-prop vs stop-gradient BPTT");
        // And the stop-gradient really changes something (otherwise the identity is vacuous).
        assertTrue(Fixtures.maxAbsDiff(full, eprop, 0, m.stateParameters()) > 1e-6, "e-prop differs from full BPTT");
    }

    @ParameterizedTest
    @CsvSource({"6, 4, 0.3, 8", "10, 0, 0.2, 9"})
    void snapOneEqualsSnapNWithOrderOne(int lif, int alif, double density, long seed) {
        RecurrentSpikingModel m = Fixtures.model(lif, alif, density, true, seed);
        double[][] x = Fixtures.inputs(STEPS, m.inputs, seed);
        double[][] y = Fixtures.targets(STEPS, m.outputs, seed);
        double[] one = Fixtures.gradient(m, new SnapOne(m), x, y, 10, null);
        double[] n1 = Fixtures.gradient(m, new SnapN(m, 1), x, y, 10, null);
        assertClose(n1, one, 0, m.parameterCount(), 1e-12, "SnapOne vs SnapN(1)");
    }

    @ParameterizedTest
    @CsvSource({"4, 0, 10", "2, 2, 11", "5, 0, 12"})
    void snapBecomesExactAtDiameterPlusOne(int lif, int alif, long seed) {
        // A directed ring 0 -> 1 -> ... -> n-1 -> 0: diameter n - 1.
        RecurrentSpikingModel base = Fixtures.model(lif, alif, 1.0, false, seed);
        int n = base.n;
        int[] rowStart = new int[n + 1];
        int[] target = new int[n];
        for (int i = 0; i < n; i++) {
            rowStart[i + 1] = i + 1;
            target[i] = (i + 1) % n;
        }
        double[] params = new double[n + n * base.inputs + base.outputs * n + base.outputs];
        org.apache.commons.math3.random.RandomGenerator g = new org.hrsnn.simulator.random.RandomStreams(seed).stream("w");
        for (int k = 0; k < params.length; k++) {
            params[k] = k < n ? 1.2 * g.nextGaussian() : g.nextGaussian();
        }
        RecurrentSpikingModel m = RecurrentSpikingModel.of(rowStart, target, base.inputs, base.outputs, base.alpha,
                base.rho, base.beta, base.vth, base.kappa, base.dtMs,
                new org.hrsnn.learning.surrogate.Exponential(0.3), false, params);
        double[][] x = Fixtures.inputs(STEPS, m.inputs, seed);
        double[][] y = Fixtures.targets(STEPS, m.outputs, seed);
        double[] rtrl = Fixtures.gradient(m, new Rtrl(m), x, y, 10, null);
        double[] exact = Fixtures.gradient(m, new SnapN(m, n), x, y, 10, null);
        double[] below = Fixtures.gradient(m, new SnapN(m, n - 1), x, y, 10, null);
        assertClose(rtrl, exact, 0, m.parameterCount(), 1e-9, "SnAp-" + n + " vs RTRL");
        // The exponential surrogate is never 0, so the entry at distance n - 1 is really nonzero.
        double dropped = Fixtures.maxAbsDiff(rtrl, below, 0, m.stateParameters());
        double rounding = Fixtures.maxAbsDiff(rtrl, exact, 0, m.parameterCount());
        assertTrue(dropped > 1e-12 * Math.max(1, Fixtures.maxAbs(rtrl)) && dropped > 100 * rounding,
                "SnAp-" + (n - 1) + " drops entries: " + dropped + " vs rounding " + rounding);
        assertEquals((long) n * m.stateParameters(), new SnapN(m, n).keptEntries());
    }

    @ParameterizedTest
    @CsvSource({"6, 4, 0.3, 13", "10, 0, 0.2, 14"})
    void floatTracesAndThreadsAgreeWithTheDoubleLoop(int lif, int alif, double density, long seed) {
        RecurrentSpikingModel m = Fixtures.model(lif, alif, density, true, seed);
        double[][] x = Fixtures.inputs(STEPS, m.inputs, seed);
        double[][] y = Fixtures.targets(STEPS, m.outputs, seed);
        double[] one = Fixtures.gradient(m, new SnapOne(m), x, y, 10, null);
        double[] threaded = Fixtures.gradient(m, new SnapOne(m, Precision.DOUBLE, 3), x, y, 10, null);
        double[] single = Fixtures.gradient(m, new SnapOne(m, Precision.FLOAT, 2), x, y, 10, null);
        assertEquals(0, Fixtures.maxAbsDiff(one, threaded, 0, one.length), "threads change nothing");
        assertClose(one, single, 0, m.parameterCount(), 1e-4, "float traces");
        double[] singleOne = Fixtures.gradient(m, new SnapOne(m, Precision.FLOAT, 1), x, y, 10, null);
        assertArrayEquals(singleOne, single, 0, "float traces: threads change nothing");
        double[] ep = Fixtures.gradient(m, Eprop.symmetric(m), x, y, 10, null);
        double[] epf = Fixtures.gradient(m, Eprop.symmetric(m, Precision.FLOAT, 2), x, y, 10, null);
        assertClose(ep, epf, 0, m.parameterCount(), 1e-4, "float e-prop");
    }

    /** Per-population membrane time constants: alpha takes {@code taus} distinct values. */
    private static RecurrentSpikingModel populations(int lif, int alif, double density, int taus, long seed) {
        RecurrentSpikingModel m = Fixtures.model(lif, alif, density, true, seed);
        double[] alpha = new double[m.n];
        for (int j = 0; j < m.n; j++) {
            alpha[j] = Math.exp(-1.0 / (8 + 5 * (j % taus)));
        }
        return RecurrentSpikingModel.of(m.rowStart, m.target, m.inputs, m.outputs, alpha, m.rho, m.beta, m.vth,
                m.kappa, m.dtMs, m.surrogate, false, m.params);
    }

    @ParameterizedTest
    @CsvSource({"30, 0, 0.5, 1, 15", "15, 15, 0.4, 2, 16", "10, 20, 0.6, 3, 17"})
    void epropWithPresynapticTracesIsTheSameGradient(int lif, int alif, double density, int taus, long seed) {
        RecurrentSpikingModel m = populations(lif, alif, density, taus, seed);
        double[][] x = Fixtures.inputs(STEPS, m.inputs, seed);
        double[][] y = Fixtures.targets(STEPS, m.outputs, seed);
        Eprop table = Eprop.symmetric(m);
        Eprop perSynapse = Eprop.symmetric(m, Precision.DOUBLE, 1, false, false);
        long p = m.stateParameters();
        long perParam = m.hasAdaptation() ? 2 : 1;
        // The table really replaces eps_v: one number fewer per parameter, plus 2 x taus x (n + inputs).
        assertEquals(perParam * p + 2L * taus * (m.n + m.inputs), table.cost().stateFloats());
        assertEquals((perParam + 1) * p, perSynapse.cost().stateFloats());
        double[] stop = Fixtures.gradient(m, new Bptt(m, Integer.MAX_VALUE, true), x, y, 10, null);
        double[] fromTable = Fixtures.gradient(m, table, x, y, 10, null);
        double[] fromSynapses = Fixtures.gradient(m, perSynapse, x, y, 10, null);
        assertTrue(Fixtures.maxAbs(java.util.Arrays.copyOf(stop, m.synapses())) > 1e-3, "recurrent gradient is not trivial");
        assertClose(stop, fromTable, 0, m.parameterCount(), 1e-9, "e-prop (presynaptic table) vs stop-gradient BPTT");
        assertArrayEquals(fromSynapses, fromTable, 0, "table and per-synapse eps_v are the same arithmetic");
        double[] tableThreads = Fixtures.gradient(m, Eprop.symmetric(m, Precision.DOUBLE, 3), x, y, 10, null);
        assertArrayEquals(fromTable, tableThreads, 0, "threads change nothing");
        double[] floatTable = Fixtures.gradient(m, Eprop.symmetric(m, Precision.FLOAT, 2), x, y, 10, null);
        double[] floatSynapses = Fixtures.gradient(m, Eprop.symmetric(m, Precision.FLOAT, 1, false, false), x, y, 10,
                null);
        assertArrayEquals(floatSynapses, floatTable, 0, "float: table and per-synapse agree bit for bit");
        assertClose(fromTable, floatTable, 0, m.parameterCount(), 1e-4, "float table vs double");
    }
}
