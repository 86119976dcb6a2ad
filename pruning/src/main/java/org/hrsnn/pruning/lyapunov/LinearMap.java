package org.hrsnn.pruning.lyapunov;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * x_{t+1} = A x_t: the reference system whose Lyapunov exponents are known exactly
 * (log |eigenvalue| per step, sorted by modulus).
 */
public final class LinearMap implements TangentDynamics {
    private final DMatrixRMaj a;

    public LinearMap(DMatrixRMaj a) {
        if (a.numRows != a.numCols) {
            throw new IllegalArgumentException("a linear map needs a square matrix");
        }
        this.a = a.copy();
    }

    @Override
    public int dimension() {
        return a.numRows;
    }

    @Override
    public double stepTime() {
        return 1.0;
    }

    @Override
    public void step(double[] x, double[] next) {
        int n = a.numRows;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a.data[i * n + j] * x[j];
            }
            next[i] = s;
        }
    }

    @Override
    public void jacobianTimes(double[] x, DMatrixRMaj in, DMatrixRMaj out) {
        CommonOps_DDRM.mult(a, in, out);
    }
}
