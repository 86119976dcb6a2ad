package org.hrsnn.pruning.lyapunov;

import org.apache.commons.math3.special.Erf;

/**
 * The stationary firing rate of a LIF neuron driven by Gaussian noise (Siegert 1951; Brunel
 * 2000), with the synaptic-filtering correction of Fourcaud and Brunel (2002):
 *
 * <pre>
 *   r(mu) = 1 / (t_ref + tau_m sqrt(pi) int_{y_r}^{y_th} erfcx(-u) du),   erfcx(x) = e^{x^2} erfc(x)
 *   y_th = (V_th - mu) / sigma + (alpha / 2) sqrt(tau_s / tau_m),  y_r = (V_reset - mu) / sigma + the same,
 *   alpha = sqrt(2) |zeta(1/2)| = 2.0652
 * </pre>
 *
 * mu is the free membrane potential (mV), sigma the white-noise amplitude (mV) of
 * tau_m dV = (mu - V) dt + sigma sqrt(tau_m) dW, i.e. a free-membrane variance sigma^2 / 2. The
 * primitive G(y) = sqrt(pi) int_0^y erfcx(-u) du is tabulated once on [-40, 10] (Simpson, step 1e-3,
 * cubic Hermite interpolation with slopes g; below -40 its 1/|u| tail is integrated analytically, above 10 the rate is below 1e-40
 * and G is clamped). r'(mu) = r^2 tau_m (g(y_th) - g(y_r)) / sigma with g = sqrt(pi) erfcx(-y).
 */
final class SiegertTransfer {
    static final double ALPHA = Math.sqrt(2) * 1.4603545088095868;
    private static final double LO = -40;
    private static final double HI = 10;
    private static final double STEP = 1e-3;
    private static final double[] G;
    /** g at the nodes: the slopes of the cubic Hermite interpolation of G (C1, consistent with g). */
    private static final double[] SLOPE;

    static {
        int m = (int) Math.round((HI - LO) / STEP) + 1;
        double[] cum = new double[m];
        double[] slope = new double[m];
        for (int k = 0; k < m; k++) {
            slope[k] = g(LO + k * STEP);
        }
        int zero = (int) Math.round(-LO / STEP);
        // Simpson panels, integrated outward from 0 so that G(0) = 0 exactly.
        for (int k = zero + 1; k < m; k++) {
            double a = LO + (k - 1) * STEP;
            cum[k] = cum[k - 1] + STEP / 6 * (slope[k - 1] + 4 * g(a + STEP / 2) + slope[k]);
        }
        for (int k = zero - 1; k >= 0; k--) {
            double a = LO + k * STEP;
            cum[k] = cum[k + 1] - STEP / 6 * (slope[k] + 4 * g(a + STEP / 2) + slope[k + 1]);
        }
        G = cum;
        SLOPE = slope;
    }

    private SiegertTransfer() {
    }

    /** e^{x^2} erfc(x) without overflow (asymptotic series for x &gt;= 25). */
    static double erfcx(double x) {
        if (x < 0) {
            return 2 * Math.exp(x * x) - erfcx(-x);
        }
        if (x < 25) {
            return Math.exp(x * x) * Erf.erfc(x);
        }
        double x2 = x * x;
        return 1 / (x * Math.sqrt(Math.PI)) * (1 - 1 / (2 * x2) + 3 / (4 * x2 * x2) - 15 / (8 * x2 * x2 * x2));
    }

    /** The integrand sqrt(pi) erfcx(-y) = sqrt(pi) e^{y^2} (1 + erf y). */
    static double g(double y) {
        return Math.sqrt(Math.PI) * erfcx(-Math.min(y, HI));
    }

    /**
     * g(y) from the table (cubic Hermite with slope g' = 2 y g + 2), so the hot loops never call
     * erfc; outside the table the closed form.
     */
    static double gFast(double y) {
        if (y < LO || y >= HI) {
            return g(y);
        }
        double pos = (y - LO) / STEP;
        int k = Math.min((int) pos, G.length - 2);
        double f = pos - k;
        double f2 = f * f;
        double f3 = f2 * f;
        double y0 = LO + k * STEP;
        double d0 = 2 * y0 * SLOPE[k] + 2;
        double d1 = 2 * (y0 + STEP) * SLOPE[k + 1] + 2;
        return (2 * f3 - 3 * f2 + 1) * SLOPE[k] + (f3 - 2 * f2 + f) * STEP * d0
                + (-2 * f3 + 3 * f2) * SLOPE[k + 1] + (f3 - f2) * STEP * d1;
    }

    /** G(y) = int_0^y g(u) du. */
    static double primitive(double y) {
        if (y >= HI) {
            return G[G.length - 1];
        }
        if (y < LO) {
            // g(u) ~ 1 / |u| for u -&gt; -infinity.
            return G[0] - Math.log(-y / -LO);
        }
        double pos = (y - LO) / STEP;
        int k = Math.min((int) pos, G.length - 2);
        double f = pos - k;
        double f2 = f * f;
        double f3 = f2 * f;
        return (2 * f3 - 3 * f2 + 1) * G[k] + (f3 - 2 * f2 + f) * STEP * SLOPE[k]
                + (-2 * f3 + 3 * f2) * G[k + 1] + (f3 - f2) * STEP * SLOPE[k + 1];
    }

    /** Rate (spikes per ms) at free potential mu; threshold, reset, sigma in mV; times in ms. */
    static double rate(double mu, double threshold, double reset, double sigma, double shift, double tauM, double tRef) {
        double yTh = (threshold - mu) / sigma + shift;
        double yR = (reset - mu) / sigma + shift;
        return 1 / (tRef + tauM * (primitive(yTh) - primitive(yR)));
    }

    /** dr/dmu (spikes per ms per mV). */
    static double rateDerivative(double mu, double threshold, double reset, double sigma, double shift, double tauM,
                                 double tRef) {
        double yTh = (threshold - mu) / sigma + shift;
        double yR = (reset - mu) / sigma + shift;
        double r = 1 / (tRef + tauM * (primitive(yTh) - primitive(yR)));
        return r * r * tauM * (gFast(yTh) - gFast(yR)) / sigma;
    }
}
