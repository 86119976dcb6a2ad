package org.hrsnn.learning.gradient;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hrsnn.learning.cost.CostReport;
import org.hrsnn.learning.model.ModelState;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.simulator.InvalidInputException;

/**
 * Exact real-time recurrent learning (Williams and Zipser 1989) with the full influence matrix
 * J_t = dh_t/dtheta of the state h = (v, a) (2n rows) over the p = synapses + n inputs parameters
 * that act on the state: J_t = D_t J_{t-1} + I_t with the dense step Jacobian
 *
 * <pre>
 *   dv_t/dv_{t-1} = diag(alpha) + (W_rec - diag(vth)) diag(psi_{t-1})
 *   dv_t/da_{t-1} = -(W_rec - diag(vth)) diag(beta psi_{t-1})
 *   da_t/dv_{t-1} = diag(psi_{t-1}),  da_t/da_{t-1} = diag(rho - beta psi_{t-1})
 * </pre>
 *
 * (EJML dense product, O(n^2 p) per step) and the spike influence dz_t = psi_t (J_v - beta J_a).
 * Memory O(n p): for small networks only; the constructor refuses a network whose influence
 * matrices would exceed the byte limit and says how much it would need.
 */
public final class Rtrl extends ForwardEstimator {
    private final int n;
    private final int p;
    private final DMatrixRMaj d;
    private DMatrixRMaj j;
    private DMatrixRMaj jNext;
    private final double[] zbar;
    private final boolean adaptation;

    /** Exact RTRL with a memory limit of half the JVM's maximum heap. */
    public Rtrl(RecurrentSpikingModel model) {
        this(model, Runtime.getRuntime().maxMemory() / 2);
    }

    public Rtrl(RecurrentSpikingModel model, long maxBytes) {
        super(model, null);
        this.n = model.n;
        this.p = model.stateParameters();
        long bytes = requiredBytes(model);
        if (bytes > maxBytes) {
            throw new InvalidInputException("rtrl.memory", bytes + " bytes (" + (bytes >> 20) + " MiB)",
                    "at most " + maxBytes + " bytes for exact RTRL on this network (n = " + n + ", p = " + p
                            + "); use snap-1, snap-2 or e-prop");
        }
        this.d = new DMatrixRMaj(2 * n, 2 * n);
        this.j = new DMatrixRMaj(2 * n, p);
        this.jNext = new DMatrixRMaj(2 * n, p);
        this.zbar = new double[n * p];
        this.adaptation = model.hasAdaptation();
    }

    /** Bytes for the two influence matrices, the filtered spike influence and the Jacobian. */
    public static long requiredBytes(RecurrentSpikingModel m) {
        long n = m.n;
        long p = m.stateParameters();
        return 8L * (2 * (2 * n * p) + n * p + 4 * n * n);
    }

    @Override
    public String name() {
        return "rtrl";
    }

    @Override
    protected void resetTraces() {
        j.zero();
        jNext.zero();
        java.util.Arrays.fill(zbar, 0);
    }

    @Override
    public void step(ModelState s, double[] x, double[] outputError, double[] spikeError) {
        readoutAndSignal(s, outputError, spikeError);
        RecurrentSpikingModel m = model;
        double[] w = m.params;
        double[] psiPrev = s.psiPrev;
        d.zero();
        int n2 = 2 * n;
        double[] dd = d.data;
        for (int k = 0; k < n; k++) {
            dd[k * n2 + k] = m.alpha[k] - m.vth[k] * psiPrev[k];
            dd[k * n2 + n + k] = m.vth[k] * m.beta[k] * psiPrev[k];
            dd[(n + k) * n2 + k] = psiPrev[k];
            dd[(n + k) * n2 + n + k] = m.rho[k] - m.beta[k] * psiPrev[k];
        }
        for (int mm = 0; mm < n; mm++) {
            for (int syn = m.rowStart[mm]; syn < m.rowStart[mm + 1]; syn++) {
                int k = m.target[syn];
                dd[k * n2 + mm] += w[syn] * psiPrev[mm];
                dd[k * n2 + n + mm] -= w[syn] * m.beta[mm] * psiPrev[mm];
            }
        }
        CommonOps_DDRM.mult(d, j, jNext);
        DMatrixRMaj t = j;
        j = jNext;
        jNext = t;
        double[] jd = j.data;
        // Immediate derivatives: dv_j/dW_rec[j,i] = z_{t-1,i}, dv_j/dW_in[j,c] = x_c.
        for (int syn = 0; syn < m.synapses(); syn++) {
            jd[m.target[syn] * p + syn] += s.zPrev[m.source[syn]];
        }
        for (int k = 0; k < n; k++) {
            int base = m.inOffset + k * m.inputs;
            for (int c = 0; c < m.inputs; c++) {
                jd[k * p + base + c] += x[c];
            }
        }
        double kappa = m.kappa;
        for (int k = 0; k < n; k++) {
            double psi = s.psi[k];
            double beta = m.beta[k];
            double lf = filteredSignal[k];
            double ld = directSignal[k];
            int rv = k * p;
            int ra = (n + k) * p;
            int rz = k * p;
            for (int q = 0; q < p; q++) {
                double dz = psi * (jd[rv + q] - beta * jd[ra + q]);
                double zb = kappa * zbar[rz + q] + dz;
                zbar[rz + q] = zb;
                grad[q] += lf * zb + ld * dz;
            }
        }
    }

    @Override
    public CostReport cost() {
        long np = (long) n * p;
        long stateFloats = (long) j.data.length + zbar.length;
        long macs = (2L * n) * (2L * n) * p + 4 * np;
        return new CostReport(name(), stateFloats, macs,
                "influence of (v, a) on every state parameter (2 n p) and its kappa-filtered spike influence (n p);"
                        + " dense Jacobian product (2n)^2 p per step" + (adaptation ? "" : " (a rows unused: no ALIF)"));
    }
}
