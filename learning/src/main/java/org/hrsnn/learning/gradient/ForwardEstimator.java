package org.hrsnn.learning.gradient;

import java.util.Arrays;
import org.hrsnn.learning.model.ModelState;
import org.hrsnn.learning.model.RecurrentSpikingModel;

/**
 * Shared part of the forward-in-time rules (RTRL, SnAp-n, e-prop): the exact readout gradient
 * and the learning signal.
 *
 * <p>The readout y_t = kappa y_{t-1} + W_out z_t + b makes dy_t/dtheta = W_out Zbar_t with
 * Zbar_t = kappa Zbar_{t-1} + dz_t/dtheta (the kappa-filtered spike influence). So the gradient
 * of sum_t l_t(y_t) is sum_t sum_j L_{t,j} Zbar_t[j, theta] with the learning signal
 * L_{t,j} = sum_k B[k,j] dl_t/dy_{t,k}, B = W_out (exact) or a fixed random matrix (e-prop
 * random feedback). A direct spike error adds sum_j e_{t,j} dz_t[j, theta] unfiltered. The
 * readout's own parameters get the exact gradient: dy_t/dW_out[k,j] = zbar_t[j] with
 * zbar_t = kappa zbar_{t-1} + z_t, dy_t/db_k = sum_s kappa^s.
 */
abstract class ForwardEstimator implements GradientEstimator {
    protected final RecurrentSpikingModel model;
    protected final double[] grad;
    /** Feedback matrix [k * n + j]; null means symmetric (the current W_out). */
    protected final double[] feedback;
    protected final double[] filteredSignal;
    protected final double[] directSignal;
    protected boolean hasFiltered;
    protected boolean hasDirect;
    private final double[] zbarOut;
    private double biasTrace;

    ForwardEstimator(RecurrentSpikingModel model, double[] feedback) {
        this.model = model;
        this.grad = new double[model.parameterCount()];
        if (feedback != null && feedback.length != model.outputs * model.n) {
            throw new IllegalArgumentException("feedback must have outputs x n entries");
        }
        this.feedback = feedback;
        this.filteredSignal = new double[model.n];
        this.directSignal = new double[model.n];
        this.zbarOut = new double[model.n];
    }

    @Override
    public void beginSequence() {
        Arrays.fill(zbarOut, 0);
        biasTrace = 0;
        resetTraces();
    }

    protected abstract void resetTraces();

    /** Readout gradient and learning signals for step t; call first in step(). */
    protected final void readoutAndSignal(ModelState s, double[] outputError, double[] spikeError) {
        RecurrentSpikingModel m = model;
        int n = m.n;
        double kappa = m.kappa;
        double[] z = s.z;
        for (int j = 0; j < n; j++) {
            zbarOut[j] = kappa * zbarOut[j] + z[j];
        }
        biasTrace = kappa * biasTrace + 1;
        hasFiltered = false;
        for (double e : outputError) {
            if (e != 0) {
                hasFiltered = true;
                break;
            }
        }
        double[] b = feedback == null ? m.params : feedback;
        int bOff = feedback == null ? m.outOffset : 0;
        if (hasFiltered) {
            Arrays.fill(filteredSignal, 0);
            for (int k = 0; k < m.outputs; k++) {
                double e = outputError[k];
                if (e == 0) {
                    continue;
                }
                int rowB = bOff + k * n;
                int rowG = m.outOffset + k * n;
                for (int j = 0; j < n; j++) {
                    filteredSignal[j] += b[rowB + j] * e;
                    grad[rowG + j] += e * zbarOut[j];
                }
                grad[m.biasOffset + k] += e * biasTrace;
            }
        } else {
            Arrays.fill(filteredSignal, 0);
        }
        hasDirect = spikeError != null;
        if (hasDirect) {
            System.arraycopy(spikeError, 0, directSignal, 0, n);
        } else {
            Arrays.fill(directSignal, 0);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public double[] gradient() {
        return grad;
    }

    @Override
    public void clearGradient() {
        Arrays.fill(grad, 0);
    }
}
