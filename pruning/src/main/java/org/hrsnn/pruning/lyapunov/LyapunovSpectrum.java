package org.hrsnn.pruning.lyapunov;

import org.apache.commons.math3.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.qr.QRDecompositionHouseholderColumn_DDRM;
import org.hrsnn.simulator.InvalidInputException;

/**
 * Leading Lyapunov exponents by the QR (Benettin) method: k orthonormal tangent vectors Q are
 * pushed through the step Jacobian, Y = DF(x_t) Q, re-orthonormalised by a Householder QR
 * (EJML) Y = Q' R every step, and lambda_m = (1 / (T h)) sum_t log |R_mm(t)|.
 *
 * <p><b>Per-neuron exponents.</b> The QR step splits the one-step log volume growth of the
 * leading k-dimensional subspace, sum_m log |R_mm|, into contributions of the orthonormal
 * Lyapunov vectors q_m. Neuron i owns the share Q_im^2 of vector m (the shares of a unit vector
 * sum to 1), so its exponent is the time average of the growth assigned to it:
 * <pre>  lambda_i = (1 / (T h)) sum_t sum_m Q_im(t)^2 log |R_mm(t)|  </pre>
 * Properties (tested): the per-neuron exponents sum to the sum of the k exponents exactly;
 * for a diagonal map with k = N, lambda_i = log |a_i| / h; relabelling the neurons relabels
 * them. A neuron outside the leading subspace gets a share near 0: with k &lt; N the values
 * say how much a neuron takes part in the k leading (least stable) directions.
 *
 * <p>log |R_mm| is floored at -745 (the log of the smallest double) so that a singular step
 * (a map with a zero eigenvalue) gives a very negative, not an infinite, exponent. NaN or
 * +infinity in the state or in R raises {@link LyapunovDivergenceException}.
 */
public final class LyapunovSpectrum {
    private static final double LOG_FLOOR = -745.0;

    private LyapunovSpectrum() {
    }

    public static LyapunovResult compute(TangentDynamics f, double[] x0, LyapunovOptions options, RandomGenerator rng) {
        return compute(f, x0, options, rng, null);
    }

    public static LyapunovResult compute(TangentDynamics f, double[] x0, LyapunovOptions options,
                                         RandomGenerator rng, StateObserver observer) {
        int n = f.dimension();
        int k = options.exponents();
        if (k > n) {
            throw new InvalidInputException("lyapunov.exponents", k, "an integer in [1, " + n + "] (the state dimension)");
        }
        if (x0.length != n) {
            throw new InvalidInputException("lyapunov.initialState.length", x0.length, "the state dimension " + n);
        }
        double[] x = x0.clone();
        double[] next = new double[n];
        DMatrixRMaj q = new DMatrixRMaj(n, k);
        for (int i = 0; i < n * k; i++) {
            q.data[i] = rng.nextGaussian();
        }
        DMatrixRMaj y = new DMatrixRMaj(n, k);
        DMatrixRMaj r = new DMatrixRMaj(k, k);
        QRDecompositionHouseholderColumn_DDRM qr = new QRDecompositionHouseholderColumn_DDRM();
        orthonormalise(qr, q, q, r, 0);

        double[] sums = new double[k];
        double[] logR = new double[k];
        double[] perNeuron = options.perNeuron() ? new double[n] : null;
        int points = Math.min(options.checkpoints(), options.steps());
        int[] cpSteps = new int[points];
        double[][] cpValues = new double[points][];
        int cp = 0;
        double h = f.stepTime();
        int total = options.transientSteps() + options.steps();
        for (int t = 0; t < total; t++) {
            f.jacobianTimes(x, q, y);
            f.step(x, next);
            double[] tmp = x;
            x = next;
            next = tmp;
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(x[i])) {
                    throw new LyapunovDivergenceException("state", t);
                }
            }
            orthonormalise(qr, y, q, r, t);
            int measured = t - options.transientSteps();
            if (measured < 0) {
                continue;
            }
            for (int m = 0; m < k; m++) {
                logR[m] = Math.max(LOG_FLOOR, Math.log(Math.abs(r.data[m * k + m])));
                sums[m] += logR[m];
            }
            if (perNeuron != null) {
                for (int i = 0; i < n; i++) {
                    double s = 0;
                    int row = i * k;
                    for (int m = 0; m < k; m++) {
                        double v = q.data[row + m];
                        s += v * v * logR[m];
                    }
                    perNeuron[i] += s;
                }
            }
            if (observer != null) {
                observer.observe(x);
            }
            int done = measured + 1;
            if (cp < points && done == (long) options.steps() * (cp + 1) / points) {
                cpSteps[cp] = done;
                double[] est = new double[k];
                for (int m = 0; m < k; m++) {
                    est[m] = sums[m] / (done * h);
                }
                cpValues[cp++] = est;
            }
        }
        double norm = 1.0 / (options.steps() * h);
        double[] exponents = new double[k];
        for (int m = 0; m < k; m++) {
            exponents[m] = sums[m] * norm;
        }
        if (perNeuron != null) {
            for (int i = 0; i < n; i++) {
                perNeuron[i] *= norm;
            }
        }
        return new LyapunovResult(exponents, perNeuron, cpSteps, cpValues, x);
    }

    /** q = orthonormal factor of y, r = its triangular factor. */
    private static void orthonormalise(QRDecompositionHouseholderColumn_DDRM qr, DMatrixRMaj y, DMatrixRMaj q,
                                       DMatrixRMaj r, int step) {
        for (double v : y.data) {
            if (!Double.isFinite(v)) {
                throw new LyapunovDivergenceException("tangent", step);
            }
        }
        if (!qr.decompose(y)) {
            throw new LyapunovDivergenceException("qr", step);
        }
        qr.getQ(q, true);
        qr.getR(r, true);
    }
}
