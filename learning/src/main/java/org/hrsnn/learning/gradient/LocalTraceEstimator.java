package org.hrsnn.learning.gradient;

import java.util.Arrays;
import org.hrsnn.learning.cost.CostReport;
import org.hrsnn.learning.model.ModelState;
import org.hrsnn.learning.model.RecurrentSpikingModel;

/**
 * The per-parameter trace loop shared by SnAp-1 and e-prop: every parameter acting on neuron j
 * keeps the influence on j's own state only (eps_v, and eps_a for ALIF) plus its kappa-filtered
 * spike influence, one loop over the synapses grouped by postsynaptic neuron with the neuron's
 * constants hoisted. Per step, with dz_{t-1} = psi_{t-1} (eps_v - beta eps_a):
 *
 * <pre>
 *   eps_v <- alpha eps_v + c_j dz_{t-1} + (z_{t-1,i} or x_{t,c})
 *   eps_a <- rho eps_a + dz_{t-1}
 *   e = psi_t (eps_v - beta eps_a);  ebar <- kappa ebar + e;  g += L_j ebar + E_j e
 * </pre>
 *
 * SnAp-1 has c_j = w_jj - vth_j (its own reset and self-synapse: the diagonal of the Jacobian);
 * e-prop has c_j = 0 (stop-gradient through z in the recurrence and the reset).
 */
abstract class LocalTraceEstimator extends ForwardEstimator {
    private final boolean diagonalCoupling;
    private final boolean adaptation;
    /** Presynaptic neuron of the recurrent trace p (grouped by postsynaptic neuron). */
    private final int[] groupedSource;
    private final double[] ev;
    private final double[] ea;
    private final double[] eb;
    private final double[] groupedGrad;
    private final int nnz;

    LocalTraceEstimator(RecurrentSpikingModel model, double[] feedback, boolean diagonalCoupling) {
        super(model, feedback);
        this.diagonalCoupling = diagonalCoupling;
        this.adaptation = model.hasAdaptation();
        this.nnz = model.synapses();
        int p = model.stateParameters();
        groupedSource = new int[nnz];
        for (int q = 0; q < nnz; q++) {
            groupedSource[q] = model.source[model.inSynapse[q]];
        }
        ev = new double[p];
        ea = adaptation ? new double[p] : null;
        eb = new double[p];
        groupedGrad = new double[p];
    }

    @Override
    protected void resetTraces() {
        Arrays.fill(ev, 0);
        if (ea != null) {
            Arrays.fill(ea, 0);
        }
        Arrays.fill(eb, 0);
    }

    @Override
    public void step(ModelState s, double[] x, double[] outputError, double[] spikeError) {
        readoutAndSignal(s, outputError, spikeError);
        RecurrentSpikingModel m = model;
        double kappa = m.kappa;
        boolean signal = hasFiltered || hasDirect;
        int nIn = m.inputs;
        double[] zPrev = s.zPrev;
        for (int j = 0; j < m.n; j++) {
            double pp = s.psiPrev[j];
            double ps = s.psi[j];
            double aj = m.alpha[j];
            double bj = m.beta[j];
            double rj = m.rho[j];
            double cj = 0;
            if (diagonalCoupling) {
                int self = m.selfSynapse[j];
                cj = (self >= 0 ? m.params[self] : 0) - m.vth[j];
            }
            double lf = filteredSignal[j];
            double ld = directSignal[j];
            int q0 = m.inStart[j];
            int q1 = m.inStart[j + 1];
            int i0 = nnz + j * nIn;
            if (ea == null || bj == 0) {
                updateLif(q0, q1, aj, cj, pp, ps, kappa, lf, ld, signal, zPrev, null, 0);
                updateLif(i0, i0 + nIn, aj, cj, pp, ps, kappa, lf, ld, signal, x, null, i0);
            } else {
                updateAlif(q0, q1, aj, bj, rj, cj, pp, ps, kappa, lf, ld, signal, zPrev, null, 0);
                updateAlif(i0, i0 + nIn, aj, bj, rj, cj, pp, ps, kappa, lf, ld, signal, x, null, i0);
            }
        }
    }

    /** Traces [q0, q1): recurrent ones (source zPrev[groupedSource[q]]) when base == 0, else inputs x[q - base]. */
    private void updateLif(int q0, int q1, double aj, double cj, double pp, double ps, double kappa, double lf,
                           double ld, boolean signal, double[] src, int[] unused, int base) {
        double[] ev = this.ev;
        double[] eb = this.eb;
        double[] g = groupedGrad;
        boolean rec = base == 0;
        int[] gs = groupedSource;
        double decay = aj + cj * pp;
        for (int q = q0; q < q1; q++) {
            double imm = rec ? src[gs[q]] : src[q - base];
            double v = decay * ev[q] + imm;
            ev[q] = v;
            double e = ps * v;
            double b = kappa * eb[q] + e;
            eb[q] = b;
            if (signal) {
                g[q] += lf * b + ld * e;
            }
        }
    }

    private void updateAlif(int q0, int q1, double aj, double bj, double rj, double cj, double pp, double ps,
                            double kappa, double lf, double ld, boolean signal, double[] src, int[] unused, int base) {
        double[] ev = this.ev;
        double[] ea = this.ea;
        double[] eb = this.eb;
        double[] g = groupedGrad;
        boolean rec = base == 0;
        int[] gs = groupedSource;
        for (int q = q0; q < q1; q++) {
            double imm = rec ? src[gs[q]] : src[q - base];
            double dzp = pp * (ev[q] - bj * ea[q]);
            double v = aj * ev[q] + cj * dzp + imm;
            double a = rj * ea[q] + dzp;
            ev[q] = v;
            ea[q] = a;
            double e = ps * (v - bj * a);
            double b = kappa * eb[q] + e;
            eb[q] = b;
            if (signal) {
                g[q] += lf * b + ld * e;
            }
        }
    }

    @Override
    public double[] gradient() {
        for (int q = 0; q < nnz; q++) {
            grad[model.inSynapse[q]] = groupedGrad[q];
        }
        System.arraycopy(groupedGrad, nnz, grad, nnz, model.stateParameters() - nnz);
        return grad;
    }

    @Override
    public void clearGradient() {
        super.clearGradient();
        Arrays.fill(groupedGrad, 0);
    }

    @Override
    public CostReport cost() {
        long p = model.stateParameters();
        long state = ev.length + (ea == null ? 0 : ea.length) + eb.length;
        long perTrace = adaptation ? 10 : 5;
        return new CostReport(name(), state, p * perTrace,
                "one trace per parameter and state variable (eps_v" + (adaptation ? ", eps_a" : "")
                        + ") plus the kappa-filtered trace, for " + p + " parameters; " + perTrace
                        + " multiply-adds per parameter");
    }
}
