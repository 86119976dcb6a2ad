package org.hrsnn.simulator.readout;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.hrsnn.simulator.InvalidInputException;

/**
 * Linear readout y = W^T x + b fitted by ridge regression: features and targets are centred,
 * W = (X^T X + lambda I)^-1 X^T Y with lambda = ridge * mean diagonal of X^T X (so the
 * regularisation does not depend on the scale of the features), b = mean(y) - W^T mean(x).
 */
public final class RidgeRegression {
    private final DMatrixRMaj weights;
    private final double[] featureMean;
    private final double[] targetMean;

    private RidgeRegression(DMatrixRMaj weights, double[] featureMean, double[] targetMean) {
        this.weights = weights;
        this.featureMean = featureMean;
        this.targetMean = targetMean;
    }

    /**
     * Fits rows [from, to) of x (T x F) to the same rows of y (T x D). A feature that never varies
     * still gets a positive diagonal (lambda has a floor), so the system stays definite.
     */
    public static RidgeRegression fit(double[][] x, double[][] y, int from, int to, double ridge) {
        RidgeRegression r = NormalEquations.of(x, y, from, to).solve(ridge);
        if (r == null) {
            throw new IllegalStateException("ridge system not positive definite");
        }
        return r;
    }

    /**
     * The centred normal equations X^T X, X^T Y of one training range, formed once, so that
     * several ridge strengths cost one Cholesky solve each (choosing the strength on a validation
     * split).
     */
    public static final class NormalEquations {
        private final DMatrixRMaj xtx;
        private final DMatrixRMaj xty;
        private final double[] featureMean;
        private final double[] targetMean;
        private final double diagonalMean;

        private NormalEquations(DMatrixRMaj xtx, DMatrixRMaj xty, double[] featureMean, double[] targetMean) {
            this.xtx = xtx;
            this.xty = xty;
            this.featureMean = featureMean;
            this.targetMean = targetMean;
            double trace = 0;
            for (int c = 0; c < xtx.numRows; c++) {
                trace += xtx.get(c, c);
            }
            this.diagonalMean = Math.max(trace / xtx.numRows, 1e-12);
        }

        /** Rows [from, to) of x (T x F) and y (T x D), centred on their means over those rows. */
        public static NormalEquations of(double[][] x, double[][] y, int from, int to) {
            if (from < 0 || to - from < 2 || x.length < to || y.length < to) {
                throw new InvalidInputException("training samples", to - from, "at least 2 samples within the data");
            }
            int f = x[0].length;
            int d = y[0].length;
            int t = to - from;
            double[] mx = new double[f];
            double[] my = new double[d];
            for (int r = from; r < to; r++) {
                for (int c = 0; c < f; c++) {
                    mx[c] += x[r][c];
                }
                for (int c = 0; c < d; c++) {
                    my[c] += y[r][c];
                }
            }
            for (int c = 0; c < f; c++) {
                mx[c] /= t;
            }
            for (int c = 0; c < d; c++) {
                my[c] /= t;
            }
            DMatrixRMaj xm = new DMatrixRMaj(t, f);
            DMatrixRMaj ym = new DMatrixRMaj(t, d);
            for (int r = 0; r < t; r++) {
                for (int c = 0; c < f; c++) {
                    xm.data[r * f + c] = x[from + r][c] - mx[c];
                }
                for (int c = 0; c < d; c++) {
                    ym.data[r * d + c] = y[from + r][c] - my[c];
                }
            }
            DMatrixRMaj xtx = new DMatrixRMaj(f, f);
            CommonOps_DDRM.multTransA(xm, xm, xtx);
            DMatrixRMaj xty = new DMatrixRMaj(f, d);
            CommonOps_DDRM.multTransA(xm, ym, xty);
            return new NormalEquations(xtx, xty, mx, my);
        }

        /**
         * The readout for lambda = ridge * mean diagonal of X^T X, or null when the system is
         * numerically singular at this strength.
         */
        public RidgeRegression solve(double ridge) {
            if (!(ridge > 0) || Double.isInfinite(ridge)) {
                throw new InvalidInputException("ridge", ridge, "a finite number > 0");
            }
            int f = xtx.numRows;
            DMatrixRMaj a = xtx.copy();
            double lambda = ridge * diagonalMean;
            for (int c = 0; c < f; c++) {
                a.add(c, c, lambda);
            }
            LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(f);
            if (!solver.setA(a)) {
                return null;
            }
            DMatrixRMaj w = new DMatrixRMaj(f, xty.numCols);
            solver.solve(xty, w);
            return new RidgeRegression(w, featureMean, targetMean);
        }
    }

    /** Prediction for one feature row: D outputs. */
    public double[] predict(double[] row) {
        int f = featureMean.length;
        int d = targetMean.length;
        double[] out = targetMean.clone();
        for (int c = 0; c < f; c++) {
            double v = row[c] - featureMean[c];
            if (v == 0) {
                continue;
            }
            for (int o = 0; o < d; o++) {
                out[o] += v * weights.data[c * d + o];
            }
        }
        return out;
    }
}
