package org.hrsnn.simulator.engine.event;

import org.hrsnn.simulator.neuron.ExactLif;

/**
 * Per-neuron constants of one synaptic current (excitatory or inhibitory) for the closed-form
 * kernel K(h; tau_s, tau_m) of {@link ExactLif}, precomputed once per run so the hot path needs
 * one exp() per current and no division.
 *
 * <p>Far from tau_s == tau_m the kernel is gain (e^{-h/tau_s} - e^{-h/tau_m}) with
 * gain = tau_s / (tau_s - tau_m) <= 9 (absolute error a few ulp); within 12.5 % of each other it is
 * gain e^{-h/tau_m} expm1(h rate), rate = 1/tau_m - 1/tau_s, which does not cancel, and exactly
 * (h / tau_m) e^{-h/tau_m} when they are equal. (expm1 is not a JIT intrinsic, so it is kept to
 * the near-equal case.) Also stored: the peak time h* and peak value
 * K(h*) (K is unimodal), and the minimum of K' (reached at 2 h*), which bound K and K' on an
 * interval for the threshold-crossing search.
 */
final class SynapseKernels {
    final double[] invTauS;
    final double[] invTauM;
    final double[] gain;
    final double[] rate;
    /** Kernel in the expm1 form (tau_s within 12.5 % of tau_m). */
    final boolean[] near;
    final double[] peakTime;
    final double[] peakValue;
    final double[] slopeMinTime;
    final double[] slopeMin;

    /** K(h) of the last {@link #decay} call. */
    double kernel;

    SynapseKernels(double[] tauS, double[] tauM) {
        int n = tauS.length;
        invTauS = new double[n];
        invTauM = new double[n];
        gain = new double[n];
        rate = new double[n];
        near = new boolean[n];
        peakTime = new double[n];
        peakValue = new double[n];
        slopeMinTime = new double[n];
        slopeMin = new double[n];
        for (int i = 0; i < n; i++) {
            double ts = tauS[i];
            double tm = tauM[i];
            invTauS[i] = 1.0 / ts;
            invTauM[i] = 1.0 / tm;
            gain[i] = ts / (ts - tm);
            rate[i] = (ts - tm) / (ts * tm);
            near[i] = Math.abs(ts - tm) < 0.125 * Math.min(ts, tm);
            peakTime[i] = ExactLif.synapticKernelPeakTime(ts, tm);
            peakValue[i] = value(i, peakTime[i]);
            slopeMinTime[i] = 2 * peakTime[i];
            slopeMin[i] = slope(i, slopeMinTime[i]);
        }
    }

    /**
     * e^{-h/tau_s} for neuron i, given em = e^{-h/tau_m}; leaves K(h) in {@link #kernel}.
     */
    double decay(int i, double h, double em) {
        if (!near[i]) {
            double es = Math.exp(-h * invTauS[i]);
            kernel = gain[i] * (es - em);
            return es;
        }
        double r = rate[i];
        if (r == 0.0) {
            kernel = h * invTauM[i] * em;
            return em;
        }
        double x = Math.expm1(h * r);
        kernel = em * gain[i] * x;
        return em + em * x;
    }

    /** K(h) for neuron i (set-up and tests; the hot path uses {@link #decay}). */
    double value(int i, double h) {
        decay(i, h, Math.exp(-h * invTauM[i]));
        return kernel;
    }

    /** K'(h) = e^{-h/tau_m} / tau_m - K(h) / tau_s. */
    double slope(int i, double h) {
        double em = Math.exp(-h * invTauM[i]);
        decay(i, h, em);
        return em * invTauM[i] - kernel * invTauS[i];
    }
}
