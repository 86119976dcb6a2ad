package org.hrsnn.learning.gradient;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hrsnn.learning.cost.CostReport;
import org.hrsnn.learning.model.ModelState;
import org.hrsnn.learning.model.RecurrentSpikingModel;

/**
 * Backpropagation through time: the reference gradient. Every step is recorded (z_{t-1}, z_t,
 * psi_t, x_t, dl/dy_t, direct spike error); {@link #flush()} runs the adjoint recursion backward
 * over the recorded steps and forgets them:
 *
 * <pre>
 *   gy_t = dl_t/dy_t + kappa gy_{t+1}
 *   gz_t = W_out^T gy_t + e_t + ga_{t+1} + W_rec^T gv_{t+1} - vth gv_{t+1}
 *   gv_t = psi_t gz_t + alpha gv_{t+1}
 *   ga_t = -beta psi_t gz_t + rho ga_{t+1}
 *   dW_rec[j,i] += gv_t[j] z_{t-1,i};  dW_in[j,c] += gv_t[j] x_{t,c};  dW_out[k,j] += gy_t[k] z_t[j];  db += gy_t
 * </pre>
 *
 * The adjoints beyond the last recorded step are zero: flushed once per sequence this is full
 * BPTT, flushed every K steps it is truncated BPTT with window K. With {@code stopGradient} the
 * two terms through z in the recurrence and the reset (W_rec^T gv and vth gv) are dropped, which
 * makes BPTT compute exactly the e-prop gradient (Bellec et al. 2020).
 */
public class Bptt implements GradientEstimator {
    protected final RecurrentSpikingModel model;
    private final boolean stopGradient;
    private final int window;
    private final double[] grad;
    private final List<double[]> zPrevs = new ArrayList<>();
    private final List<double[]> zs = new ArrayList<>();
    private final List<double[]> psis = new ArrayList<>();
    private final List<double[]> xs = new ArrayList<>();
    private final List<double[]> gys = new ArrayList<>();
    private final List<double[]> spikeErrs = new ArrayList<>();
    private int recorded;
    private int maxRecorded;

    /** Full BPTT (window = until flushed). */
    public Bptt(RecurrentSpikingModel model) {
        this(model, Integer.MAX_VALUE, false);
    }

    /**
     * @param window       run backward automatically every {@code window} steps (truncation)
     * @param stopGradient drop the gradient through z in the recurrence and the reset
     */
    public Bptt(RecurrentSpikingModel model, int window, boolean stopGradient) {
        if (window <= 0) {
            throw new org.hrsnn.simulator.InvalidInputException("bptt.window", window, "an integer > 0");
        }
        this.model = model;
        this.window = window;
        this.stopGradient = stopGradient;
        this.grad = new double[model.parameterCount()];
    }

    @Override
    public String name() {
        return stopGradient ? "bptt-stop-gradient" : window == Integer.MAX_VALUE ? "bptt" : "tbptt-" + window;
    }

    @Override
    public void beginSequence() {
        recorded = 0;
    }

    private double[] slot(List<double[]> list, int len) {
        if (recorded < list.size()) {
            return list.get(recorded);
        }
        double[] a = new double[len];
        list.add(a);
        return a;
    }

    @Override
    public void step(ModelState s, double[] x, double[] outputError, double[] spikeError) {
        RecurrentSpikingModel m = model;
        System.arraycopy(s.zPrev, 0, slot(zPrevs, m.n), 0, m.n);
        System.arraycopy(s.z, 0, slot(zs, m.n), 0, m.n);
        System.arraycopy(s.psi, 0, slot(psis, m.n), 0, m.n);
        System.arraycopy(x, 0, slot(xs, m.inputs), 0, m.inputs);
        System.arraycopy(outputError, 0, slot(gys, m.outputs), 0, m.outputs);
        double[] e = slot(spikeErrs, m.n);
        if (spikeError == null) {
            Arrays.fill(e, 0);
        } else {
            System.arraycopy(spikeError, 0, e, 0, m.n);
        }
        recorded++;
        maxRecorded = Math.max(maxRecorded, recorded);
        if (recorded >= window) {
            flush();
        }
    }

    @Override
    public void flush() {
        RecurrentSpikingModel m = model;
        int n = m.n;
        int nOut = m.outputs;
        int nIn = m.inputs;
        double[] p = m.params;
        double[] gvNext = new double[n];
        double[] gaNext = new double[n];
        double[] gyNext = new double[nOut];
        double[] gv = new double[n];
        double[] ga = new double[n];
        double[] gy = new double[nOut];
        double[] gz = new double[n];
        for (int r = recorded - 1; r >= 0; r--) {
            double[] gl = gys.get(r);
            for (int k = 0; k < nOut; k++) {
                gy[k] = gl[k] + m.kappa * gyNext[k];
            }
            double[] e = spikeErrs.get(r);
            for (int j = 0; j < n; j++) {
                double acc = e[j] + gaNext[j];
                if (!stopGradient) {
                    acc -= m.vth[j] * gvNext[j];
                    for (int k = m.rowStart[j]; k < m.rowStart[j + 1]; k++) {
                        acc += p[k] * gvNext[m.target[k]];
                    }
                }
                for (int k = 0; k < nOut; k++) {
                    acc += p[m.outOffset + k * n + j] * gy[k];
                }
                gz[j] = acc;
            }
            double[] psi = psis.get(r);
            for (int j = 0; j < n; j++) {
                gv[j] = psi[j] * gz[j] + m.alpha[j] * gvNext[j];
                ga[j] = -m.beta[j] * psi[j] * gz[j] + m.rho[j] * gaNext[j];
            }
            double[] zPrev = zPrevs.get(r);
            for (int i = 0; i < n; i++) {
                double zi = zPrev[i];
                if (zi != 0) {
                    for (int k = m.rowStart[i]; k < m.rowStart[i + 1]; k++) {
                        grad[k] += gv[m.target[k]] * zi;
                    }
                }
            }
            double[] x = xs.get(r);
            for (int j = 0; j < n; j++) {
                int base = m.inOffset + j * nIn;
                for (int c = 0; c < nIn; c++) {
                    grad[base + c] += gv[j] * x[c];
                }
            }
            double[] z = zs.get(r);
            for (int k = 0; k < nOut; k++) {
                int base = m.outOffset + k * n;
                for (int j = 0; j < n; j++) {
                    grad[base + j] += gy[k] * z[j];
                }
                grad[m.biasOffset + k] += gy[k];
            }
            double[] t = gvNext;
            gvNext = gv;
            gv = t;
            t = gaNext;
            gaNext = ga;
            ga = t;
            t = gyNext;
            gyNext = gy;
            gy = t;
        }
        recorded = 0;
    }

    @Override
    public double[] gradient() {
        return grad;
    }

    @Override
    public void clearGradient() {
        Arrays.fill(grad, 0);
    }

    /** Steps per backward pass used for the counts: the window, or the longest sequence recorded so far. */
    @Override
    public CostReport cost() {
        RecurrentSpikingModel m = model;
        long perStep = 3L * m.n + m.inputs + m.outputs + m.n;
        long steps = window == Integer.MAX_VALUE ? Math.max(1, maxRecorded) : window;
        long macs = (stopGradient ? 0 : m.synapses() + m.n) + 2L * m.outputs * m.n + 4L * m.n
                + m.synapses() + (long) m.n * m.inputs;
        return new CostReport(name(), perStep * steps, macs,
                "history of z_{t-1}, z_t, psi_t, x_t, dl/dy_t, spike error per step (" + perStep + " floats) x "
                        + steps + " steps; backward: W_rec^T, W_out^T, adjoint updates and gradient outer products"
                        + " (spike-sparse in practice)");
    }
}
