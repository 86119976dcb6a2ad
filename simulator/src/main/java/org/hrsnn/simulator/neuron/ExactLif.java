package org.hrsnn.simulator.neuron;

/**
 * Closed-form pieces of the current-based LIF solution (MODELS.md section 1), shared by the
 * engines, the propagators and the tests.
 *
 * <p>With u = v - E_L and no arrivals over an interval h:
 * u(h) = u(0) e^{-h/tau_m} + R I_s(0) K(h; tau_s, tau_m) + R I_bias (1 - e^{-h/tau_m}), where
 * K(h; tau_s, tau_m) = tau_s / (tau_s - tau_m) (e^{-h/tau_s} - e^{-h/tau_m}).
 */
public final class ExactLif {
    private ExactLif() {
    }

    /**
     * The synaptic kernel K(h; tau_s, tau_m) (ms / ms: dimensionless gain on R I_s(0)).
     *
     * <p>Written as e^{-h/tau_m} tau_s/(tau_s - tau_m) expm1(h (tau_s - tau_m) / (tau_s tau_m)):
     * no cancellation when tau_s is close to tau_m, and exactly the limit (h / tau_m) e^{-h/tau_m}
     * when they are equal (the NEST bug class: PR #71, issue #1087, PR #2385).
     */
    public static double synapticKernel(double h, double tauS, double tauM) {
        double delta = tauS - tauM;
        double em = Math.exp(-h / tauM);
        if (delta == 0.0) {
            return h / tauM * em;
        }
        double x = h * delta / (tauS * tauM);
        if (x > 1.0) {
            // far from the tau_s == tau_m limit the plain difference has no cancellation, and
            // e^{-h/tau_m} expm1(x) would be 0 * infinity for h >> tau_m
            return tauS / delta * (Math.exp(-h / tauS) - em);
        }
        return em * tauS / delta * Math.expm1(x);
    }

    /**
     * dK/dh = e^{-h/tau_m} / tau_m - K / tau_s (from e^{-h/tau_s} = e^{-h/tau_m} + K (tau_s - tau_m)/tau_s),
     * a form that stays exact at tau_s == tau_m.
     */
    public static double synapticKernelDerivative(double h, double tauS, double tauM) {
        return Math.exp(-h / tauM) / tauM - synapticKernel(h, tauS, tauM) / tauS;
    }

    /**
     * Time (ms) at which K(h; tau_s, tau_m) peaks: ln(tau_s / tau_m) tau_s tau_m / (tau_s - tau_m),
     * tau_m when they are equal (K is unimodal: rising before, falling after). dK/dh has its
     * minimum (K's inflection) at twice this time.
     */
    public static double synapticKernelPeakTime(double tauS, double tauM) {
        double delta = tauS - tauM;
        if (delta == 0.0) {
            return tauM;
        }
        return Math.log1p(delta / tauM) * tauS * tauM / delta;
    }
}
