package org.hrsnn.simulator.engine.clock;

import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.neuron.ExactLif;

/**
 * The exact one-step propagators of every neuron's linear sub-threshold dynamics (Rotter and
 * Diesmann 1999), computed once per run: with h = dt and no arrivals,
 * <pre>
 *   v'   = P_vv v + P_ve I_e + P_vi I_i + c,      c = (E_L + R I_bias) (1 - P_vv)
 *   I_e' = P_ee I_e,   I_i' = P_ii I_i,   a' = P_aa a
 * </pre>
 * with P_vv = e^{-h/tau_m}, P_ve = R K(h; tau_e, tau_m), P_vi = R K(h; tau_i, tau_m),
 * P_ee = e^{-h/tau_e}, P_ii = e^{-h/tau_i}, P_aa = e^{-h/tau_a} (K from {@link ExactLif}, which
 * handles tau_s == tau_m). One array per coefficient: heterogeneous time constants cost memory
 * (and the bandwidth to stream it each step), never a per-step exp(). When all neurons share
 * the coefficients the step loop reads them as scalars instead.
 */
final class Propagators {
    final double[] vv;
    final double[] ve;
    final double[] vi;
    final double[] ee;
    final double[] ii;
    /** 1 - P_vv, computed as -expm1 so the bias term keeps full precision for small h / tau_m. */
    final double[] leakGain;
    /** P_aa, or null when no neuron adapts. */
    final double[] aa;
    /** Whether every neuron has the same P_vv, P_ve, P_vi, P_ee, P_ii (the loop then uses scalars). */
    final boolean uniform;
    /** The largest dt / tau over all neurons' decaying variables (for the denormal flush). */
    final double maxDecayRate;

    Propagators(NeuronParameters p, double dt, boolean adaptation) {
        int n = p.size;
        vv = new double[n];
        ve = new double[n];
        vi = new double[n];
        ee = new double[n];
        ii = new double[n];
        leakGain = new double[n];
        aa = adaptation ? new double[n] : null;
        double fastest = 0;
        for (int i = 0; i < n; i++) {
            double tm = p.membraneTau[i];
            double te = p.excitatoryTau[i];
            double ti = p.inhibitoryTau[i];
            double r = p.resistance[i];
            vv[i] = Math.exp(-dt / tm);
            leakGain[i] = -Math.expm1(-dt / tm);
            ve[i] = r * ExactLif.synapticKernel(dt, te, tm);
            vi[i] = r * ExactLif.synapticKernel(dt, ti, tm);
            ee[i] = Math.exp(-dt / te);
            ii[i] = Math.exp(-dt / ti);
            fastest = Math.max(fastest, Math.max(dt / tm, Math.max(dt / te, dt / ti)));
            if (adaptation) {
                aa[i] = Math.exp(-dt / p.adaptationTau[i]);
                fastest = Math.max(fastest, dt / p.adaptationTau[i]);
            }
        }
        maxDecayRate = fastest;
        uniform = n > 0 && same(vv) && same(ve) && same(vi) && same(ee) && same(ii);
    }

    private static boolean same(double[] x) {
        for (double y : x) {
            if (Double.doubleToLongBits(y) != Double.doubleToLongBits(x[0])) {
                return false;
            }
        }
        return true;
    }

    /** The constant term c of neuron i for a total bias current (nA) {@code current}. */
    double biasTerm(NeuronParameters p, int i, double current) {
        return (p.leakPotential[i] + p.resistance[i] * current) * leakGain[i];
    }
}
