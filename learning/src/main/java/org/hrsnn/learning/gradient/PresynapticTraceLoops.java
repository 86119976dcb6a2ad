package org.hrsnn.learning.gradient;

/**
 * The per-synapse loops of e-prop when eps_v is kept per presynaptic neuron (see
 * {@link LocalTraceEstimator}): with the reset and the recurrence behind a stop-gradient, eps_v of
 * synapse i -> j is the presynaptic spike train filtered with alpha_j, the same for every j of one
 * alpha, so it is read from a table zb (this step) / zp (last step) at offset zb0 + i (recurrent)
 * or zb0 + c (input c, with {@code base} the parameter index of input 0). Per synapse only eps_a
 * (ALIF), ebar and the gradient stay. The arithmetic is the per-synapse loop's, operation by
 * operation, so results are bit-identical to it. Generated variants: precision x neuron model,
 * branches on (recurrent or input) x (learning signal present) outside the loops.
 */
final class PresynapticTraceLoops {
    private PresynapticTraceLoops() {
    }

    static void lif(int q0, int q1, double psD, double kappaD, double lfD, double ldD, boolean signal, boolean rec, int base, int[] gs, int zb0, double[] zb, double[] eb, double[] g) {
        double ps = psD;
        double kappa = kappaD;
        double lf = lfD;
        double ld = ldD;
        if (rec && signal) {
            for (int q = q0; q < q1; q++) {
                double v = zb[zb0 + gs[q]];
                double e = ps * v;
                double b = kappa * eb[q] + e;
                eb[q] = b;
                g[q] += lf * b + ld * e;
            }
        } else if (rec) {
            for (int q = q0; q < q1; q++) {
                double v = zb[zb0 + gs[q]];
                double e = ps * v;
                double b = kappa * eb[q] + e;
                eb[q] = b;
            }
        } else if (signal) {
            for (int q = q0; q < q1; q++) {
                double v = zb[zb0 + (q - base)];
                double e = ps * v;
                double b = kappa * eb[q] + e;
                eb[q] = b;
                g[q] += lf * b + ld * e;
            }
        } else {
            for (int q = q0; q < q1; q++) {
                double v = zb[zb0 + (q - base)];
                double e = ps * v;
                double b = kappa * eb[q] + e;
                eb[q] = b;
            }
        }
    }

    static void alif(int q0, int q1, double bjD, double rjD, double ppD, double psD, double kappaD, double lfD, double ldD, boolean signal, boolean rec, int base, int[] gs, int zb0, double[] zb, double[] zp, double[] ea, double[] eb, double[] g) {
        double bj = bjD;
        double rj = rjD;
        double pp = ppD;
        double ps = psD;
        double kappa = kappaD;
        double lf = lfD;
        double ld = ldD;
        if (rec && signal) {
            for (int q = q0; q < q1; q++) {
                int z = zb0 + gs[q];
                double evq = zp[z];
                double eaq = ea[q];
                double dzp = pp * (evq - bj * eaq);
                double v = zb[z];
                double a = rj * eaq + dzp;
                ea[q] = a;
                double e = ps * (v - bj * a);
                double b = kappa * eb[q] + e;
                eb[q] = b;
                g[q] += lf * b + ld * e;
            }
        } else if (rec) {
            for (int q = q0; q < q1; q++) {
                int z = zb0 + gs[q];
                double evq = zp[z];
                double eaq = ea[q];
                double dzp = pp * (evq - bj * eaq);
                double v = zb[z];
                double a = rj * eaq + dzp;
                ea[q] = a;
                double e = ps * (v - bj * a);
                double b = kappa * eb[q] + e;
                eb[q] = b;
            }
        } else if (signal) {
            for (int q = q0; q < q1; q++) {
                int z = zb0 + (q - base);
                double evq = zp[z];
                double eaq = ea[q];
                double dzp = pp * (evq - bj * eaq);
                double v = zb[z];
                double a = rj * eaq + dzp;
                ea[q] = a;
                double e = ps * (v - bj * a);
                double b = kappa * eb[q] + e;
                eb[q] = b;
                g[q] += lf * b + ld * e;
            }
        } else {
            for (int q = q0; q < q1; q++) {
                int z = zb0 + (q - base);
                double evq = zp[z];
                double eaq = ea[q];
                double dzp = pp * (evq - bj * eaq);
                double v = zb[z];
                double a = rj * eaq + dzp;
                ea[q] = a;
                double e = ps * (v - bj * a);
                double b = kappa * eb[q] + e;
                eb[q] = b;
            }
        }
    }

    static void lifF(int q0, int q1, double psD, double kappaD, double lfD, double ldD, boolean signal, boolean rec, int base, int[] gs, int zb0, float[] zb, float[] eb, float[] g) {
        float ps = (float) psD;
        float kappa = (float) kappaD;
        float lf = (float) lfD;
        float ld = (float) ldD;
        if (rec && signal) {
            for (int q = q0; q < q1; q++) {
                float v = zb[zb0 + gs[q]];
                float e = ps * v;
                float b = kappa * eb[q] + e;
                eb[q] = b;
                g[q] += lf * b + ld * e;
            }
        } else if (rec) {
            for (int q = q0; q < q1; q++) {
                float v = zb[zb0 + gs[q]];
                float e = ps * v;
                float b = kappa * eb[q] + e;
                eb[q] = b;
            }
        } else if (signal) {
            for (int q = q0; q < q1; q++) {
                float v = zb[zb0 + (q - base)];
                float e = ps * v;
                float b = kappa * eb[q] + e;
                eb[q] = b;
                g[q] += lf * b + ld * e;
            }
        } else {
            for (int q = q0; q < q1; q++) {
                float v = zb[zb0 + (q - base)];
                float e = ps * v;
                float b = kappa * eb[q] + e;
                eb[q] = b;
            }
        }
    }

    static void alifF(int q0, int q1, double bjD, double rjD, double ppD, double psD, double kappaD, double lfD, double ldD, boolean signal, boolean rec, int base, int[] gs, int zb0, float[] zb, float[] zp, float[] ea, float[] eb, float[] g) {
        float bj = (float) bjD;
        float rj = (float) rjD;
        float pp = (float) ppD;
        float ps = (float) psD;
        float kappa = (float) kappaD;
        float lf = (float) lfD;
        float ld = (float) ldD;
        if (rec && signal) {
            for (int q = q0; q < q1; q++) {
                int z = zb0 + gs[q];
                float evq = zp[z];
                float eaq = ea[q];
                float dzp = pp * (evq - bj * eaq);
                float v = zb[z];
                float a = rj * eaq + dzp;
                ea[q] = a;
                float e = ps * (v - bj * a);
                float b = kappa * eb[q] + e;
                eb[q] = b;
                g[q] += lf * b + ld * e;
            }
        } else if (rec) {
            for (int q = q0; q < q1; q++) {
                int z = zb0 + gs[q];
                float evq = zp[z];
                float eaq = ea[q];
                float dzp = pp * (evq - bj * eaq);
                float v = zb[z];
                float a = rj * eaq + dzp;
                ea[q] = a;
                float e = ps * (v - bj * a);
                float b = kappa * eb[q] + e;
                eb[q] = b;
            }
        } else if (signal) {
            for (int q = q0; q < q1; q++) {
                int z = zb0 + (q - base);
                float evq = zp[z];
                float eaq = ea[q];
                float dzp = pp * (evq - bj * eaq);
                float v = zb[z];
                float a = rj * eaq + dzp;
                ea[q] = a;
                float e = ps * (v - bj * a);
                float b = kappa * eb[q] + e;
                eb[q] = b;
                g[q] += lf * b + ld * e;
            }
        } else {
            for (int q = q0; q < q1; q++) {
                int z = zb0 + (q - base);
                float evq = zp[z];
                float eaq = ea[q];
                float dzp = pp * (evq - bj * eaq);
                float v = zb[z];
                float a = rj * eaq + dzp;
                ea[q] = a;
                float e = ps * (v - bj * a);
                float b = kappa * eb[q] + e;
                eb[q] = b;
            }
        }
    }
}
