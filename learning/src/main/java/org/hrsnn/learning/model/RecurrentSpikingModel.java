package org.hrsnn.learning.model;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.learning.surrogate.PiecewiseLinear;
import org.hrsnn.learning.surrogate.SurrogateDerivative;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Discrete-time, differentiable unroll of a recurrent spiking network (the e-prop form of LIF and
 * ALIF, Bellec et al. 2020), one step of dt ms per input frame. For neuron j and step t >= 1:
 *
 * <pre>
 *   v_t = alpha_j v_{t-1} + sum_i W_rec[j,i] z_{t-1,i} + sum_c W_in[j,c] x_{t,c} - vth_j z_{t-1,j}
 *   a_t = rho_j a_{t-1} + z_{t-1,j}
 *   z_t = H(v_t - A_t),  A_t = vth_j + beta_j a_t
 *   y_t = kappa y_{t-1} + W_out z_t + b            (leaky-integrator readout)
 * </pre>
 *
 * with alpha_j = exp(-dt/tau_m,j), rho_j = exp(-dt/tau_a,j), v_0 = a_0 = z_0 = y_0 = 0. The reset
 * is by subtraction of the base threshold vth_j; there is no refractory period and no synaptic
 * current filter (the e-prop model). beta_j = 0 makes neuron j a LIF neuron. Through a spike the
 * gradient uses the pseudo-derivative psi(v_t - A_t) of {@link SurrogateDerivative}. With
 * {@code smooth = true} the forward pass uses the surrogate's smooth step instead of H, so psi is
 * the exact derivative (for finite-difference checks only).
 *
 * <p>Parameters are one flat vector: recurrent weights on the CSR structure (by presynaptic
 * neuron, only existing synapses are parameters), then W_in (row per neuron, [j * nIn + c]),
 * then W_out (row per output, [k * n + j]), then the readout bias b. Potentials are in mV relative
 * to rest, so weights are voltage jumps (mV).
 */
public final class RecurrentSpikingModel {
    public final int n;
    public final int inputs;
    public final int outputs;
    /** Recurrent CSR by presynaptic neuron: synapses k in [rowStart[i], rowStart[i+1]) go from i to target[k]. */
    public final int[] rowStart;
    public final int[] target;
    /** Presynaptic neuron of every synapse (CSR order). */
    public final int[] source;
    /** The same synapses grouped by postsynaptic neuron: inSynapse[p] for p in [inStart[j], inStart[j+1]). */
    public final int[] inStart;
    public final int[] inSynapse;
    /** Index of the self-synapse j -> j, or -1. */
    public final int[] selfSynapse;
    public final double[] alpha;
    public final double[] rho;
    public final double[] beta;
    public final double[] vth;
    public final double kappa;
    public final double dtMs;
    public final SurrogateDerivative surrogate;
    public final boolean smooth;
    /** The parameter vector (see class comment); trainers and optimisers update it in place. */
    public final double[] params;
    public final int recOffset;
    public final int inOffset;
    public final int outOffset;
    public final int biasOffset;

    private RecurrentSpikingModel(int[] rowStart, int[] target, int inputs, int outputs, double[] alpha,
                                  double[] rho, double[] beta, double[] vth, double kappa, double dtMs,
                                  SurrogateDerivative surrogate, boolean smooth, double[] params) {
        this.n = alpha.length;
        this.inputs = inputs;
        this.outputs = outputs;
        this.rowStart = rowStart;
        this.target = target;
        this.alpha = alpha;
        this.rho = rho;
        this.beta = beta;
        this.vth = vth;
        this.kappa = kappa;
        this.dtMs = dtMs;
        this.surrogate = surrogate;
        this.smooth = smooth;
        int nnz = target.length;
        this.recOffset = 0;
        this.inOffset = nnz;
        this.outOffset = inOffset + n * inputs;
        this.biasOffset = outOffset + outputs * n;
        if (params.length != biasOffset + outputs) {
            throw new IllegalArgumentException("parameter vector length " + params.length + ", expected " + (biasOffset + outputs));
        }
        this.params = params;
        source = new int[nnz];
        inStart = new int[n + 1];
        selfSynapse = new int[n];
        Arrays.fill(selfSynapse, -1);
        for (int i = 0; i < n; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                source[k] = i;
                inStart[target[k] + 1]++;
                if (target[k] == i) {
                    selfSynapse[i] = k;
                }
            }
        }
        for (int j = 0; j < n; j++) {
            inStart[j + 1] += inStart[j];
        }
        inSynapse = new int[nnz];
        int[] fill = Arrays.copyOf(inStart, n);
        for (int k = 0; k < nnz; k++) {
            inSynapse[fill[target[k]]++] = k;
        }
    }

    /** Number of recurrent synapses (= recurrent weight parameters). */
    public int synapses() {
        return target.length;
    }

    /** Number of parameters that act on the recurrent state (recurrent + input weights). */
    public int stateParameters() {
        return outOffset;
    }

    public int parameterCount() {
        return params.length;
    }

    /** Whether any neuron adapts (beta != 0): the adaptation state must then be tracked. */
    public boolean hasAdaptation() {
        for (double b : beta) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    /** A copy with another parameter vector (same structure), e.g. for finite differences. */
    public RecurrentSpikingModel withParams(double[] newParams) {
        return new RecurrentSpikingModel(rowStart, target, inputs, outputs, alpha, rho, beta, vth, kappa, dtMs,
                surrogate, smooth, newParams.clone());
    }

    /** A copy whose forward pass is the smooth variant (or not). */
    public RecurrentSpikingModel withSmoothForward(boolean smoothForward) {
        return new RecurrentSpikingModel(rowStart, target, inputs, outputs, alpha, rho, beta, vth, kappa, dtMs,
                surrogate, smoothForward, params.clone());
    }

    public ModelState newState() {
        return new ModelState(this);
    }

    /**
     * Advances {@code s} by one step with input frame {@code x} (length {@code inputs}). After the
     * call, s.z / s.psi / s.y hold step t, s.zPrev / s.psiPrev step t - 1.
     */
    public void step(ModelState s, double[] x) {
        double[] tmp = s.zPrev;
        s.zPrev = s.z;
        s.z = tmp;
        tmp = s.psiPrev;
        s.psiPrev = s.psi;
        s.psi = tmp;
        double[] cur = s.current;
        double[] zp = s.zPrev;
        double[] p = params;
        // Input drive W_in[j, :] . x over the nonzero channels only (spike inputs are sparse).
        int nIn = inputs;
        int[] nz = s.activeInputs;
        int active = 0;
        for (int c = 0; c < nIn; c++) {
            if (x[c] != 0) {
                nz[active++] = c;
            }
        }
        for (int j = 0; j < n; j++) {
            double acc = 0;
            int base = inOffset + j * nIn;
            for (int q = 0; q < active; q++) {
                int c = nz[q];
                acc += p[base + c] * x[c];
            }
            cur[j] = acc;
        }
        // Recurrent drive: scatter rows of spiking (nonzero) neurons only.
        for (int i = 0; i < n; i++) {
            double zi = zp[i];
            if (zi != 0) {
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    cur[target[k]] += p[k] * zi;
                }
            }
        }
        double[] v = s.v;
        double[] a = s.a;
        double[] z = s.z;
        double[] psi = s.psi;
        for (int j = 0; j < n; j++) {
            double vj = alpha[j] * v[j] + cur[j] - vth[j] * zp[j];
            double aj = rho[j] * a[j] + zp[j];
            v[j] = vj;
            a[j] = aj;
            double d = vj - vth[j] - beta[j] * aj;
            z[j] = smooth ? surrogate.smoothStep(d, vth[j]) : (d > 0 ? 1 : 0);
            psi[j] = surrogate.derivative(d, vth[j]);
        }
        double[] y = s.y;
        for (int k = 0; k < outputs; k++) {
            double acc = kappa * y[k] + p[biasOffset + k];
            int base = outOffset + k * n;
            for (int j = 0; j < n; j++) {
                acc += p[base + j] * z[j];
            }
            y[k] = acc;
        }
        s.step++;
    }

    // ---------------------------------------------------------------------------------------
    // Construction

    /** Parameters of a randomly initialised model (explicit, for tests and tasks). */
    public static final class Spec {
        public int lifNeurons = 10;
        public int alifNeurons = 0;
        public int inputs = 2;
        public int outputs = 1;
        /** Probability of each recurrent synapse i -> j (self-synapses allowed only if selfSynapses). */
        public double density = 1.0;
        public boolean selfSynapses = false;
        public double dtMs = 1.0;
        public double membraneTauMs = 20.0;
        /** Per-neuron tau_m drawn uniformly in [1 - spread, 1 + spread] x membraneTauMs (heterogeneity). */
        public double tauSpread = 0.0;
        public double adaptationTauMs = 2000.0;
        public double adaptationStrength = 1.8;
        public double threshold = 0.6;
        public double readoutTauMs = 20.0;
        /** Weight scales: W_rec ~ N(0, (recScale vth)^2 / fan-in), W_in ~ N(0, (inScale vth)^2 / nIn). */
        public double recScale = 1.0;
        public double inScale = 1.0;
        public double outScale = 1.0;
        public SurrogateDerivative surrogate = new PiecewiseLinear();
        public boolean smooth = false;

        public RecurrentSpikingModel build(RandomStreams streams) {
            return RecurrentSpikingModel.random(this, streams);
        }
    }

    static RecurrentSpikingModel random(Spec s, RandomStreams streams) {
        Check.nonNegative("lifNeurons", s.lifNeurons);
        Check.nonNegative("alifNeurons", s.alifNeurons);
        int n = Check.positive("neurons", s.lifNeurons + s.alifNeurons);
        Check.nonNegative("inputs", s.inputs);
        Check.positive("outputs", s.outputs);
        Check.probability("density", s.density);
        Check.positive("dtMs", s.dtMs);
        Check.positive("membraneTauMs", s.membraneTauMs);
        Check.inRange("tauSpread", s.tauSpread, 0, 0.99);
        Check.positive("adaptationTauMs", s.adaptationTauMs);
        Check.positive("threshold", s.threshold);
        Check.positive("readoutTauMs", s.readoutTauMs);
        RandomGenerator gTau = streams.stream("learning/model/membraneTau");
        RandomGenerator gCon = streams.stream("learning/model/connect");
        RandomGenerator gW = streams.stream("learning/model/weights");
        double[] alpha = new double[n];
        double[] rho = new double[n];
        double[] beta = new double[n];
        double[] vth = new double[n];
        for (int j = 0; j < n; j++) {
            double tau = s.membraneTauMs * (1 + s.tauSpread * (2 * gTau.nextDouble() - 1));
            alpha[j] = Math.exp(-s.dtMs / tau);
            rho[j] = Math.exp(-s.dtMs / s.adaptationTauMs);
            beta[j] = j >= s.lifNeurons ? s.adaptationStrength : 0;
            vth[j] = s.threshold;
        }
        int[] rowStart = new int[n + 1];
        int[] tgt = new int[Math.max(16, (int) Math.min((long) n * n, (long) (1.1 * s.density * n * n) + 16))];
        int nnz = 0;
        // Geometric gaps between kept targets: the same Bernoulli(density) per pair, O(synapses) draws.
        double logq = s.density < 1 ? Math.log1p(-s.density) : Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (s.density > 0) {
                int j = s.density < 1 ? (int) Math.min(n, Math.floor(Math.log(1 - gCon.nextDouble()) / logq)) : 0;
                while (j < n) {
                    if (i != j || s.selfSynapses) {
                        if (nnz == tgt.length) {
                            tgt = Arrays.copyOf(tgt, tgt.length * 2);
                        }
                        tgt[nnz++] = j;
                    }
                    j += 1 + (s.density < 1 ? (int) Math.min(n, Math.floor(Math.log(1 - gCon.nextDouble()) / logq)) : 0);
                }
            }
            rowStart[i + 1] = nnz;
        }
        tgt = Arrays.copyOf(tgt, nnz);
        return withRandomWeights(rowStart, tgt, s.inputs, s.outputs, alpha, rho, beta, vth,
                Math.exp(-s.dtMs / s.readoutTauMs), s.dtMs, s.surrogate, s.smooth, s.recScale, s.inScale, s.outScale, gW);
    }

    private static RecurrentSpikingModel withRandomWeights(int[] rowStart, int[] tgt, int inputs, int outputs,
                                                           double[] alpha, double[] rho, double[] beta, double[] vth,
                                                           double kappa, double dtMs, SurrogateDerivative surrogate,
                                                           boolean smooth, double recScale, double inScale,
                                                           double outScale, RandomGenerator g) {
        int n = alpha.length;
        int nnz = tgt.length;
        double[] p = new double[nnz + n * inputs + outputs * n + outputs];
        int[] fanIn = new int[n];
        for (int t : tgt) {
            fanIn[t]++;
        }
        for (int k = 0; k < nnz; k++) {
            p[k] = g.nextGaussian() * recScale * vth[tgt[k]] / Math.sqrt(Math.max(1, fanIn[tgt[k]]));
        }
        for (int j = 0; j < n; j++) {
            for (int c = 0; c < inputs; c++) {
                p[nnz + j * inputs + c] = g.nextGaussian() * inScale * vth[j] / Math.sqrt(Math.max(1, inputs));
            }
        }
        int outOffset = nnz + n * inputs;
        for (int k = 0; k < outputs * n; k++) {
            p[outOffset + k] = g.nextGaussian() * outScale / Math.sqrt(n);
        }
        return new RecurrentSpikingModel(rowStart, tgt, inputs, outputs, alpha, rho, beta, vth, kappa, dtMs,
                surrogate, smooth, p);
    }

    /** A model with the given structure and parameter vector (nothing random). */
    public static RecurrentSpikingModel of(int[] rowStart, int[] target, int inputs, int outputs, double[] alpha,
                                           double[] rho, double[] beta, double[] vth, double kappa, double dtMs,
                                           SurrogateDerivative surrogate, boolean smooth, double[] params) {
        return new RecurrentSpikingModel(rowStart.clone(), target.clone(), inputs, outputs, alpha.clone(),
                rho.clone(), beta.clone(), vth.clone(), kappa, dtMs, surrogate, smooth, params.clone());
    }

    /**
     * The unroll of a simulator {@link Network}: the same neurons (tau_m, tau_a, beta per neuron)
     * and the same recurrent synapse structure. Conversions (the unroll has no synaptic current
     * filter and measures v from rest): vth_j = V_th,j - V_reset,j (what a reset by subtraction
     * removes); a synaptic current jump w (nA) becomes the voltage jump w R_j tau_s / tau_m,j
     * (mV), the area of the postsynaptic potential it causes, with tau_s the excitatory or
     * inhibitory time constant by the sign of w. Delays and refractory periods are dropped.
     * Input and readout weights are drawn from stream "learning/model/weights".
     */
    public static RecurrentSpikingModel fromNetwork(Network net, double dtMs, int inputs, int outputs,
                                                    double readoutTauMs, SurrogateDerivative surrogate,
                                                    RandomStreams streams) {
        Check.positive("dtMs", dtMs);
        Check.positive("readoutTauMs", readoutTauMs);
        Check.nonNegative("inputs", inputs);
        Check.positive("outputs", outputs);
        NeuronParameters np = net.parameters();
        int n = np.size;
        double[] alpha = new double[n];
        double[] rho = new double[n];
        double[] beta = new double[n];
        double[] vth = new double[n];
        for (int j = 0; j < n; j++) {
            alpha[j] = Math.exp(-dtMs / np.membraneTau[j]);
            rho[j] = Math.exp(-dtMs / np.adaptationTau[j]);
            beta[j] = np.adaptationStrength[j];
            vth[j] = np.threshold[j] - np.resetPotential[j];
            if (!(vth[j] > 0)) {
                throw new InvalidInputException("threshold[" + j + "] - resetPotential[" + j + "]", vth[j], "> 0 mV");
            }
        }
        SynapseMatrix syn = net.synapses();
        RecurrentSpikingModel m = withRandomWeights(syn.rowStart.clone(), syn.target.clone(), inputs, outputs, alpha,
                rho, beta, vth, Math.exp(-dtMs / readoutTauMs), dtMs, surrogate, false, 1, 1, 1,
                streams.stream("learning/model/weights"));
        for (int i = 0; i < n; i++) {
            for (int k = syn.rowStart[i]; k < syn.rowStart[i + 1]; k++) {
                int j = syn.target[k];
                double w = syn.weight[k];
                double tauS = w >= 0 ? np.excitatoryTau[j] : np.inhibitoryTau[j];
                m.params[k] = w * np.resistance[j] * tauS / np.membraneTau[j];
            }
        }
        return m;
    }
}
