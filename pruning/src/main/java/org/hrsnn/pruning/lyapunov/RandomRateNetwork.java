package org.hrsnn.pruning.lyapunov;

import org.apache.commons.math3.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The random rate network dx/dt = -x + g J tanh(x), J_ij ~ N(0, 1/N) (Sompolinsky, Crisanti and
 * Sommers 1988), integrated by forward Euler with step h (time in units of the neurons' time
 * constant). For large N its largest Lyapunov exponent crosses zero at g = 1: the test bed for
 * {@link LyapunovSpectrum} on a system with a known transition to chaos.
 */
public final class RandomRateNetwork implements TangentDynamics {
    private final int n;
    private final double h;
    /** g J, dense row-major. */
    private final DMatrixRMaj coupling;
    private final double[] phi;
    private final DMatrixRMaj scaled;

    public RandomRateNetwork(int n, double gain, double h, RandomGenerator rng) {
        this.n = n;
        this.h = h;
        this.coupling = new DMatrixRMaj(n, n);
        double sd = gain / Math.sqrt(n);
        for (int i = 0; i < n * n; i++) {
            coupling.data[i] = sd * rng.nextGaussian();
        }
        this.phi = new double[n];
        this.scaled = new DMatrixRMaj(n, 1);
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double stepTime() {
        return h;
    }

    @Override
    public void step(double[] x, double[] next) {
        for (int j = 0; j < n; j++) {
            phi[j] = Math.tanh(x[j]);
        }
        for (int i = 0; i < n; i++) {
            double s = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                s += coupling.data[row + j] * phi[j];
            }
            next[i] = x[i] + h * (-x[i] + s);
        }
    }

    @Override
    public void jacobianTimes(double[] x, DMatrixRMaj in, DMatrixRMaj out) {
        // DF = (1 - h) I + h g J diag(sech^2 x)
        int k = in.numCols;
        if (scaled.numRows != n || scaled.numCols != k) {
            scaled.reshape(n, k);
        }
        for (int j = 0; j < n; j++) {
            double t = Math.tanh(x[j]);
            double d = h * (1 - t * t);
            for (int c = 0; c < k; c++) {
                scaled.data[j * k + c] = d * in.data[j * k + c];
            }
        }
        CommonOps_DDRM.mult(coupling, scaled, out);
        for (int i = 0; i < n * k; i++) {
            out.data[i] += (1 - h) * in.data[i];
        }
    }
}
