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
 * <p>e-prop's eps_v of a synapse i -> j (c_j = 0) is the presynaptic spike train filtered with
 * alpha_j: identical for all postsynaptic neurons with the same alpha. When the network has few
 * distinct alphas (uniform or per-population tau_m), e-prop keeps eps_v per (alpha, presynaptic
 * neuron or input channel) in a small table updated once per step, and per synapse only ebar, the
 * gradient and (ALIF) eps_a: one number fewer per synapse (a third of a LIF synapse's traffic).
 * The arithmetic is unchanged, so the results are bit-identical to the per-synapse form (test).
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
    /**
     * Quiet-neuron laziness (double traces only): while psi_{t-1} = psi_t = 0 for neuron j, its
     * traces evolve linearly (eps_v <- alpha eps_v + immediate term, eps_a <- rho eps_a,
     * ebar <- kappa ebar, gradient += L_j ebar), so they are stored as stored x per-neuron scale
     * and only the synapses that receive a spike are touched; the scales and the pending
     * gradient sum_t L_t scaleB_t are applied when j becomes active again, at gradient() and when
     * a scale would underflow. Mathematically identical to the eager loop (rounding differs).
     * Off by default (see the constructor); Rules suffix ":lazy".
     */
    private final boolean lazy;
    private final boolean[] quiet;
    private final double[] scaleV;
    private final double[] scaleA;
    private final double[] scaleB;
    private final double[] pendingGrad;
    /** Grouped trace index of outgoing synapse k (the inverse of model.inSynapse). */
    private final int[] groupedOf;
    private final int[] activeInputs;
    private int activeCount;
    /**
     * Float per-synapse traces: z_{t-1,i} scattered to the synapses it reaches (grouped order), zero
     * elsewhere, so the recurrent loop reads a contiguous array instead of gathering through the
     * presynaptic index (which keeps the loop scalar); spikes are sparse, so the scatter and the
     * clearing after the step touch few synapses. Same values as (float) z_{t-1,i}: bit-identical.
     */
    private final float[] spikeIn;
    private final int[] spikeInTouched;
    private int spikeInCount;
    private final int[] groupedOfSynapse;
    /** eps_v per (alpha class, presynaptic neuron or input) instead of per synapse (e-prop only). */
    private final boolean presynaptic;
    private final int[] alphaClass;
    private final double[] classAlpha;
    private final int tableWidth;
    private double[] zbar;
    private double[] zbarPrev;
    private float[] zbarF;
    private float[] zbarPrevF;
    /** Rescale a quiet neuron's traces before a scale falls below this (far from underflow). */
    private static final double MIN_SCALE = 1e-150;

    LocalTraceEstimator(RecurrentSpikingModel model, double[] feedback, boolean diagonalCoupling,
                        Precision precision, int threads) {
        this(model, feedback, diagonalCoupling, precision, threads, false);
    }

    /**
     * {@code lazyQuietNeurons = true}: the lazy update of quiet neurons (double traces only). Not
     * the default: measured on N = 10000, 1 % density (59 % of neuron-steps quiet, interleaved
     * across neurons) it is not faster than the eager loop, which streams every array
     * contiguously; it pays off only when most neurons are quiet (docs/learning.md).
     */
    LocalTraceEstimator(RecurrentSpikingModel model, double[] feedback, boolean diagonalCoupling,
                        Precision precision, int threads, boolean lazyQuietNeurons) {
        this(model, feedback, diagonalCoupling, precision, threads, lazyQuietNeurons, false);
    }

    /**
     * {@code presynapticTraces = true} (e-prop only, not with lazy traces): eps_v per (alpha class,
     * presynaptic neuron), used when the table is small (at most p / 4 numbers); otherwise per synapse.
     */
    LocalTraceEstimator(RecurrentSpikingModel model, double[] feedback, boolean diagonalCoupling,
                        Precision precision, int threads, boolean lazyQuietNeurons, boolean presynapticTraces) {
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
        // Distinct alphas (exact values) -> classes; the table is used only when it is small.
        int[] cls = new int[model.n];
        double[] distinct = new double[Math.min(model.n, 64)];
        int classes = 0;
        boolean few = true;
        for (int j = 0; j < model.n && few; j++) {
            int k = 0;
            while (k < classes && Double.doubleToLongBits(distinct[k]) != Double.doubleToLongBits(model.alpha[j])) {
                k++;
            }
            if (k == classes) {
                if (classes == distinct.length) {
                    few = false;
                    break;
                }
                distinct[classes++] = model.alpha[j];
            }
            cls[j] = k;
        }
        this.tableWidth = model.n + model.inputs;
        this.presynaptic = presynapticTraces && !diagonalCoupling && !lazyQuietNeurons && few
                && (long) classes * tableWidth * 4 <= p;
        this.alphaClass = presynaptic ? cls : null;
        this.classAlpha = presynaptic ? java.util.Arrays.copyOf(distinct, classes) : null;
        if (presynaptic) {
            if (single) {
                zbarF = new float[classes * tableWidth];
                zbarPrevF = new float[classes * tableWidth];
            } else {
                zbar = new double[classes * tableWidth];
                zbarPrev = new double[classes * tableWidth];
            }
        }
        if (single) {
            evf = presynaptic ? null : new float[p];
            eaf = adaptation ? new float[p] : null;
            ebf = new float[p];
            groupedGradF = new float[p];
            ev = ea = eb = groupedGrad = null;
        } else {
            ev = presynaptic ? null : new double[p];
            ea = adaptation ? new double[p] : null;
            eb = new double[p];
            groupedGrad = new double[p];
            evf = eaf = ebf = groupedGradF = null;
        }
        this.lazy = lazyQuietNeurons && !single;
        int nn = model.n;
        if (lazy) {
            quiet = new boolean[nn];
            scaleV = new double[nn];
            scaleA = new double[nn];
            scaleB = new double[nn];
            pendingGrad = new double[nn];
            groupedOf = new int[nnz];
            for (int q = 0; q < nnz; q++) {
                groupedOf[model.inSynapse[q]] = q;
            }
        } else {
            quiet = null;
            scaleV = scaleA = scaleB = pendingGrad = null;
            groupedOf = null;
        }
        activeInputs = new int[model.inputs];
        if (single && !presynaptic) {
            spikeIn = new float[nnz];
            spikeInTouched = new int[nnz];
            groupedOfSynapse = new int[nnz];
            for (int q = 0; q < nnz; q++) {
                groupedOfSynapse[model.inSynapse[q]] = q;
            }
        } else {
            spikeIn = null;
            spikeInTouched = null;
            groupedOfSynapse = null;
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
        if (presynaptic) {
            if (single) {
                Arrays.fill(zbarF, 0);
                Arrays.fill(zbarPrevF, 0);
            } else {
                Arrays.fill(zbar, 0);
                Arrays.fill(zbarPrev, 0);
            }
        }
        if (single) {
            if (evf != null) {
                Arrays.fill(evf, 0);
            }
            if (eaf != null) {
                Arrays.fill(eaf, 0);
            }
            Arrays.fill(ebf, 0);
        } else {
            if (ev != null) {
                Arrays.fill(ev, 0);
            }
            if (ea != null) {
                Arrays.fill(ea, 0);
            }
            Arrays.fill(eb, 0);
        }
        if (lazy) {
            Arrays.fill(quiet, false);
            Arrays.fill(pendingGrad, 0);
        }
    }

    @Override
    public void step(ModelState s, double[] x, double[] outputError, double[] spikeError) {
        readoutAndSignal(s, outputError, spikeError);
        if (lazy) {
            activeCount = 0;
            for (int c = 0; c < x.length; c++) {
                if (x[c] != 0) {
                    activeInputs[activeCount++] = c;
                }
            }
        }
        if (presynaptic) {
            updateTable(s.zPrev, x);
        } else if (spikeIn != null) {
            scatterSpikes(s.zPrev);
        }
        if (pool == null) {
            updateNeurons(0, model.n, s, x);
            clearSpikes();
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
        clearSpikes();
    }

    private void scatterSpikes(double[] zPrev) {
        int[] rowStart = model.rowStart;
        int count = 0;
        for (int i = 0; i < zPrev.length; i++) {
            double zi = zPrev[i];
            if (zi != 0) {
                float zf = (float) zi;
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    int q = groupedOfSynapse[k];
                    spikeIn[q] = zf;
                    spikeInTouched[count++] = q;
                }
            }
        }
        spikeInCount = count;
    }

    private void clearSpikes() {
        if (spikeIn != null) {
            for (int k = 0; k < spikeInCount; k++) {
                spikeIn[spikeInTouched[k]] = 0;
            }
            spikeInCount = 0;
        }
    }

    /** eps_v per (alpha class, presynaptic neuron / input): the per-synapse recursion, done once. */
    private void updateTable(double[] zPrev, double[] x) {
        int n = model.n;
        int w = tableWidth;
        if (single) {
            float[] t = zbarPrevF;
            zbarPrevF = zbarF;
            zbarF = t;
            float[] prev = zbarPrevF;
            float[] cur = zbarF;
            for (int k = 0; k < classAlpha.length; k++) {
                float decay = (float) classAlpha[k];
                int o = k * w;
                for (int i = 0; i < n; i++) {
                    cur[o + i] = decay * prev[o + i] + (float) zPrev[i];
                }
                for (int c = 0; c < x.length; c++) {
                    cur[o + n + c] = decay * prev[o + n + c] + (float) x[c];
                }
            }
        } else {
            double[] t = zbarPrev;
            zbarPrev = zbar;
            zbar = t;
            double[] prev = zbarPrev;
            double[] cur = zbar;
            for (int k = 0; k < classAlpha.length; k++) {
                double decay = classAlpha[k];
                int o = k * w;
                for (int i = 0; i < n; i++) {
                    cur[o + i] = decay * prev[o + i] + zPrev[i];
                }
                for (int c = 0; c < x.length; c++) {
                    cur[o + n + c] = decay * prev[o + n + c] + x[c];
                }
            }
        }
    }

    /** The neurons [j0, j1) with eps_v read from the presynaptic table. */
    private void updateNeuronsFromTable(int j0, int j1, ModelState s) {
        RecurrentSpikingModel m = model;
        double kappa = m.kappa;
        boolean signal = hasFiltered || hasDirect;
        int nIn = m.inputs;
        int n = m.n;
        int[] gs = groupedSource;
        for (int j = j0; j < j1; j++) {
            double pp = s.psiPrev[j];
            double ps = s.psi[j];
            double bj = m.beta[j];
            double rj = m.rho[j];
            double lf = filteredSignal[j];
            double ld = directSignal[j];
            int q0 = m.inStart[j];
            int q1 = m.inStart[j + 1];
            int i0 = nnz + j * nIn;
            int o = alphaClass[j] * tableWidth;
            boolean lif = !adaptation || bj == 0;
            if (single) {
                if (lif) {
                    PresynapticTraceLoops.lifF(q0, q1, ps, kappa, lf, ld, signal, true, 0, gs, o, zbarF, ebf, groupedGradF);
                    PresynapticTraceLoops.lifF(i0, i0 + nIn, ps, kappa, lf, ld, signal, false, i0, gs, o + n, zbarF, ebf,
                            groupedGradF);
                } else {
                    PresynapticTraceLoops.alifF(q0, q1, bj, rj, pp, ps, kappa, lf, ld, signal, true, 0, gs, o, zbarF,
                            zbarPrevF, eaf, ebf, groupedGradF);
                    PresynapticTraceLoops.alifF(i0, i0 + nIn, bj, rj, pp, ps, kappa, lf, ld, signal, false, i0, gs, o + n,
                            zbarF, zbarPrevF, eaf, ebf, groupedGradF);
                }
            } else if (lif) {
                PresynapticTraceLoops.lif(q0, q1, ps, kappa, lf, ld, signal, true, 0, gs, o, zbar, eb, groupedGrad);
                PresynapticTraceLoops.lif(i0, i0 + nIn, ps, kappa, lf, ld, signal, false, i0, gs, o + n, zbar, eb,
                        groupedGrad);
            } else {
                PresynapticTraceLoops.alif(q0, q1, bj, rj, pp, ps, kappa, lf, ld, signal, true, 0, gs, o, zbar, zbarPrev,
                        ea, eb, groupedGrad);
                PresynapticTraceLoops.alif(i0, i0 + nIn, bj, rj, pp, ps, kappa, lf, ld, signal, false, i0, gs, o + n,
                        zbar, zbarPrev, ea, eb, groupedGrad);
            }
        }
    }

    private void updateNeurons(int j0, int j1, ModelState s, double[] x) {
        if (presynaptic) {
            updateNeuronsFromTable(j0, j1, s);
            return;
        }
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
            if (lazy) {
                if (pp == 0 && ps == 0) {
                    if (!quiet[j] || scaleV[j] < MIN_SCALE || scaleB[j] < MIN_SCALE
                            || (!lif && scaleA[j] < MIN_SCALE)) {
                        if (quiet[j]) {
                            materialise(j, lif);
                        }
                        quiet[j] = true;
                        scaleV[j] = 1;
                        scaleA[j] = 1;
                        scaleB[j] = 1;
                    }
                    double sv = scaleV[j] * aj;
                    scaleV[j] = sv;
                    scaleA[j] *= rj;
                    double sb = scaleB[j] * kappa;
                    scaleB[j] = sb;
                    pendingGrad[j] += lf * sb;
                    // e = 0 this step: only the immediate input term reaches eps_v.
                    for (int k = 0; k < activeCount; k++) {
                        int c = activeInputs[k];
                        ev[i0 + c] += x[c] / sv;
                    }
                    continue;
                }
                if (quiet[j]) {
                    materialise(j, lif);
                }
            }
            if (single) {
                if (lif) {
                    lifFRec(q0, q1, aj + cj * pp, ps, kappa, lf, ld, signal, spikeIn);
                    lifF(i0, i0 + nIn, aj + cj * pp, ps, kappa, lf, ld, signal, x, i0, false);
                } else {
                    alifFRec(q0, q1, aj, bj, rj, cj, pp, ps, kappa, lf, ld, signal, spikeIn);
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
        if (lazy) {
            // Recurrent immediate terms of this block's quiet neurons: only synapses from spiking neurons.
            int[] rowStart = m.rowStart;
            int[] target = m.target;
            for (int i = 0; i < m.n; i++) {
                double zi = zPrev[i];
                if (zi == 0) {
                    continue;
                }
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    int j = target[k];
                    if (j >= j0 && j < j1 && quiet[j]) {
                        ev[groupedOf[k]] += zi / scaleV[j];
                    }
                }
            }
        }
    }

    /** Applies neuron j's pending gradient and scales to its stored traces and leaves quiet mode. */
    private void materialise(int j, boolean lif) {
        double g = pendingGrad[j];
        double sv = scaleV[j];
        double sa = scaleA[j];
        double sb = scaleB[j];
        int q0 = model.inStart[j];
        int q1 = model.inStart[j + 1];
        int i0 = nnz + j * model.inputs;
        scaleRange(q0, q1, g, sv, sa, sb, lif);
        scaleRange(i0, i0 + model.inputs, g, sv, sa, sb, lif);
        pendingGrad[j] = 0;
        quiet[j] = false;
    }

    private void scaleRange(int q0, int q1, double g, double sv, double sa, double sb, boolean lif) {
        double[] ev = this.ev;
        double[] eb = this.eb;
        double[] gr = groupedGrad;
        if (g != 0) {
            for (int q = q0; q < q1; q++) {
                gr[q] += g * eb[q];
            }
        }
        for (int q = q0; q < q1; q++) {
            ev[q] *= sv;
            eb[q] *= sb;
        }
        if (!lif) {
            double[] ea = this.ea;
            for (int q = q0; q < q1; q++) {
                ea[q] *= sa;
            }
        }
    }

    /** Adds the pending gradient of quiet neurons (their traces stay scaled). */
    private void flushPendingGradient() {
        int nIn = model.inputs;
        for (int j = 0; j < model.n; j++) {
            double g = pendingGrad[j];
            if (!quiet[j] || g == 0) {
                continue;
            }
            for (int q = model.inStart[j]; q < model.inStart[j + 1]; q++) {
                groupedGrad[q] += g * eb[q];
            }
            int i0 = nnz + j * nIn;
            for (int q = i0; q < i0 + nIn; q++) {
                groupedGrad[q] += g * eb[q];
            }
            pendingGrad[j] = 0;
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

    private void lifFRec(int q0, int q1, double decayD, double psD, double kappaD, double lfD, double ldD, boolean signal, float[] src) {
        float[] ev = this.evf;
        float[] eb = this.ebf;
        float[] g = groupedGradF;
        float decay = (float) decayD;
        float ps = (float) psD;
        float kappa = (float) kappaD;
        float lf = (float) lfD;
        float ld = (float) ldD;
          if (signal) {
            for (int q = q0; q < q1; q++) {
                float v = decay * ev[q] + src[q];
                ev[q] = v;
                float e = ps * v;
                float b = kappa * eb[q] + e;
                eb[q] = b;
                g[q] += lf * b + ld * e;
            }
          } else {
            for (int q = q0; q < q1; q++) {
                float v = decay * ev[q] + src[q];
                ev[q] = v;
                float e = ps * v;
                float b = kappa * eb[q] + e;
                eb[q] = b;
            }
          }
    }

    private void alifFRec(int q0, int q1, double ajD, double bjD, double rjD, double cjD, double ppD, double psD, double kappaD, double lfD, double ldD, boolean signal, float[] src) {
        float[] ev = this.evf;
        float[] ea = this.eaf;
        float[] eb = this.ebf;
        float[] g = groupedGradF;
        float aj = (float) ajD;
        float bj = (float) bjD;
        float rj = (float) rjD;
        float cj = (float) cjD;
        float pp = (float) ppD;
        float ps = (float) psD;
        float kappa = (float) kappaD;
        float lf = (float) lfD;
        float ld = (float) ldD;
          if (signal) {
            for (int q = q0; q < q1; q++) {
                float evq = ev[q];
                float eaq = ea[q];
                float dzp = pp * (evq - bj * eaq);
                float v = aj * evq + cj * dzp + src[q];
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
                float v = aj * evq + cj * dzp + src[q];
                float a = rj * eaq + dzp;
                ev[q] = v;
                ea[q] = a;
                float e = ps * (v - bj * a);
                float b = kappa * eb[q] + e;
                eb[q] = b;
            }
          }
    }

    @Override
    public double[] gradient() {
        if (lazy) {
            flushPendingGradient();
        }
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
        if (lazy) {
            Arrays.fill(pendingGrad, 0);
        }
    }

    @Override
    public long streamedBytesPerStep() {
        long lifParams = 0;
        long alifParams = 0;
        for (int j = 0; j < model.n; j++) {
            long k = model.inStart[j + 1] - model.inStart[j] + model.inputs;
            if (!adaptation || model.beta[j] == 0) {
                lifParams += k;
            } else {
                alifParams += k;
            }
        }
        // Per parameter: ebar and the gradient, eps_v unless it comes from the presynaptic table,
        // eps_a for ALIF; every one read and written. Recurrent ones also read 4 bytes: the
        // presynaptic index (double traces, table) or the scattered float spike (float traces).
        int size = single ? 4 : 8;
        int lifArrays = presynaptic ? 2 : 3;
        return 2L * size * (lifParams * lifArrays + alifParams * (lifArrays + 1)) + 4L * nnz;
    }

    @Override
    public CostReport cost() {
        long p = model.stateParameters();
        long state = single ? (evf == null ? 0 : (long) evf.length) + (eaf == null ? 0 : eaf.length) + ebf.length
                : (ev == null ? 0 : (long) ev.length) + (ea == null ? 0 : ea.length) + eb.length;
        if (lazy) {
            state += 4L * model.n;
        }
        long perTrace = adaptation ? 10 : 5;
        if (presynaptic) {
            // Two tables (this and last step) of classes x (n + inputs); one multiply-add per table
            // entry replaces the per-synapse eps_v update (one multiply-add per parameter).
            long table = (long) classAlpha.length * tableWidth;
            return new CostReport(name(), state + 2 * table, p * (perTrace - 1) + table,
                    "eps_v per (alpha class, presynaptic neuron or input): " + classAlpha.length + " class(es) x "
                            + tableWidth + ", two steps; per parameter " + (adaptation ? "eps_a and " : "")
                            + "the kappa-filtered trace, for " + p + " parameters (" + (single ? "float" : "double")
                            + "); " + (perTrace - 1) + " multiply-adds per parameter + one per table entry");
        }
        return new CostReport(name(), state, p * perTrace,
                "one trace per parameter and state variable (eps_v" + (adaptation ? ", eps_a" : "")
                        + ") plus the kappa-filtered trace, for " + p + " parameters ("
                        + (single ? "float" : "double") + "); " + perTrace + " multiply-adds per parameter"
                        + (lazy ? " (upper bound: parameters of neurons with psi = 0 at t-1 and t are updated lazily)" : ""));
    }
}
