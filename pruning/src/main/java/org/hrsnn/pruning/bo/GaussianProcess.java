package org.hrsnn.pruning.bo;

/**
 * Gaussian-process regression with a squared-exponential kernel on inputs scaled to the unit
 * box: k(x, x') = exp(-|x - x'|^2 / (2 l^2)) + noise * delta, on outputs standardised to mean 0
 * and variance 1. The length scale l and the noise are chosen from a small grid by the largest
 * log marginal likelihood (a grid instead of gradient ascent: the surrogate sees at most a few
 * dozen points, and a grid cannot wander off or fail).
 */
public final class GaussianProcess {
    private static final double[] LENGTHS = {0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2};
    private static final double[] NOISES = {1e-8, 1e-4, 1e-2, 0.1};

    private final double[][] x;
    private final double yMean;
    private final double yScale;
    private double length;
    private double noise;
    private double[] alpha;
    private double[][] chol;
    private double logLikelihood;

    /** Fits to points x (each in [0, 1]^d) with values y; at least one point. */
    public GaussianProcess(double[][] x, double[] y) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("need as many values as points, at least one");
        }
        this.x = x;
        double m = 0;
        for (double v : y) {
            m += v;
        }
        m /= y.length;
        double var = 0;
        for (double v : y) {
            var += (v - m) * (v - m);
        }
        var /= y.length;
        this.yMean = m;
        this.yScale = var > 0 ? Math.sqrt(var) : 1.0;
        double[] z = new double[y.length];
        for (int i = 0; i < z.length; i++) {
            z[i] = (y[i] - m) / yScale;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (double l : LENGTHS) {
            for (double s : NOISES) {
                double[][] c = cholesky(kernelMatrix(l, s));
                if (c == null) {
                    continue;
                }
                double[] a = solve(c, z);
                double ll = -0.5 * dot(z, a);
                for (int i = 0; i < z.length; i++) {
                    ll -= Math.log(c[i][i]);
                }
                if (ll > best) {
                    best = ll;
                    length = l;
                    noise = s;
                    alpha = a;
                    chol = c;
                }
            }
        }
        if (chol == null) {
            throw new IllegalStateException("no kernel setting gave a positive-definite matrix");
        }
        logLikelihood = best - 0.5 * z.length * Math.log(2 * Math.PI);
    }

    public double lengthScale() {
        return length;
    }

    public double noise() {
        return noise;
    }

    public double logMarginalLikelihood() {
        return logLikelihood;
    }

    /** Posterior mean and standard deviation at p, in the original units of y: {mean, sd}. */
    public double[] predict(double[] p) {
        int n = x.length;
        double[] k = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = kernel(x[i], p, length);
        }
        double mean = dot(k, alpha);
        double[] v = forward(chol, k);
        double var = Math.max(0, 1.0 - dot(v, v));
        return new double[] {yMean + yScale * mean, yScale * Math.sqrt(var)};
    }

    private double[][] kernelMatrix(double l, double s) {
        int n = x.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = kernel(x[i], x[j], l);
                k[i][j] = v;
                k[j][i] = v;
            }
            k[i][i] += s;
        }
        return k;
    }

    static double kernel(double[] a, double[] b, double l) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            double t = a[i] - b[i];
            d += t * t;
        }
        return Math.exp(-d / (2 * l * l));
    }

    /** Lower Cholesky factor, or null if not positive definite. */
    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    private static double[] forward(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        return y;
    }

    private static double[] solve(double[][] l, double[] b) {
        double[] y = forward(l, b);
        int n = b.length;
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
