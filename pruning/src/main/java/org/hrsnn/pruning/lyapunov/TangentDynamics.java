package org.hrsnn.pruning.lyapunov;

import org.ejml.data.DMatrixRMaj;

/**
 * A discrete-time map x_{t+1} = F(x_t) with its Jacobian, as needed by the QR (Benettin)
 * method: the state advances with {@link #step}, tangent vectors with {@link #jacobianTimes}.
 */
public interface TangentDynamics {
    /** Dimension of the state (number of neurons for network models). */
    int dimension();

    /** Time covered by one step (ms for network models; the model's own unit otherwise). */
    double stepTime();

    /** Writes F(x) into {@code next} (the two arrays are distinct). */
    void step(double[] x, double[] next);

    /**
     * Writes DF(x) * in into {@code out}; {@code in} and {@code out} are dimension x k row-major
     * (row i holds the i-th component of the k tangent vectors), distinct matrices.
     */
    void jacobianTimes(double[] x, DMatrixRMaj in, DMatrixRMaj out);
}
