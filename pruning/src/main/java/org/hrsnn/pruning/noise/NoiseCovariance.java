package org.hrsnn.pruning.noise;

import org.ejml.data.DMatrixRMaj;
import org.hrsnn.simulator.network.Network;

/**
 * The stationary covariance C of the linearised network (A C + C A^T + Sigma = 0, see
 * {@link Linearisation}). If the linearisation at the operating point is unstable (a chaotic
 * or runaway surrogate), there is no stationary covariance: then the covariance of the nearest
 * shifted system A - delta I is used, delta starting at 5 % of the mean leak rate and doubling
 * until the solver converges (at most 10 times); the shift used is reported.
 *
 * @param covariance the N x N matrix C (mV^2)
 * @param shift      delta (1/ms), 0 when A itself is stable
 * @param doublings  Smith doublings of the final solve
 */
public record NoiseCovariance(DMatrixRMaj covariance, double shift, int doublings) {

    public static NoiseCovariance of(Network network, double[] gain) {
        DMatrixRMaj a = Linearisation.jacobian(network, gain);
        DMatrixRMaj sigma = Linearisation.noise(network);
        return solve(a, sigma, meanLeak(network));
    }

    /** Solves with the stabilising shift described above. */
    public static NoiseCovariance solve(DMatrixRMaj a, DMatrixRMaj sigma, double leakScale) {
        ContinuousLyapunovSolver solver = new ContinuousLyapunovSolver();
        double delta = 0;
        UnstableSystemException last = null;
        for (int attempt = 0; attempt <= 10; attempt++) {
            DMatrixRMaj shifted = a;
            if (delta > 0) {
                shifted = a.copy();
                for (int i = 0; i < a.numRows; i++) {
                    shifted.add(i, i, -delta);
                }
            }
            try {
                DMatrixRMaj c = solver.solve(shifted, sigma);
                return new NoiseCovariance(c, delta, solver.lastDoublings());
            } catch (UnstableSystemException e) {
                last = e;
                delta = delta == 0 ? 0.05 * leakScale : 2 * delta;
            }
        }
        throw last;
    }

    private static double meanLeak(Network network) {
        double s = 0;
        for (double t : network.parameters().membraneTau) {
            s += 1.0 / t;
        }
        return s / network.size();
    }
}
