package org.hrsnn.hardware.compare;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.hrsnn.simulator.InvalidInputException;

/**
 * A linear readout fitted by ridge regression: w minimises |X w + b - y|^2 + lambda |w|^2
 * (the bias b is not penalised: features and target are centred on the training means first).
 * lambda is {@code relativeLambda} times the mean diagonal of the centred X^T X, so the same
 * setting suits features of any scale. Solved by Cholesky on the normal equations.
 */
public final class RidgeReadout {
    private final double[] weights;
    private final double[] featureMean;
    private final double targetMean;

    private RidgeReadout(double[] weights, double[] featureMean, double targetMean) {
        this.weights = weights;
        this.featureMean = featureMean;
        this.targetMean = targetMean;
    }

    /** Fits on rows {@code from .. to-1} of {@code x} (samples x features). */
    public static RidgeReadout fit(double[][] x, double[] y, int from, int to, double relativeLambda) {
        if (to - from < 2 || x.length < to || y.length < to) {
            throw new InvalidInputException("training samples", to - from, "at least 2 samples within the data");
        }
        if (!(relativeLambda > 0)) {
            throw new InvalidInputException("relativeLambda", relativeLambda, "a number > 0");
        }
        int f = x[from].length;
        int n = to - from;
        double[] mean = new double[f];
        double ym = 0;
        for (int s = from; s < to; s++) {
            for (int j = 0; j < f; j++) {
                mean[j] += x[s][j];
            }
            ym += y[s];
        }
        for (int j = 0; j < f; j++) {
            mean[j] /= n;
        }
        ym /= n;
        double[][] a = new double[f][f];
        double[] b = new double[f];
        double[] row = new double[f];
        for (int s = from; s < to; s++) {
            for (int j = 0; j < f; j++) {
                row[j] = x[s][j] - mean[j];
            }
            double yc = y[s] - ym;
            for (int i = 0; i < f; i++) {
                double ri = row[i];
                if (ri == 0) {
                    continue;
                }
                double[] ai = a[i];
                for (int j = i; j < f; j++) {
                    ai[j] += ri * row[j];
                }
                b[i] += ri * yc;
            }
        }
        double trace = 0;
        for (int i = 0; i < f; i++) {
            trace += a[i][i];
            for (int j = 0; j < i; j++) {
                a[i][j] = a[j][i];
            }
        }
        // a feature that never varies still gets a positive diagonal, so the system stays definite
        double lambda = relativeLambda * Math.max(trace / f, 1e-12);
        for (int i = 0; i < f; i++) {
            a[i][i] += lambda;
        }
        double[] w = new CholeskyDecomposition(new Array2DRowRealMatrix(a, false), 1e-12, 1e-300)
                .getSolver().solve(new ArrayRealVector(b, false)).toArray();
        return new RidgeReadout(w, mean, ym);
    }

    public double predict(double[] features) {
        double s = targetMean;
        for (int j = 0; j < weights.length; j++) {
            s += weights[j] * (features[j] - featureMean[j]);
        }
        return s;
    }

    /**
     * Coefficient of determination of the predictions on rows {@code from .. to-1}:
     * R^2 = 1 - sum (y - yhat)^2 / sum (y - mean y)^2 (1 perfect, 0 no better than the mean, can be negative).
     */
    public double rSquared(double[][] x, double[] y, int from, int to) {
        double m = 0;
        for (int s = from; s < to; s++) {
            m += y[s];
        }
        m /= to - from;
        double res = 0;
        double tot = 0;
        for (int s = from; s < to; s++) {
            double e = y[s] - predict(x[s]);
            res += e * e;
            tot += (y[s] - m) * (y[s] - m);
        }
        return tot == 0 ? (res == 0 ? 1 : 0) : 1 - res / tot;
    }
}
