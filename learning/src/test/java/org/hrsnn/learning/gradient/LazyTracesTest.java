package org.hrsnn.learning.gradient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.learning.model.ModelState;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The lazy update of quiet neurons' traces (psi = 0 at t-1 and t) against the eager reference
 * loop: the same gradients up to rounding, read online every 37 steps, with a learning signal
 * at every step and a direct spike error, on runs long enough for the scale renormalisation.
 */
class LazyTracesTest {
    private static final int STEPS = 1500;
    private static final int READ_EVERY = 37;

    /** Fast membrane and readout (alpha = e^-1/2, kappa = e^-1/2): kappa^900 < 1e-150, so the 900-step silences cross the renormalisation. */
    private static RecurrentSpikingModel model(long seed) {
        RecurrentSpikingModel.Spec s = new RecurrentSpikingModel.Spec();
        s.lifNeurons = 30;
        s.alifNeurons = 30;
        s.inputs = 8;
        s.outputs = 2;
        s.density = 0.2;
        s.selfSynapses = true;
        s.membraneTauMs = 2;
        s.tauSpread = 0.2;
        s.adaptationTauMs = 100;
        s.adaptationStrength = 0.5;
        s.readoutTauMs = 2;
        s.recScale = 1.5;
        s.inScale = 4;
        return s.build(new RandomStreams(seed));
    }

    /** Bursts of input spikes separated by long silences (quiet stretches longer than the renormalisation). */
    private static double[][] inputs(int channels, long seed) {
        RandomGenerator g = new RandomStreams(seed).stream("test/lazy/inputs");
        double[][] x = new double[STEPS][channels];
        for (int t = 0; t < STEPS; t++) {
            boolean burst = (t % 1000) < 100;
            for (int c = 0; c < channels; c++) {
                x[t][c] = burst && g.nextDouble() < 0.2 ? 1 : 0;
            }
        }
        return x;
    }

    private static void compare(Function<RecurrentSpikingModel, GradientEstimator> lazy,
                                Function<RecurrentSpikingModel, GradientEstimator> eager) {
        RecurrentSpikingModel m = model(5);
        GradientEstimator a = lazy.apply(m);
        GradientEstimator b = eager.apply(m);
        double[][] x = inputs(m.inputs, 6);
        RandomGenerator g = new RandomStreams(7).stream("test/lazy/errors");
        ModelState s = m.newState();
        a.beginSequence();
        b.beginSequence();
        a.clearGradient();
        b.clearGradient();
        double[] err = new double[m.outputs];
        double[] spikeErr = new double[m.n];
        long quietSteps = 0;
        long spikes = 0;
        for (int t = 0; t < STEPS; t++) {
            m.step(s, x[t]);
            for (int k = 0; k < m.outputs; k++) {
                err[k] = g.nextGaussian();
            }
            for (int j = 0; j < m.n; j++) {
                spikeErr[j] = 0.1 * g.nextGaussian();
                quietSteps += s.psi[j] == 0 && s.psiPrev[j] == 0 ? 1 : 0;
                spikes += s.z[j] > 0 ? 1 : 0;
            }
            a.step(s, x[t], err, t % 3 == 0 ? spikeErr : null);
            b.step(s, x[t], err, t % 3 == 0 ? spikeErr : null);
            if ((t + 1) % READ_EVERY == 0 || t == STEPS - 1) {
                a.flush();
                b.flush();
                double[] ga = a.gradient().clone();
                double[] gb = b.gradient();
                double scale = Fixtures.maxAbs(gb);
                assertTrue(scale > 0);
                double diff = Fixtures.maxAbsDiff(ga, gb, 0, gb.length);
                assertTrue(diff <= 1e-10 * scale, "step " + t + ": max |lazy - eager| " + diff + " vs max |g| " + scale);
                a.clearGradient();
                b.clearGradient();
            }
        }
        // The comparison means something only if both regimes occurred often.
        double quietFraction = (double) quietSteps / ((long) STEPS * m.n);
        assertTrue(quietFraction > 0.3 && quietFraction < 0.99, "quiet fraction " + quietFraction);
        assertTrue(spikes > 100, "spikes " + spikes);
    }

    @Test
    void lazySnapOneEqualsTheEagerLoop() {
        compare(m -> new SnapOne(m, Precision.DOUBLE, 1, true), m -> new SnapOne(m, Precision.DOUBLE, 1, false));
    }

    @Test
    void lazyEpropEqualsTheEagerLoop() {
        compare(m -> Eprop.symmetric(m, Precision.DOUBLE, 1, true), m -> Eprop.symmetric(m, Precision.DOUBLE, 1, false));
    }

    @Test
    void lazyTracesDoNotDependOnTheThreadCount() {
        RecurrentSpikingModel m = model(8);
        double[][] x = inputs(m.inputs, 9);
        double[][] target = Fixtures.targets(STEPS, m.outputs, 10);
        double[] one = Fixtures.gradient(m, new SnapOne(m, Precision.DOUBLE, 1, true), x, target, 0, null);
        double[] two = Fixtures.gradient(m, new SnapOne(m, Precision.DOUBLE, 2, true), x, target, 0, null);
        assertArrayEquals(one, two, 0.0);
    }
}
