package org.hrsnn.learning.optim;

/** Clipping of the gradient by its global Euclidean norm. */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** Scales g in place so that its norm is at most maxNorm; returns the norm before clipping. */
    public static double clipNorm(double[] g, double maxNorm) {
        double s = 0;
        for (double x : g) {
            s += x * x;
        }
        double norm = Math.sqrt(s);
        if (norm > maxNorm && norm > 0) {
            double f = maxNorm / norm;
            for (int k = 0; k < g.length; k++) {
                g[k] *= f;
            }
        }
        return norm;
    }
}
