package org.hrsnn.learning.gradient;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hrsnn.learning.cost.CostReport;
import org.hrsnn.learning.model.ModelState;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.simulator.InvalidInputException;

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
 *
 * <p>The loop is memory-bandwidth bound (3-4 numbers read and written per parameter per step).
 * {@link Precision#FLOAT} halves the traffic; {@code threads > 1} splits the postsynaptic neurons
 * into contiguous blocks of equal synapse count, each written by one thread only, so results do
 * not depend on the thread count.
 */
abstract class LocalTraceEstimator extends ForwardEstimator {
    private final boolean diagonalCoupling;
    private final boolean adaptation;
    private final boolean single;
    /** Presynaptic neuron of the recurrent trace q (grouped by postsynaptic neuron). */
    private final int[] groupedSource;
    private final double[] ev;
    private final double[] ea;
    private final double[] eb;
    private final double[] groupedGrad;
    private final float[] evf;
    private final float[] eaf;
    private final float[] ebf;
    private final float[] groupedGradF;
    private final int nnz;
    private final int[] blockStart;
    private final ExecutorService pool;
    private final Future<?>[] pending;
    private ModelState curState;
    private double[] curX;

    LocalTraceEstimator(RecurrentSpikingModel model, double[] feedback, boolean diagonalCoupling,
                        Precision precision, int threads) {
        super(model, feedback);
        if (threads < 1) {
            throw new InvalidInputException("threads", threads, "an integer >= 1");
        }
        this.diagonalCoupling = diagonalCoupling;
        this.adaptation = model.hasAdaptation();
        this.single = precision == Precision.FLOAT;
        this.nnz = model.synapses();
        int p = model.stateParameters();
        groupedSource = new int[nnz];
        for (int q = 0; q < nnz; q++) {
            groupedSource[q] = model.source[model.inSynapse[q]];
        }
        if (single) {
            evf = new float[p];
            eaf = adaptation ? new float[p] : null;
            ebf = new float[p];
            groupedGradF = new float[p];
            ev = ea = eb = groupedGrad = null;
        } else {
            ev = new double[p];
            ea = adaptation ? new double[p] : null;
            eb = new double[p];
            groupedGrad = new double[p];
            evf = eaf = ebf = groupedGradF = null;
        }
        // Blocks of postsynaptic neurons with about equal numbers of parameters.
        int n = model.n;
        blockStart = new int[threads + 1];
        long perBlock = ((long) p + threads - 1) / threads;
        int b = 1;
        long acc = 0;
        for (int j = 0; j < n && b < threads; j++) {
            acc += model.inStart[j + 1] - model.inStart[j] + model.inputs;
            if (acc >= b * perBlock) {
                blockStart[b++] = j + 1;
            }
        }
        while (b <= threads) {
            blockStart[b++] = n;
        }
        if (threads > 1) {
            pool = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "hrsnn-traces");
                t.setDaemon(true);
                return t;
            });
            pending = new Future<?>[threads - 1];
        } else {
            pool = null;
            pending = null;
        }
    }

    @Override
    protected void resetTraces() {
        if (single) {
            Arrays.fill(evf, 0);
            if (eaf != null) {
                Arrays.fill(eaf, 0);
            }
            Arrays.fill(ebf, 0);
        } else {
            Arrays.fill(ev, 0);
            if (ea != null) {
                Arrays.fill(ea, 0);
            }
            Arrays.fill(eb, 0);
        }
    }

    @Override
    public void step(ModelState s, double[] x, double[] outputError, double[] spikeError) {
        readoutAndSignal(s, outputError, spikeError);
        if (pool == null) {
            updateNeurons(0, model.n, s, x);
            return;
        }
        curState = s;
        curX = x;
        for (int b = 1; b < blockStart.length - 1 + 0; b++) {
            final int j0 = blockStart[b];
            final int j1 = blockStart[b + 1];
            pending[b - 1] = pool.submit(() -> updateNeurons(j0, j1, curState, curX));
        }
        updateNeurons(blockStart[0], blockStart[1], s, x);
        try {
            for (Future<?> f : pending) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("trace update failed", e);
        }
    }

    private void updateNeurons(int j0, int j1, ModelState s, double[] x) {
        RecurrentSpikingModel m = model;
        double kappa = m.kappa;
        boolean signal = hasFiltered || hasDirect;
        int nIn = m.inputs;
        double[] zPrev = s.zPrev;
        for (int j = j0; j < j1; j++) {
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
            boolean lif = !adaptation || bj == 0;
            if (single) {
                if (lif) {
                    lifF(q0, q1, aj + cj * pp, ps, kappa, lf, ld, signal, zPrev, 0, true);
                    lifF(i0, i0 + nIn, aj + cj * pp, ps, kappa, lf, ld, signal, x, i0, false);
                } else {
                    alifF(q0, q1, aj, bj, rj, cj, pp, ps, kappa, lf, ld, signal, zPrev, 0, true);
                    alifF(i0, i0 + nIn, aj, bj, rj, cj, pp, ps, kappa, lf, ld, signal, x, i0, false);
                }
            } else if (lif) {
                lif(q0, q1, aj + cj * pp, ps, kappa, lf, ld, signal, zPrev, 0, true);
                lif(i0, i0 + nIn, aj + cj * pp, ps, kappa, lf, ld, signal, x, i0, false);
            } else {
                alif(q0, q1, aj, bj, rj, cj, pp, ps, kappa, lf, ld, signal, zPrev, 0, true);
                alif(i0, i0 + nIn, aj, bj, rj, cj, pp, ps, kappa, lf, ld, signal, x, i0, false);
            }
        }
    }

    // Traces [q0, q1): recurrent ones (immediate term zPrev[groupedSource[q]]) when rec,
    // input ones (immediate term x[q - base]) otherwise. For LIF, dz_{t-1} = psi_{t-1} eps_v, so
    // eps_v's decay is alpha + c psi_{t-1}. One loop per case, branch-free inside (generated
    // variants: precision x neuron model x immediate source x learning signal present).

    private void lif(int q0, int q1, double decayD, double psD, double kappaD, double lfD, double ldD, boolean signal, double[] src, int base, boolean rec) {
        double[] ev = this.ev;
        double[] eb = this.eb;
        double[] g = groupedGrad;
        int[] gs = groupedSource;
        double decay = decayD;
        double ps = psD;
        double kappa = kappaD;
        double lf = lfD;
        double ld = ldD;
        if (rec) {
          if (signal) {
            for (int q = q0; q < q1; q++) {
                double v = decay * ev[q] + src[gs[q]];
                ev[q] = v;
                double e = ps * v;
                double b = kappa * eb[q] + e;
                eb[q] = b;
                g[q] += lf * b + ld * e;
            }
          } else {
            for (int q = q0; q < q1; q++) {
                double v = decay * ev[q] + src[gs[q]];
                ev[q] = v;
                double e = ps * v;
                double b = kappa * eb[q] + e;
                eb[q] = b;
            }
          }
        } else {
          if (signal) {
            for (int q = q0; q < q1; q++) {
                double v = decay * ev[q] + src[q - base];
                ev[q] = v;
                double e = ps * v;
                double b = kappa * eb[q] + e;
                eb[q] = b;
                g[q] += lf * b + ld * e;
            }
          } else {
            for (int q = q0; q < q1; q++) {
                double v = decay * ev[q] + src[q - base];
                ev[q] = v;
                double e = ps * v;
                double b = kappa * eb[q] + e;
                eb[q] = b;
            }
          }
        }
    }

    private void alif(int q0, int q1, double ajD, double bjD, double rjD, double cjD, double ppD, double psD, double kappaD, double lfD, double ldD, boolean signal, double[] src, int base, boolean rec) {
        double[] ev = this.ev;
        double[] ea = this.ea;
        double[] eb = this.eb;
        double[] g = groupedGrad;
        int[] gs = groupedSource;
        double aj = ajD;
        double bj = bjD;
        double rj = rjD;
        double cj = cjD;
        double pp = ppD;
        double ps = psD;
        double kappa = kappaD;
        double lf = lfD;
        double ld = ldD;
        if (rec) {
          if (signal) {
            for (int q = q0; q < q1; q++) {
                double evq = ev[q];
                double eaq = ea[q];
                double dzp = pp * (evq - bj * eaq);
                double v = aj * evq + cj * dzp + src[gs[q]];
                double a = rj * eaq + dzp;
                ev[q] = v;
                ea[q] = a;
                double e = ps * (v - bj * a);
                double b = kappa * eb[q] + e;
                eb[q] = b;
                g[q] += lf * b + ld * e;
            }
          } else {
            for (int q = q0; q < q1; q++) {
                double evq = ev[q];
                double eaq = ea[q];
                double dzp = pp * (evq - bj * eaq);
                double v = aj * evq + cj * dzp + src[gs[q]];
                double a = rj * eaq + dzp;
                ev[q] = v;
                ea[q] = a;
                double e = ps * (v - bj * a);
                double b = kappa * eb[q] + e;
                eb[q] = b;
            }
          }
        } else {
          if (signal) {
            for (int q = q0; q < q1; q++) {
                double evq = ev[q];
                double eaq = ea[q];
                double dzp = pp * (evq - bj * eaq);
                double v = aj * evq + cj * dzp + src[q - base];
                double a = rj * eaq + dzp;
                ev[q] = v;
                ea[q] = a;
                double e = ps * (v - bj * a);
                double b = kappa * eb[q] + e;
                eb[q] = b;
                g[q] += lf * b + ld * e;
            }
          } else {
            for (int q = q0; q < q1; q++) {
                double evq = ev[q];
                double eaq = ea[q];
                double dzp = pp * (evq - bj * eaq);
                double v = aj * evq + cj * dzp + src[q - base];
                double a = rj * eaq + dzp;
                ev[q] = v;
                ea[q] = a;
                double e = ps * (v - bj * a);
                double b = kappa * eb[q] + e;
                eb[q] = b;
            }
          }
        }
    }

    private void lifF(int q0, int q1, double decayD, double psD, double kappaD, double lfD, double ldD, boolean signal, double[] src, int base, boolean rec) {
        float[] ev = this.evf;
        float[] eb = this.ebf;
        float[] g = groupedGradF;
        int[] gs = groupedSource;
        float decay = (float) decayD;
        float ps = (float) psD;
        float kappa = (float) kappaD;
        float lf = (float) lfD;
        float ld = (float) ldD;
        if (rec) {
          if (signal) {
            for (int q = q0; q < q1; q++) {
                float v = decay * ev[q] + (float) src[gs[q]];
                ev[q] = v;
                float e = ps * v;
                float b = kappa * eb[q] + e;
                eb[q] = b;
                g[q] += lf * b + ld * e;
            }
          } else {
            for (int q = q0; q < q1; q++) {
                float v = decay * ev[q] + (float) src[gs[q]];
                ev[q] = v;
                float e = ps * v;
                float b = kappa * eb[q] + e;
                eb[q] = b;
            }
          }
        } else {
          if (signal) {
            for (int q = q0; q < q1; q++) {
                float v = decay * ev[q] + (float) src[q - base];
                ev[q] = v;
                float e = ps * v;
                float b = kappa * eb[q] + e;
                eb[q] = b;
                g[q] += lf * b + ld * e;
            }
          } else {
            for (int q = q0; q < q1; q++) {
                float v = decay * ev[q] + (float) src[q - base];
                ev[q] = v;
                float e = ps * v;
                float b = kappa * eb[q] + e;
                eb[q] = b;
            }
          }
        }
    }

    private void alifF(int q0, int q1, double ajD, double bjD, double rjD, double cjD, double ppD, double psD, double kappaD, double lfD, double ldD, boolean signal, double[] src, int base, boolean rec) {
        float[] ev = this.evf;
        float[] ea = this.eaf;
        float[] eb = this.ebf;
        float[] g = groupedGradF;
        int[] gs = groupedSource;
        float aj = (float) ajD;
        float bj = (float) bjD;
        float rj = (float) rjD;
        float cj = (float) cjD;
        float pp = (float) ppD;
        float ps = (float) psD;
        float kappa = (float) kappaD;
        float lf = (float) lfD;
        float ld = (float) ldD;
        if (rec) {
          if (signal) {
            for (int q = q0; q < q1; q++) {
                float evq = ev[q];
                float eaq = ea[q];
                float dzp = pp * (evq - bj * eaq);
                float v = aj * evq + cj * dzp + (float) src[gs[q]];
                float a = rj * eaq + dzp;
                ev[q] = v;
                ea[q] = a;
                float e = ps * (v - bj * a);
                float b = kappa * eb[q] + e;
                eb[q] = b;
                g[q] += lf * b + ld * e;
            }
          } else {
            for (int q = q0; q < q1; q++) {
                float evq = ev[q];
                float eaq = ea[q];
                float dzp = pp * (evq - bj * eaq);
                float v = aj * evq + cj * dzp + (float) src[gs[q]];
                float a = rj * eaq + dzp;
                ev[q] = v;
                ea[q] = a;
                float e = ps * (v - bj * a);
                float b = kappa * eb[q] + e;
                eb[q] = b;
            }
          }
        } else {
          if (signal) {
            for (int q = q0; q < q1; q++) {
                float evq = ev[q];
                float eaq = ea[q];
                float dzp = pp * (evq - bj * eaq);
                float v = aj * evq + cj * dzp + (float) src[q - base];
                float a = rj * eaq + dzp;
                ev[q] = v;
                ea[q] = a;
                float e = ps * (v - bj * a);
                float b = kappa * eb[q] + e;
                eb[q] = b;
                g[q] += lf * b + ld * e;
            }
          } else {
            for (int q = q0; q < q1; q++) {
                float evq = ev[q];
                float eaq = ea[q];
                float dzp = pp * (evq - bj * eaq);
                float v = aj * evq + cj * dzp + (float) src[q - base];
                float a = rj * eaq + dzp;
                ev[q] = v;
                ea[q] = a;
                float e = ps * (v - bj * a);
                float b = kappa * eb[q] + e;
                eb[q] = b;
            }
          }
        }
    }

    @Override
    public double[] gradient() {
        for (int q = 0; q < nnz; q++) {
            grad[model.inSynapse[q]] = single ? groupedGradF[q] : groupedGrad[q];
        }
        int p = model.stateParameters();
        for (int q = nnz; q < p; q++) {
            grad[q] = single ? groupedGradF[q] : groupedGrad[q];
        }
        return grad;
    }

    @Override
    public void clearGradient() {
        super.clearGradient();
        if (single) {
            Arrays.fill(groupedGradF, 0);
        } else {
            Arrays.fill(groupedGrad, 0);
        }
    }

    @Override
    public CostReport cost() {
        long p = model.stateParameters();
        long state = single ? (long) evf.length + (eaf == null ? 0 : eaf.length) + ebf.length
                : (long) ev.length + (ea == null ? 0 : ea.length) + eb.length;
        long perTrace = adaptation ? 10 : 5;
        return new CostReport(name(), state, p * perTrace,
                "one trace per parameter and state variable (eps_v" + (adaptation ? ", eps_a" : "")
                        + ") plus the kappa-filtered trace, for " + p + " parameters ("
                        + (single ? "float" : "double") + "); " + perTrace + " multiply-adds per parameter");
    }
}
