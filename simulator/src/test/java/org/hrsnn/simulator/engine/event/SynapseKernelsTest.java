package org.hrsnn.simulator.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrsnn.simulator.neuron.ExactLif;
import org.junit.jupiter.api.Test;

/** The precomputed kernel constants: values, peak and steepest descent, in every regime of tau_s / tau_m. */
class SynapseKernelsTest {
    private static final double[] TAU_S = {5, 10, 18, 20, 20 * (1 + 1e-12), 20 * (1 - 1e-9), 22, 60};

    @Test
    void kernelMatchesTheIndependentFormula() {
        double[] tauM = Nets.fill(TAU_S.length, 20);
        SynapseKernels k = new SynapseKernels(TAU_S, tauM);
        for (int i = 0; i < TAU_S.length; i++) {
            for (double h : new double[] {1e-9, 1e-3, 0.5, 3, 20, 77, 400}) {
                double expected = Nets.kernel(h, TAU_S[i], 20);
                // Relative 1e-12, or a few ulp of the kernel scale (~1) where it is tiny: the far-regime
                // difference of exponentials is accurate in absolute, not relative, terms.
                assertEquals(expected, k.value(i, h), 1e-12 * expected + 1e-15, "tau_s " + TAU_S[i] + ", h " + h);
                double es = k.decay(i, h, Math.exp(-h / 20));
                assertEquals(Math.exp(-h / TAU_S[i]), es, 1e-14);
                assertEquals(ExactLif.synapticKernelDerivative(h, TAU_S[i], 20), k.slope(i, h), 1e-12);
            }
        }
    }

    @Test
    void peakAndSteepestDescentAreWhereTheDerivativesVanish() {
        double[] tauM = Nets.fill(TAU_S.length, 20);
        SynapseKernels k = new SynapseKernels(TAU_S, tauM);
        for (int i = 0; i < TAU_S.length; i++) {
            double hp = k.peakTime[i];
            assertEquals(0.0, k.slope(i, hp), 1e-14, "K' = 0 at the peak, tau_s " + TAU_S[i]);
            assertEquals(k.value(i, hp), k.peakValue[i], 0.0);
            double eps = 1e-4 * hp;
            assertTrue(k.value(i, hp - eps) <= k.peakValue[i] && k.value(i, hp + eps) <= k.peakValue[i]);
            double hs = k.slopeMinTime[i];
            assertEquals(2 * hp, hs, 1e-12 * hs);
            assertTrue(k.slope(i, hs - eps) >= k.slopeMin[i] && k.slope(i, hs + eps) >= k.slopeMin[i], "K' minimal at 2 h*");
        }
    }
}
