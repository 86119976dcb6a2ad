package org.hrsnn.hardware.learning;

import java.util.Arrays;
import org.hrsnn.learning.cost.CostReport;
import org.hrsnn.learning.gradient.GradientEstimator;
import org.hrsnn.learning.model.ModelState;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * e-prop or SnAp-1 (the rules of {@code org.hrsnn.learning.gradient.Eprop} and {@code SnapOne})
 * with every learning state in fixed point ({@link LearningFormat}): the eligibility traces, the
 * kappa-filtered traces and the per-synapse gradient accumulators are saturating integers; decays
 * are integer multiply-shifts with rounding from {@link StochasticRounder}s (streams
 * "hardware/learning/traceRounding", ".../productRounding", ".../updateRounding"). Per step, for a parameter w_ji (synapse i -> j or input c -> j):
 *
 * <pre>
 *   dz   = psi_{t-1,j} (eps_v - beta_j eps_a)                      (not stored)
 *   eps_v <- alpha_j eps_v + c_j dz + (z_{t-1,i} or x_{t,c})        e-prop: c_j = 0, SnAp-1: c_j = w_jj - vth_j
 *   eps_a <- rho_j eps_a + dz                                       (ALIF neurons only)
 *   e    = psi_{t,j} (eps_v - beta_j eps_a);  ebar <- kappa ebar + e
 *   acc  += L_j ebar + D_j e                                        (saturating, accumulatorBits)
 * </pre>
 *
 * e-prop's eps_v is the presynaptic trace zbar_i, the same for every target, so it is stored once per
 * presynaptic neuron and input channel (this needs one membrane decay alpha for all neurons);
 * SnAp-1 keeps it per synapse. The learning signals L_j = sum_k W_out[k,j] dl/dy_k (symmetric
 * feedback) and D_j (the direct rate-regularisation error) are per-neuron values.
 *
 * <p>Simplifications (stated, not hidden): the forward model is the learning module's float
 * {@link RecurrentSpikingModel} (its weights are the dequantised fixed-point weights of
 * {@link FixedPointWeights}, psi comes from its float potential and is then quantised); the readout
 * W_out and bias keep their exact float gradient (a host-side readout). {@link #gradient()} is the
 * dequantised accumulator (state parameters) and the float readout gradient.
 */
public final class FixedPointEprop implements GradientEstimator {
    /** Which trace rule. */
    public enum Variant { EPROP, SNAP1 }

    private final RecurrentSpikingModel model;
    private final LearningFormat format;
    private final Variant variant;
    /**
     * Three independent rounding streams (trace decays, psi/beta/c products, accumulator terms): each
     * draw depends on the previous one of its stream, so three streams give the processor independent
     * chains (8 % faster than one stream on the full evidence task).
     */
    private final StochasticRounder decayRounder;
    private final StochasticRounder productRounder;
    private final StochasticRounder updateRounder;
    private final int n;
    private final int nIn;
    private final int nnz;
    private final int p;
    private final int m;
    private final int fTrace;
    /** fTrace minus eps_a's fraction bits: eps_a is held with this many fewer (wider range). */
    private final int shiftA;
    private final int fEbar;
    private final int fAcc;
    private final int traceBits;
    private final int accBits;
    /** Quantised per-neuron constants (multiplierBits fraction bits). */
    private final long[] alphaQ;
    private final long[] rhoQ;
    private final long[] betaQ;
    private final long kappaQ;
    private final boolean[] alif;
    /** Presynaptic neuron of the grouped recurrent trace q. */
    private final int[] groupedSource;
    /** e-prop: zbar per presynaptic neuron (n) then per input channel; two buffers (old, new). */
    private long[] zbar;
    private long[] zbarOld;
    /** SnAp-1: eps_v per parameter (grouped layout); e-prop: null. */
    private final long[] ev;
    /** eps_a per parameter (entries of LIF targets stay 0 and are not counted in the budget). */
    private final long[] ea;
    private final long[] ebar;
    private final long[] acc;
    private final long[] psiQ;
    private final long[] psiPrevQ;
    private final long[] srcQ;
    private final long[] signalL;
    private final long[] signalD;
    // float readout part (exact, as in the learning module)
    private final double[] grad;
    private final double[] zbarOut;
    private double biasTrace;
    private long saturations;

    public FixedPointEprop(RecurrentSpikingModel model, LearningFormat format, Variant variant, RandomStreams streams) {
        this.model = model;
        this.format = format;
        this.variant = variant;
        this.decayRounder = new StochasticRounder(format.stochasticRounding(), streams, "hardware/learning/traceRounding");
        this.productRounder = new StochasticRounder(format.stochasticRounding(), streams, "hardware/learning/productRounding");
        this.updateRounder = new StochasticRounder(format.stochasticRounding(), streams, "hardware/learning/updateRounding");
        n = model.n;
        nIn = model.inputs;
        nnz = model.synapses();
        p = model.stateParameters();
        m = format.multiplierBits();
        fTrace = format.traceFractionBits();
        shiftA = fTrace - format.adaptationFractionBits();
        fEbar = format.ebarFractionBits();
        fAcc = format.accumulatorFractionBits();
        traceBits = format.traceBits();
        accBits = format.accumulatorBits();
        alphaQ = new long[n];
        rhoQ = new long[n];
        betaQ = new long[n];
        alif = new boolean[n];
        for (int j = 0; j < n; j++) {
            alphaQ[j] = FixedPointArithmetic.multiplier(model.alpha[j], m);
            rhoQ[j] = FixedPointArithmetic.multiplier(model.rho[j], m);
            betaQ[j] = FixedPointArithmetic.multiplier(model.beta[j], m);
            alif[j] = model.beta[j] != 0;
        }
        kappaQ = FixedPointArithmetic.multiplier(model.kappa, m);
        if (variant == Variant.EPROP) {
            for (int j = 1; j < n; j++) {
                if (alphaQ[j] != alphaQ[0]) {
                    throw new InvalidInputException("model.alpha[" + j + "]", model.alpha[j], "the same membrane decay as "
                            + "neuron 0 (" + model.alpha[0] + "): fixed-point e-prop keeps one presynaptic trace per neuron");
                }
            }
        }
        groupedSource = new int[nnz];
        for (int q = 0; q < nnz; q++) {
            groupedSource[q] = model.source[model.inSynapse[q]];
        }
        zbar = variant == Variant.EPROP ? new long[n + nIn] : null;
        zbarOld = variant == Variant.EPROP ? new long[n + nIn] : null;
        ev = variant == Variant.SNAP1 ? new long[p] : null;
        ea = model.hasAdaptation() ? new long[p] : null;
        ebar = new long[p];
        acc = new long[p];
        psiQ = new long[n];
        psiPrevQ = new long[n];
        srcQ = new long[n + nIn];
        signalL = new long[n];
        signalD = new long[n];
        grad = new double[model.parameterCount()];
        zbarOut = new double[n];
    }

    @Override
    public String name() {
        return (variant == Variant.EPROP ? "e-prop" : "snap-1") + "-fixed-" + traceBits + "b";
    }

    public LearningFormat format() {
        return format;
    }

    public Variant variant() {
        return variant;
    }

    /** Number of stored values that hit a saturation bound so far (traces and accumulators). */
    public long saturations() {
        return saturations;
    }

    @Override
    public void beginSequence() {
        if (zbar != null) {
            Arrays.fill(zbar, 0);
            Arrays.fill(zbarOld, 0);
        }
        if (ev != null) {
            Arrays.fill(ev, 0);
        }
        if (ea != null) {
            Arrays.fill(ea, 0);
        }
        Arrays.fill(ebar, 0);
        Arrays.fill(psiQ, 0);
        Arrays.fill(psiPrevQ, 0);
        Arrays.fill(zbarOut, 0);
        biasTrace = 0;
    }

    private long sat(long x, int bits) {
        long y = FixedPointArithmetic.saturate(x, bits);
        if (y != x) {
            saturations++;
        }
        return y;
    }

    /** beta_j eps_a in the trace units of eps_v (exact shift when eps_a has fewer fraction bits). */
    private long betaA(long ea, long beta) {
        return productRounder.roundShift(mul(ea, beta, productRounder), -shiftA);
    }

    /** x c / 2^m, rounded by {@code r}. */
    private long mul(long x, long c, StochasticRounder r) {
        return r.roundShift(x * c, m);
    }

    @Override
    public void step(ModelState s, double[] x, double[] outputError, double[] spikeError) {
        RecurrentSpikingModel md = model;
        // Readout (float, exact) and the per-neuron learning signals.
        double kappa = md.kappa;
        for (int j = 0; j < n; j++) {
            zbarOut[j] = kappa * zbarOut[j] + s.z[j];
        }
        biasTrace = kappa * biasTrace + 1;
        double scaleSignal = 1L << LearningFormat.SIGNAL_FRACTION_BITS;
        long[] lf = signalL;
        long[] ld = signalD;
        for (int k = 0; k < md.outputs; k++) {
            double e = outputError[k];
            if (e == 0) {
                continue;
            }
            int row = md.outOffset + k * n;
            for (int j = 0; j < n; j++) {
                grad[row + j] += e * zbarOut[j];
            }
            grad[md.biasOffset + k] += e * biasTrace;
        }
        for (int j = 0; j < n; j++) {
            double l = 0;
            for (int k = 0; k < md.outputs; k++) {
                l += md.params[md.outOffset + k * n + j] * outputError[k];
            }
            lf[j] = Math.round(l * scaleSignal);
            ld[j] = spikeError == null ? 0 : Math.round(spikeError[j] * scaleSignal);
        }
        // psi of this step, quantised; the previous one was kept.
        long[] tmp = psiPrevQ;
        System.arraycopy(psiQ, 0, tmp, 0, n);
        for (int j = 0; j < n; j++) {
            psiQ[j] = FixedPointArithmetic.multiplier(s.psi[j], m);
        }
        // Immediate terms: z_{t-1,i} for recurrent sources, x_{t,c} for inputs.
        long one = 1L << fTrace;
        for (int i = 0; i < n; i++) {
            double z = s.zPrev[i];
            srcQ[i] = z == 0 ? 0 : (z == 1 ? one : Math.round(z * one));
        }
        for (int c = 0; c < nIn; c++) {
            double v = x[c];
            srcQ[n + c] = v == 0 ? 0 : (v == 1 ? one : Math.round(v * one));
        }
        if (variant == Variant.EPROP) {
            long[] t2 = zbarOld;
            zbarOld = zbar;
            zbar = t2;
            long a = alphaQ[0];
            for (int u = 0; u < n + nIn; u++) {
                zbar[u] = sat(mul(zbarOld[u], a, decayRounder) + srcQ[u], traceBits);
            }
        }
        int shiftE = fTrace - fEbar;
        int shiftL = LearningFormat.SIGNAL_FRACTION_BITS + fEbar - fAcc;
        int shiftD = LearningFormat.SIGNAL_FRACTION_BITS + fTrace - fAcc;
        for (int j = 0; j < n; j++) {
            long pp = psiPrevQ[j];
            long ps = psiQ[j];
            long aj = alphaQ[j];
            long bj = betaQ[j];
            long rj = rhoQ[j];
            long cj = 0;
            if (variant == Variant.SNAP1) {
                int self = md.selfSynapse[j];
                cj = FixedPointArithmetic.multiplier((self >= 0 ? md.params[self] : 0) - md.vth[j], m);
            }
            boolean adapt = alif[j] && ea != null;
            long lj = lf[j];
            long dj = ld[j];
            int q0 = md.inStart[j];
            int q1 = md.inStart[j + 1];
            int i0 = nnz + j * nIn;
            for (int pass = 0; pass < 2; pass++) {
                int from = pass == 0 ? q0 : i0;
                int to = pass == 0 ? q1 : i0 + nIn;
                for (int q = from; q < to; q++) {
                    int src = pass == 0 ? groupedSource[q] : n + (q - i0);
                    long evOld = ev != null ? ev[q] : zbarOld[src];
                    long eaOld = adapt ? ea[q] : 0;
                    long dz = (cj != 0 || adapt) && pp != 0
                            ? mul(adapt ? evOld - betaA(eaOld, bj) : evOld, pp, productRounder) : 0;
                    long evNew;
                    if (ev != null) {
                        evNew = sat(mul(evOld, aj, decayRounder) + mul(dz, cj, productRounder) + srcQ[src], traceBits);
                        ev[q] = evNew;
                    } else {
                        evNew = zbar[src];
                    }
                    long eaNew = 0;
                    if (adapt) {
                        eaNew = sat(mul(eaOld, rj, decayRounder) + productRounder.roundShift(dz, shiftA), traceBits);
                        ea[q] = eaNew;
                    }
                    long e = ps == 0 ? 0 : mul(adapt ? evNew - betaA(eaNew, bj) : evNew, ps, productRounder);
                    long b = sat(mul(ebar[q], kappaQ, decayRounder) + updateRounder.roundShift(e, shiftE), traceBits);
                    ebar[q] = b;
                    if (lj != 0 || dj != 0) {
                        long inc = (lj == 0 || b == 0 ? 0 : updateRounder.roundShift(lj * b, shiftL))
                                + (dj == 0 || e == 0 ? 0 : updateRounder.roundShift(dj * e, shiftD));
                        if (inc != 0) {
                            acc[q] = sat(acc[q] + inc, accBits);
                        }
                    }
                }
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public double[] gradient() {
        double scale = 1.0 / (1L << fAcc);
        for (int q = 0; q < nnz; q++) {
            grad[model.inSynapse[q]] = acc[q] * scale;
        }
        for (int q = nnz; q < p; q++) {
            grad[q] = acc[q] * scale;
        }
        return grad;
    }

    @Override
    public void clearGradient() {
        Arrays.fill(grad, 0);
        Arrays.fill(acc, 0);
    }

    /** The learning memory this rule keeps, in bits, by kind (see {@link LearningBudget}). */
    public LearningBudget budget() {
        return LearningBudget.of(model, format, variant);
    }

    @Override
    public CostReport cost() {
        LearningBudget b = budget();
        return new CostReport(name(), b.traceValues() + p, (long) Math.ceil(b.updatesPerStep()),
                "fixed point: " + b.describe());
    }
}
