package org.hrsnn.pruning.lyapunov;

/**
 * What the QR method measured.
 *
 * @param exponents          the k leading exponents in Gram-Schmidt order (descending up to
 *                           finite-time noise), per unit of {@link TangentDynamics#stepTime()}
 *                           (1/ms for network models)
 * @param perNeuron          per-neuron exponents (see {@link LyapunovSpectrum}), or null
 * @param checkpointSteps    measured steps at which the running estimate was recorded
 * @param checkpointExponents running estimate of the k exponents at each checkpoint: the
 *                           finite-time convergence trace
 * @param finalState         state after the last step
 */
public record LyapunovResult(double[] exponents, double[] perNeuron, int[] checkpointSteps,
                             double[][] checkpointExponents, double[] finalState) {
    public double largest() {
        double m = Double.NEGATIVE_INFINITY;
        for (double e : exponents) {
            m = Math.max(m, e);
        }
        return m;
    }

    public double sum() {
        double s = 0;
        for (double e : exponents) {
            s += e;
        }
        return s;
    }
}
