package org.hrsnn.hardware.learning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hrsnn.hardware.fixedpoint.FixedPointLif;
import org.hrsnn.hardware.fixedpoint.FixedPointNetwork;
import org.hrsnn.hardware.fixedpoint.FixedPointProjection;
import org.hrsnn.hardware.fixedpoint.SignMode;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.hardware.preset.NeuronFormat;
import org.hrsnn.hardware.preset.SynapseFormat;
import org.hrsnn.learning.model.ModelState;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.train.Trainer;
import org.hrsnn.simulator.InvalidInputException;

/**
 * The forward pass of on-chip learning on the chip's integer neuron: the network of a
 * {@link RecurrentSpikingModel} run with the {@link FixedPointLif} update of
 * {@link org.hrsnn.hardware.emulator.BitExactEmulator} on the integer weights that
 * {@link FixedPointWeights} learns (read live, so every weight update acts on the next step).
 *
 * <p>Mapping (one voltage scale S for all neurons, hardware units per mV):
 * <ul>
 * <li>weights: the learned integer w (weightBits wide, at most the mixed range of the preset's weight
 *     format) is the stored weight of a mixed-sign projection with num_weight_bits = the preset's
 *     width, so the emulator's truncation applies (on loihi1 the lowest of the 9 learned bits is cleared);
 *     the group with the finer lsb has weight exponent 0, the other (its lsb is a power of two
 *     larger, see {@link FixedPointWeights}) exponent log2 of the ratio; S = 2^activationShift / finer lsb;</li>
 * <li>du = 2^decayBits - currentDecayOffset: u decays fully in one step, so u = a_in &lt;&lt; 6 is the
 *     step's synaptic input (the learning model has no synaptic filter); dv = round(2^B (1 - alpha_j));
 *     vth mantissa = round(vth_j S / 2^thresholdShift); bias 0, v starts at 0;</li>
 * <li>delays: every synapse, input ones included, delivers one step later (the emulator's rule): the
 *     input frame of step t acts in step t + 1 ({@link #deliveredInput()} is the frame that acted now,
 *     which is what the eligibility traces must see);</li>
 * <li>reset: v = 0 after a spike (the chip), not the subtraction of the learning model;</li>
 * <li>ALIF neurons (beta_j != 0): an integer threshold offset b_j = decay(b_j, d_rho) + (z_{t-1,j} ?
 *     round(beta_j S 2^F_j) : 0) with the chip's multiply decay (d_rho = round(2^B (1 - rho_j)), rounding
 *     toward zero), held with F_j fraction bits below the voltage unit, and the neuron spikes when
 *     v &gt; (vth &lt;&lt; shift) + (b &gt;&gt; F_j). The fraction bits play the part the activation shift
 *     plays for u and v: truncation removes up to one unit per step, which for a slow decay
 *     (tau_a = 2 s, d_rho = 2) is more than the exact decay of any b below 2^B / d_rho = 2048 units, so
 *     without them a small per-spike increment (the e-prop paper's beta: ~100 units) is wiped out
 *     between spikes (at 10 Hz only 13 % of the exact mean offset remains). F_j lifts the increment to
 *     about 2^{@value #ADAPTATION_INCREMENT_BITS} units (F_j = 0 when it is that large already). This is an extension: the
 *     emulator's CUBA LIF (MODELS.md section 5) has no adaptive threshold. For LIF neurons the
 *     update is exactly the emulator's ({@link #toNetwork} gives the network that reproduces it).</li>
 * </ul>
 * The learning rule still needs psi: it is the model's surrogate derivative at the dequantised distance
 * (v - threshold - b) / S (host arithmetic; {@link FixedPointEprop} then quantises it). The readout
 * y = kappa y + W_out z + b stays float (host-side readout). Only multiply-decay presets are accepted
 * (a shift decay cannot clear u in one step).
 */
public final class FixedPointForwardPass implements Trainer.ForwardPass {
    private final RecurrentSpikingModel model;
    private final FixedPointWeights weights;
    private final HardwarePreset preset;
    private final FixedPointLif lif;
    private final int n;
    private final int nIn;
    private final int nnz;
    private final int du;
    private final int[] dv;
    private final int[] vth;
    private final int[] threshold;
    private final int[] dRho;
    private final int[] adaptIncrement;
    private final boolean anyAdaptation;
    private final int recExponent;
    private final int inExponent;
    private final int weightWidth;
    private final int numWeightBits;
    private final double scale;
    // integer state
    private final int[] u;
    private final int[] v;
    private final int[] b;
    /** Fraction bits F_j of b_j below the voltage unit. */
    private final int[] adaptFractionBits;
    /** F_j is chosen so that the per-spike increment has about this many bits. */
    static final int ADAPTATION_INCREMENT_BITS = 13;
    private final long[] sumRec;
    private final long[] sumIn;
    private double[] xPrev;
    private double[] xNow;

    public FixedPointForwardPass(RecurrentSpikingModel model, FixedPointWeights weights, HardwarePreset preset) {
        NeuronFormat nf = preset.neuron();
        SynapseFormat sf = preset.synapse();
        if (nf.decayMode() != NeuronFormat.DecayMode.MULTIPLY) {
            throw new InvalidInputException("preset '" + preset.name() + "'.neuron.decayMode", nf.decayMode(),
                    "MULTIPLY (the fixed-point forward pass clears u in one step, which a shift decay cannot)");
        }
        weightWidth = sf.weightBits();
        int maxLearned = weightWidth + 1; // the mixed range [-2^W, 2^W - 1]
        if (weights.weightBits() > maxLearned) {
            throw new InvalidInputException("weightBits", weights.weightBits(), "at most " + maxLearned
                    + " with the fixed-point forward pass (the mixed range of preset '" + preset.name() + "''s "
                    + weightWidth + "-bit weights)");
        }
        this.model = model;
        this.weights = weights;
        this.preset = preset;
        this.lif = new FixedPointLif(nf);
        n = model.n;
        nIn = model.inputs;
        nnz = model.synapses();
        numWeightBits = weightWidth;
        double lsbRec = weights.recurrentLsb();
        double lsbIn = weights.inputLsb();
        double fine = Math.min(lsbRec, lsbIn);
        recExponent = exponent(lsbRec / fine, "recurrent");
        inExponent = exponent(lsbIn / fine, "input");
        if (Math.max(recExponent, inExponent) > sf.maxWeightExponent()) {
            throw new InvalidInputException("input lsb / recurrent lsb", lsbIn / lsbRec,
                    "a ratio within 2^" + sf.maxWeightExponent() + " (the largest weight exponent)");
        }
        scale = Math.scalb(1.0, nf.activationShift()) / fine;
        int unity = 1 << nf.decayBits();
        du = unity - nf.currentDecayOffset();
        dv = new int[n];
        vth = new int[n];
        threshold = new int[n];
        dRho = new int[n];
        adaptIncrement = new int[n];
        adaptFractionBits = new int[n];
        boolean adapt = false;
        for (int j = 0; j < n; j++) {
            dv[j] = (int) Math.max(0, Math.min(unity - 1, Math.round(unity * (1 - model.alpha[j]))));
            long m = Math.round(model.vth[j] * scale / Math.scalb(1.0, nf.thresholdShift()));
            if (m < 1 || m > nf.maxThreshold()) {
                throw new InvalidInputException("vth[" + j + "]", model.vth[j] + " mV",
                        "a threshold whose mantissa at scale " + scale + " units/mV is in [1, " + nf.maxThreshold() + "]");
            }
            vth[j] = (int) m;
            threshold[j] = lif.threshold(vth[j]);
            if (model.beta[j] != 0) {
                adapt = true;
                dRho[j] = (int) Math.max(0, Math.min(unity - 1, Math.round(unity * (1 - model.rho[j]))));
                double increment = model.beta[j] * scale;
                int bitsNow = increment < 1 ? 0 : 64 - Long.numberOfLeadingZeros(Math.round(increment));
                adaptFractionBits[j] = Math.max(0, ADAPTATION_INCREMENT_BITS - bitsNow);
                adaptIncrement[j] = (int) Math.min(nf.maxState(), Math.round(Math.scalb(increment, adaptFractionBits[j])));
            }
        }
        anyAdaptation = adapt;
        u = new int[n];
        v = new int[n];
        b = new int[n];
        sumRec = new long[n];
        sumIn = new long[n];
        xPrev = new double[nIn];
        xNow = new double[nIn];
    }

    private static int exponent(double ratio, String group) {
        int k = FixedPointWeights.powerOfTwoAbove(ratio);
        if (Math.abs(Math.scalb(1.0, k) - ratio) > 1e-9 * ratio) {
            throw new InvalidInputException(group + " weight lsb ratio", ratio,
                    "a power of two (build FixedPointWeights with powerOfTwoLsbs = true)");
        }
        return k;
    }

    /** Hardware v units per mV. */
    public double voltageScale() {
        return scale;
    }

    public int[] thresholdMantissa() {
        return vth.clone();
    }

    /** A fresh model state (z, psi, y in the learning module's layout) and the integer state reset. */
    public ModelState newState() {
        ModelState s = model.newState();
        reset(s);
        return s;
    }

    /** Start of a sequence: u = v = b = 0, nothing spiked, no input pending. */
    @Override
    public void reset(ModelState s) {
        s.reset();
        Arrays.fill(u, 0);
        Arrays.fill(v, 0);
        Arrays.fill(b, 0);
        Arrays.fill(xPrev, 0);
        Arrays.fill(xNow, 0);
    }

    /** The input frame whose spikes acted in the last step (the frame given one step earlier). */
    public double[] deliveredInput() {
        return xPrev;
    }

    /**
     * One chip step with input frame {@code x} (spikes: every entry 0 or 1), which acts in the next
     * step. After the call s.z, s.psi, s.y hold this step, s.zPrev, s.psiPrev the previous one; s.v and
     * s.a hold v / S (mV) and b / S (mV) for inspection.
     */
    @Override
    public void step(ModelState s, double[] x) {
        double[] t0 = xPrev;
        xPrev = xNow;
        xNow = t0;
        for (int c = 0; c < nIn; c++) {
            double xc = x[c];
            if (xc != 0 && xc != 1) {
                throw new InvalidInputException("x[" + c + "]", xc, "0 or 1 (the chip's inputs are spikes)");
            }
            xNow[c] = xc;
        }
        double[] tmp = s.zPrev;
        s.zPrev = s.z;
        s.z = tmp;
        tmp = s.psiPrev;
        s.psiPrev = s.psi;
        s.psi = tmp;
        long[] w = weights.raw();
        double[] zp = s.zPrev;
        Arrays.fill(sumRec, 0);
        Arrays.fill(sumIn, 0);
        for (int i = 0; i < n; i++) {
            if (zp[i] != 0) {
                for (int k = model.rowStart[i]; k < model.rowStart[i + 1]; k++) {
                    sumRec[model.target[k]] += effective(w[k]);
                }
            }
        }
        for (int c = 0; c < nIn; c++) {
            if (xPrev[c] != 0) {
                for (int j = 0; j < n; j++) {
                    sumIn[j] += effective(w[nnz + j * nIn + c]);
                }
            }
        }
        double[] z = s.z;
        double[] psi = s.psi;
        for (int j = 0; j < n; j++) {
            long aIn = FixedPointLif.applyWeightExponent(sumRec[j], recExponent)
                    + FixedPointLif.applyWeightExponent(sumIn[j], inExponent);
            u[j] = lif.current(u[j], du, aIn);
            int thr = threshold[j];
            if (adaptIncrement[j] != 0) {
                long bj = FixedPointLif.multiplyDecay(b[j], dRho[j], lif.format().decayBits()) + (zp[j] != 0 ? adaptIncrement[j] : 0);
                b[j] = FixedPointLif.saturate(bj, lif.format().stateBits());
                thr = (int) Math.min(Integer.MAX_VALUE, (long) thr + (b[j] >> adaptFractionBits[j]));
            }
            int vj = lif.voltage(v[j], dv[j], u[j], 0);
            double distance = (vj - (double) thr) / scale;
            psi[j] = model.surrogate.derivative(distance, model.vth[j]);
            s.a[j] = Math.scalb((double) b[j], -adaptFractionBits[j]) / scale;
            if (vj > thr) {
                z[j] = 1;
                vj = 0;
            } else {
                z[j] = 0;
            }
            v[j] = vj;
            s.v[j] = vj / scale;
        }
        double[] p = model.params;
        double[] y = s.y;
        for (int k = 0; k < model.outputs; k++) {
            double acc = model.kappa * y[k] + p[model.biasOffset + k];
            int base = model.outOffset + k * n;
            for (int j = 0; j < n; j++) {
                acc += p[base + j] * z[j];
            }
            y[k] = acc;
        }
        s.step++;
    }

    /** The learned weight as the emulator uses it: mixed sign mode, truncated to num_weight_bits. */
    private int effective(long w) {
        return SignMode.MIXED.truncate((int) w, weightWidth, numWeightBits);
    }

    /**
     * The current weights and neurons as a {@link FixedPointNetwork} (one input group "x" of the model's
     * input channels): the emulator runs it to the same spikes as this forward pass, for LIF neurons.
     * A model with adaptive neurons is refused (the emulator has no adaptive threshold).
     */
    public FixedPointNetwork toNetwork(double dtMs) {
        if (anyAdaptation) {
            throw new InvalidInputException("model.beta", "ALIF neurons", "LIF neurons only (the emulator has no adaptive threshold)");
        }
        long[] w = weights.raw();
        int[] dus = new int[n];
        Arrays.fill(dus, du);
        int[] recW = new int[nnz];
        for (int k = 0; k < nnz; k++) {
            recW[k] = (int) w[k];
        }
        List<FixedPointProjection> projections = new ArrayList<>();
        projections.add(new FixedPointProjection("rec", FixedPointProjection.RECURRENT, n, model.rowStart.clone(),
                model.target.clone(), recW, recExponent, SignMode.MIXED, numWeightBits));
        int[] rowStart = new int[nIn + 1];
        int[] target = new int[nIn * n];
        int[] inW = new int[nIn * n];
        for (int c = 0; c < nIn; c++) {
            rowStart[c + 1] = (c + 1) * n;
            for (int j = 0; j < n; j++) {
                target[c * n + j] = j;
                inW[c * n + j] = (int) w[nnz + j * nIn + c];
            }
        }
        projections.add(new FixedPointProjection("input:x", 0, nIn, rowStart, target, inW, inExponent, SignMode.MIXED,
                numWeightBits));
        int[] zeros = new int[n];
        int[] unmapped = new int[n];
        Arrays.fill(unmapped, FixedPointNetwork.UNMAPPED);
        return new FixedPointNetwork(preset.name(), preset.neuron(), preset.synapse(), dtMs, dus, dv.clone(), vth.clone(),
                zeros, zeros.clone(), zeros.clone(), zeros.clone(), zeros.clone(), unmapped,
                List.of(new FixedPointNetwork.InputSpec("x", nIn)), projections);
    }
}
