package org.hrsnn.simulator.engine.event;

/**
 * First time h >= 0 at which a free LIF/ALIF trajectory reaches its threshold, found by a search
 * that cannot miss a crossing (see {@link EventDrivenEngine} for where it is used).
 *
 * <p>Between inputs, with u = v - E_L, the distance to threshold is
 * <pre>
 *   f(h) = C + P e^{-h/tau_m} + R I_e(0) K_e(h) + R I_i(0) K_i(h) - B e^{-h/tau_a}
 *   C = R I_bias - (V_th - E_L),  P = u(0) - R I_bias,  B = beta a(0) >= 0
 * </pre>
 * and a spike is the first h with f(h) >= 0. Every term is easy to bound on an interval
 * [a, b]: c e^{-h/tau} is monotone (its extremes are at the ends), and the kernel K is unimodal
 * with a known peak h*, so max K on [a, b] is K(clamp(h*, a, b)) and min K is at an end. The sum of
 * the term-wise maxima is an upper bound of f on [a, b]. Likewise K' falls until 2 h* and rises
 * after, which bounds f' on [a, b] by [D_lo, D_hi]; with f(a) and f(b) this gives a second upper
 * bound, the apex of the lines f(a) + D_hi (h - a) and f(b) - D_lo (b - h), tight (O(w^2)) near a
 * transversal crossing where the first one is loose. U(a, b), the smaller of the two, < 0 proves
 * there is no crossing in [a, b].
 *
 * <p>The search keeps a frontier a (no crossing in [0, a], proved) and tries [a, a + w]:
 * <ul>
 *   <li>f(a + w) < 0 and U(a, a + w) < 0: advance the frontier, double w;</li>
 *   <li>f(a + w) >= 0 and D_lo(a, a + w) > 0: f is increasing there, so the root is the first one
 *       and unique: refine it with Newton steps safeguarded by bisection (to ~1 ulp);</li>
 *   <li>otherwise halve w. Leftmost first, so the first crossing is the one found.</li>
 * </ul>
 * The search stops at the horizon (end of the run) or as soon as the bound over [a, infinity)
 * (terms at a, or their asymptote 0, or the kernel peak) is negative: the asymptote C decides.
 * A maximum that touches the threshold within the resolution (w below ~1e-12 relative) counts
 * as a crossing: the method errs towards firing, never towards missing.
 */
final class ThresholdCrossing {
    /** Frontier steps per query; past it the query stops with the frontier as a lower bound. */
    private static final int MAX_STEPS = 10_000;

    /**
     * After {@link #find} returned NaN (step budget spent, never seen in practice): the proved
     * crossing-free length [0, certified], > 0, to be used as a lower bound.
     */
    double certified;

    private final SynapseKernels exc;
    private final SynapseKernels inh;
    private final double[] invTauM;
    private final double[] invTauA;

    // Trajectory of the current query.
    private int n;
    private double c;
    private double p;
    private double re;
    private double ri;
    private double b;

    // Values at the frontier a and the trial point x.
    private double emA;
    private double keA;
    private double kiA;
    private double eaA;
    private double emX;
    private double keX;
    private double kiX;
    private double eaX;

    // Bounds of f' on the current trial interval.
    private double slopeLow;
    private double slopeHigh;

    /** Number of f evaluations so far (for profiling). */
    long evaluations;

    ThresholdCrossing(SynapseKernels exc, SynapseKernels inh, double[] invTauM, double[] invTauA) {
        this.exc = exc;
        this.inh = inh;
        this.invTauM = invTauM;
        this.invTauA = invTauA;
    }

    /**
     * First h in [0, horizon) with f(h) >= 0, or +infinity if there is none. {@code safeStep} is a
     * step known to be crossing-free (e.g. the lower bound of the caller), used as first width.
     * NaN (with {@link #certified}) if the step budget ran out first.
     */
    double find(int neuron, double c, double p, double re, double ri, double b, double horizon, double safeStep) {
        this.n = neuron;
        this.c = c;
        this.p = p;
        this.re = re;
        this.ri = ri;
        this.b = b;
        double fa = c + p - b;
        if (fa >= 0) {
            return 0;
        }
        double a = 0;
        emA = 1;
        keA = 0;
        kiA = 0;
        eaA = 1;
        if (upperToInfinity(a) < 0) {
            return Double.POSITIVE_INFINITY;
        }
        double w = safeStep > 0 && safeStep < Double.POSITIVE_INFINITY ? safeStep : 1.0 / invTauM[neuron];
        for (int step = 0; step < MAX_STEPS; step++) {
            if (a >= horizon) {
                return Double.POSITIVE_INFINITY;
            }
            double x = Math.min(a + w, horizon);
            double width = x - a;
            double minWidth = 1e-12 * (1 + a);
            double fx = evaluate(x);
            slopeBounds(a, x);
            if (fx >= 0) {
                if (width <= minWidth) {
                    return x;
                }
                if (slopeLow > 0) {
                    return refine(a, fa, x, fx);
                }
                w = 0.5 * width;
            } else if (upper(a, x, fa, fx) < 0) {
                a = x;
                fa = fx;
                emA = emX;
                keA = keX;
                kiA = kiX;
                eaA = eaX;
                if (upperToInfinity(a) < 0) {
                    return Double.POSITIVE_INFINITY;
                }
                w = 2 * width;
            } else {
                if (width <= minWidth) {
                    return x; // grazing within resolution: counted as a crossing
                }
                w = 0.5 * width;
            }
        }
        // Budget spent (a pathological trajectory hugging the threshold): report what is proved.
        if (a > 0) {
            certified = a;
            return Double.NaN;
        }
        return Math.min(w, horizon); // nothing proved beyond 0: fire at the first unresolved point
    }

    /** f at h; leaves the term values in the X fields. */
    private double evaluate(double h) {
        evaluations++;
        int i = n;
        double em = Math.exp(-h * invTauM[i]);
        emX = em;
        double f = c + p * em;
        if (re != 0) {
            exc.decay(i, h, em);
            keX = exc.kernel;
            f += re * keX;
        } else {
            keX = 0;
        }
        if (ri != 0) {
            inh.decay(i, h, em);
            kiX = inh.kernel;
            f += ri * kiX;
        } else {
            kiX = 0;
        }
        if (b != 0) {
            eaX = Math.exp(-h * invTauA[i]);
            f -= b * eaX;
        } else {
            eaX = 0;
        }
        return f;
    }

    /** f' at the last evaluated point. */
    private double slopeAtX() {
        int i = n;
        double im = invTauM[i];
        double d = -p * im * emX;
        d += re * (emX * im - keX * exc.invTauS[i]);
        d += ri * (emX * im - kiX * inh.invTauS[i]);
        d += b * invTauA[i] * eaX;
        return d;
    }

    /**
     * Upper bound of f on [a, x]: the smaller of the term-wise bound (sum of each term's maximum)
     * and the bound from the slope range [slopeLow, slopeHigh] and the end values (the apex of
     * the two lines through (a, f(a)) and (x, f(x))). The first is tight on wide intervals, the
     * second (error O(w^2)) near a transversal crossing where the terms are large and cancel.
     */
    private double upper(double a, double x, double fa, double fx) {
        int i = n;
        double u = c + Math.max(p * emA, p * emX);
        u += re >= 0 ? re * kernelMax(exc, i, a, x, keA, keX) : re * Math.min(keA, keX);
        u += ri >= 0 ? ri * kernelMax(inh, i, a, x, kiA, kiX) : ri * Math.min(kiA, kiX);
        u -= b * eaX;
        double lines;
        if (slopeHigh <= 0) {
            lines = fa;
        } else if (slopeLow >= 0) {
            lines = fx;
        } else {
            // max over s of min(fa + slopeHigh s, fx - slopeLow (w - s)) with slopeLow < 0 < slopeHigh.
            double w = x - a;
            double s = (fx - fa - slopeLow * w) / (slopeHigh - slopeLow);
            lines = fa + slopeHigh * Math.max(0, Math.min(w, s));
        }
        return Math.min(u, lines);
    }

    /** Upper bound of f on [a, infinity): each term's sup over the half-line (K falls after its peak). */
    private double upperToInfinity(double a) {
        int i = n;
        double u = c + Math.max(p * emA, 0);
        if (re > 0) {
            u += re * (exc.peakTime[i] >= a ? exc.peakValue[i] : keA);
        }
        if (ri > 0) {
            u += ri * (inh.peakTime[i] >= a ? inh.peakValue[i] : kiA);
        }
        return u;
    }

    private static double kernelMax(SynapseKernels k, int i, double a, double x, double ka, double kx) {
        double peak = k.peakTime[i];
        return peak >= a && peak <= x ? k.peakValue[i] : Math.max(ka, kx);
    }

    /** Bounds of f' on [a, x] into slopeLow and slopeHigh (K' falls until 2 h*, rises after). */
    private void slopeBounds(double a, double x) {
        int i = n;
        double im = invTauM[i];
        double ma = -p * im * emA;
        double mx = -p * im * emX;
        double lo = Math.min(ma, mx);
        double hi = Math.max(ma, mx);
        double sa = emA * im - keA * exc.invTauS[i];
        double sx = emX * im - keX * exc.invTauS[i];
        double t = exc.slopeMinTime[i];
        double kMin = t >= a && t <= x ? exc.slopeMin[i] : Math.min(sa, sx);
        double kMax = Math.max(sa, sx);
        if (re >= 0) {
            lo += re * kMin;
            hi += re * kMax;
        } else {
            lo += re * kMax;
            hi += re * kMin;
        }
        sa = emA * im - kiA * inh.invTauS[i];
        sx = emX * im - kiX * inh.invTauS[i];
        t = inh.slopeMinTime[i];
        kMin = t >= a && t <= x ? inh.slopeMin[i] : Math.min(sa, sx);
        kMax = Math.max(sa, sx);
        if (ri >= 0) {
            lo += ri * kMin;
            hi += ri * kMax;
        } else {
            lo += ri * kMax;
            hi += ri * kMin;
        }
        double ai = b * invTauA[i];
        lo += ai * eaX;
        hi += ai * eaA;
        slopeLow = lo;
        slopeHigh = hi;
    }

    /** The root of an increasing f in (lo, hi] with f(lo) < 0 <= f(hi): Newton, safeguarded by bisection. */
    private double refine(double lo, double flo, double hi, double fhi) {
        double x = lo - flo * (hi - lo) / (fhi - flo);
        if (!(x > lo && x < hi)) {
            x = 0.5 * (lo + hi);
        }
        for (int it = 0; it < 200; it++) {
            double fx = evaluate(x);
            if (fx >= 0) {
                hi = x;
            } else {
                lo = x;
            }
            if (fx == 0 || hi - lo <= 2 * Math.ulp(hi)) {
                return hi;
            }
            double d = slopeAtX();
            double next = x - fx / d;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            } else if (Math.abs(next - x) <= 4 * Math.ulp(x)) {
                // Converged: the next Newton point is within rounding of the root.
                return fx >= 0 ? x : next;
            }
            x = next;
        }
        return hi;
    }

    /**
     * A lower bound on the first crossing time (ms) that needs no exp(). With the inhibitory term
     * dropped (it is never positive) and 1 - e^{-x} <= min(x, 1), K(h) <= min(h / tau_m, K(h*)):
     * f(h) <= f(0) + rise min(h/tau_m, 1) + e min(h/tau_m, K_e*) + in min(h/tau_m, K_i*)
     * + adaptation min(h/tau_a, 1), a concave piecewise-linear function; its first zero, found by
     * walking the (at most four) breakpoints, cannot come after the true crossing.
     *
     * @param need -f(0) > 0 (mV below threshold)
     * @param rise max(0, R I_bias - u(0)), mV
     * @param e R max(I_e, 0), mV
     * @param in R max(I_i, 0), mV (0 unless inhibitory weights were positive)
     * @param adaptation beta a(0), mV
     * @return the bound, +infinity if even the sup of the right-hand side stays below 0
     */
    static double saturatingBound(double need, double rise, double e, double in, double adaptation,
                                  double tauM, double invTauM, double peakE, double peakI, double tauA,
                                  double invTauA) {
        double c2 = e * peakE;
        double c3 = in * peakI;
        if (rise + c2 + c3 + adaptation < need) {
            return Double.POSITIVE_INFINITY;
        }
        double s1 = rise * invTauM;
        double s2 = e * invTauM;
        double s3 = in * invTauM;
        double s4 = adaptation * invTauA;
        double b1 = s1 > 0 ? tauM : Double.POSITIVE_INFINITY;
        double b2 = s2 > 0 ? tauM * peakE : Double.POSITIVE_INFINITY;
        double b3 = s3 > 0 ? tauM * peakI : Double.POSITIVE_INFINITY;
        double b4 = s4 > 0 ? tauA : Double.POSITIVE_INFINITY;
        double slope = s1 + s2 + s3 + s4;
        double h = 0;
        double g = 0;
        while (slope > 0) {
            double b = Math.min(Math.min(b1, b2), Math.min(b3, b4));
            double gb = g + slope * (b - h);
            if (gb >= need) {
                return h + (need - g) / slope;
            }
            g = gb;
            h = b;
            if (b == b1) {
                slope -= s1;
                b1 = Double.POSITIVE_INFINITY;
            } else if (b == b2) {
                slope -= s2;
                b2 = Double.POSITIVE_INFINITY;
            } else if (b == b3) {
                slope -= s3;
                b3 = Double.POSITIVE_INFINITY;
            } else {
                slope -= s4;
                b4 = Double.POSITIVE_INFINITY;
            }
        }
        return h; // reached only through rounding: h is still a certified lower bound
    }
}
