package org.hrsnn.hardware.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.learning.gradient.Eprop;
import org.hrsnn.learning.gradient.GradientEstimator;
import org.hrsnn.learning.gradient.SnapOne;
import org.hrsnn.learning.model.ModelState;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.optim.Sgd;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

class FixedPointEpropTest {
    /** Wide enough that fixed point should equal float up to rounding of ~2^-24. */
    static final LearningFormat WIDE = new LearningFormat(32, 32, 32, 63, false, 24);

    static RecurrentSpikingModel model(boolean self, long seed) {
        RecurrentSpikingModel.Spec s = new RecurrentSpikingModel.Spec();
        s.lifNeurons = 5;
        s.alifNeurons = 3;
        s.inputs = 3;
        s.outputs = 2;
        s.selfSynapses = self;
        s.adaptationTauMs = 200;
        s.recScale = 1.0;
        s.inScale = 1.2;
        return s.build(new RandomStreams(seed));
    }

    /** Drives the model once and feeds both estimators the same steps and errors. */
    static void drive(RecurrentSpikingModel m, GradientEstimator a, GradientEstimator b, int steps, long seed) {
        drive(m, a, b, steps, seed, 1.0);
    }

    /** As above with the output and spike errors scaled by {@code errorScale} (long drives keep the accumulators in range). */
    static void drive(RecurrentSpikingModel m, GradientEstimator a, GradientEstimator b, int steps, long seed,
                      double errorScale) {
        RandomGenerator g = new RandomStreams(seed).stream("drive");
        ModelState s = m.newState();
        double[] x = new double[m.inputs];
        double[] dy = new double[m.outputs];
        double[] dz = new double[m.n];
        a.beginSequence();
        b.beginSequence();
        int spikes = 0;
        for (int t = 0; t < steps; t++) {
            for (int c = 0; c < x.length; c++) {
                x[c] = g.nextDouble() < 0.15 ? 1 : 0;
            }
            m.step(s, x);
            for (int k = 0; k < dy.length; k++) {
                dy[k] = errorScale * 0.05 * g.nextGaussian();
            }
            for (int j = 0; j < dz.length; j++) {
                dz[j] = errorScale * 0.002 * g.nextGaussian();
                spikes += (int) s.z[j];
            }
            a.step(s, x, dy, dz);
            b.step(s, x, dy, dz);
        }
        assertTrue(spikes > steps / 4, "the network must spike for the test to mean something: " + spikes);
    }

    static void assertSameGradient(double[] expected, double[] actual, double relTol) {
        double max = 0;
        for (double v : expected) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max > 1e-5, "a nontrivial gradient");
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], relTol * max, "parameter " + k);
        }
    }

    @Test
    void wideFixedPointEpropEqualsFloatEprop() {
        RecurrentSpikingModel m = model(false, 11);
        Eprop ref = Eprop.symmetric(m);
        FixedPointEprop fx = new FixedPointEprop(m, WIDE, FixedPointEprop.Variant.EPROP, new RandomStreams(1));
        drive(m, ref, fx, 80, 5);
        assertEquals(0, fx.saturations());
        assertSameGradient(ref.gradient().clone(), fx.gradient(), 1e-5);
    }

    /**
     * Weak, slow adaptation (the e-prop paper's regime): eps_a integrates psi zbar for seconds and
     * outgrows +-8. With the default range it saturates and the gradient departs from float e-prop;
     * with its own wider range (adaptationHeadroomBits) it matches float e-prop again.
     */
    @Test
    void epsAWithItsOwnRangeFollowsFloatEpropWhereTheDefaultRangeSaturates() {
        RecurrentSpikingModel.Spec spec = new RecurrentSpikingModel.Spec();
        spec.lifNeurons = 4;
        spec.alifNeurons = 4;
        spec.inputs = 3;
        spec.outputs = 2;
        spec.adaptationTauMs = 2000;
        spec.adaptationStrength = 0.02;
        spec.recScale = 1.0;
        spec.inScale = 1.6;
        // a short readout filter keeps ebar inside its +-16, so only eps_a's range is under test
        spec.readoutTauMs = 5;
        RecurrentSpikingModel m = spec.build(new RandomStreams(21));
        Eprop ref = Eprop.symmetric(m);
        FixedPointEprop narrow = new FixedPointEprop(m, WIDE, FixedPointEprop.Variant.EPROP, new RandomStreams(1));
        drive(m, ref, narrow, 600, 7, 0.05);
        double[] expected = ref.gradient().clone();
        assertTrue(narrow.saturations() > 0, "eps_a must outgrow +-8 for the test to mean something");
        double worst = 0;
        double max = 0;
        for (int k = 0; k < m.stateParameters(); k++) {
            worst = Math.max(worst, Math.abs(expected[k] - narrow.gradient()[k]));
            max = Math.max(max, Math.abs(expected[k]));
        }
        assertTrue(worst > 1e-3 * max, "saturated eps_a changes the gradient: " + worst + " of " + max);

        RecurrentSpikingModel m2 = spec.build(new RandomStreams(21));
        Eprop ref2 = Eprop.symmetric(m2);
        FixedPointEprop wide = new FixedPointEprop(m2, WIDE.withAdaptationHeadroomBits(8), FixedPointEprop.Variant.EPROP,
                new RandomStreams(1));
        drive(m2, ref2, wide, 600, 7, 0.05);
        assertEquals(0, wide.saturations());
        // 1e-4, not 1e-5 as over 80 steps: the 24-bit decays' rounding compounds over 600 steps
        assertSameGradient(ref2.gradient().clone(), wide.gradient(), 1e-4);
    }

    @Test
    void wideFixedPointSnapOneEqualsFloatSnapOne() {
        RecurrentSpikingModel m = model(true, 12);
        SnapOne ref = new SnapOne(m);
        FixedPointEprop fx = new FixedPointEprop(m, WIDE, FixedPointEprop.Variant.SNAP1, new RandomStreams(1));
        drive(m, ref, fx, 80, 6);
        assertEquals(0, fx.saturations());
        assertSameGradient(ref.gradient().clone(), fx.gradient(), 1e-5);
    }

    /** Narrow traces: the gradient is still close (stochastic rounding) but no longer equal. */
    @Test
    void narrowTracesStayCorrelatedWithTheFloatGradient() {
        RecurrentSpikingModel m = model(false, 11);
        Eprop ref = Eprop.symmetric(m);
        LearningFormat f = new LearningFormat(12, 9, 24, 63, true, 12);
        FixedPointEprop fx = new FixedPointEprop(m, f, FixedPointEprop.Variant.EPROP, new RandomStreams(1));
        drive(m, ref, fx, 80, 5);
        double[] a = ref.gradient().clone();
        double[] b = fx.gradient();
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int k = 0; k < m.stateParameters(); k++) {
            dot += a[k] * b[k];
            na += a[k] * a[k];
            nb += b[k] * b[k];
        }
        double cos = dot / Math.sqrt(na * nb);
        assertTrue(cos > 0.95, "cosine " + cos);
    }

    @Test
    void wideWeightsApplyTheFloatSgdUpdate() {
        RecurrentSpikingModel m = model(false, 13);
        RecurrentSpikingModel copy = m.withParams(m.params);
        FixedPointWeights w = new FixedPointWeights(m, WIDE, 0.1, new RandomStreams(2));
        RandomGenerator g = new RandomStreams(3).stream("g");
        double[] grad = new double[m.parameterCount()];
        for (int k = 0; k < grad.length; k++) {
            grad[k] = g.nextGaussian();
        }
        double[] before = m.params.clone();
        w.apply(m.params, grad.clone());
        new Sgd(0.1).apply(copy.params, grad.clone());
        for (int k = 0; k < grad.length; k++) {
            double lsb = k < m.synapses() ? w.recurrentLsb() : (k < m.stateParameters() ? w.inputLsb() : 0);
            assertEquals(-0.1 * grad[k], m.params[k] - before[k], lsb / 2 + 1e-12, "parameter " + k);
        }
        assertEquals(copy.params[m.parameterCount() - 1], m.params[m.parameterCount() - 1], 1e-12);
    }

    /** An update of 0.3 LSB moves the weights by 0.3 LSB on average (and never by less than 0 or more than 1). */
    @Test
    void subLsbWeightUpdatesAreUnbiasedWithStochasticRounding() {
        RecurrentSpikingModel.Spec s = new RecurrentSpikingModel.Spec();
        s.lifNeurons = 40;
        s.inputs = 10;
        RecurrentSpikingModel m = s.build(new RandomStreams(4));
        LearningFormat f = new LearningFormat(8, 8, 16, 63, true, 12);
        FixedPointWeights w = new FixedPointWeights(m, f, 1.0, new RandomStreams(5));
        int p = m.stateParameters();
        long[] before = new long[p];
        double[] grad = new double[m.parameterCount()];
        for (int k = 0; k < p; k++) {
            before[k] = w.weight(k);
            grad[k] = -0.3 * (k < m.synapses() ? w.recurrentLsb() : w.inputLsb());
        }
        w.apply(m.params, grad);
        double sum = 0;
        for (int k = 0; k < p; k++) {
            long d = w.weight(k) - before[k];
            assertTrue(d == 0 || d == 1);
            sum += d;
        }
        assertEquals(0.3, sum / p, 5 * Math.sqrt(0.21 / p));
        assertEquals(0, w.saturations());
    }

    @Test
    void narrowTracesSaturateAndAreCounted() {
        RecurrentSpikingModel m = model(false, 11);
        LearningFormat f = new LearningFormat(7, 9, 16, 63, false, 12);
        FixedPointEprop fx = new FixedPointEprop(m, f, FixedPointEprop.Variant.EPROP, new RandomStreams(1));
        ModelState s = m.newState();
        double[] x = {1, 1, 1};
        double[] dy = new double[m.outputs];
        fx.beginSequence();
        // an input spiking every step drives zbar towards 1 / (1 - alpha) ~ 20 > the 7-bit range (+-8)
        for (int t = 0; t < 100; t++) {
            m.step(s, x);
            fx.step(s, x, dy, null);
        }
        assertTrue(fx.saturations() > 0);
    }

    @Test
    void epropNeedsOneMembraneDecay() {
        RecurrentSpikingModel.Spec s = new RecurrentSpikingModel.Spec();
        s.tauSpread = 0.5;
        RecurrentSpikingModel m = s.build(new RandomStreams(1));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new FixedPointEprop(m, WIDE, FixedPointEprop.Variant.EPROP, new RandomStreams(1)));
        assertTrue(e.field().startsWith("model.alpha"));
        new FixedPointEprop(m, WIDE, FixedPointEprop.Variant.SNAP1, new RandomStreams(1));
    }
}
