package org.hrsnn.hardware.fixedpoint;

import java.util.Arrays;
import java.util.List;
import org.hrsnn.hardware.preset.NeuronFormat;
import org.hrsnn.hardware.preset.SynapseFormat;
import org.hrsnn.simulator.InvalidInputException;

/**
 * A network in integers, ready for a chip: per neuron du, dv, vth (mantissa), bias mantissa and
 * exponent, refractory count (0 = none), initial v, decay prototype and core; synapses as
 * {@link FixedPointProjection}s; the input groups by name and channel count. It carries the
 * neuron and synapse formats of its preset so that it can be run without the preset
 * ({@link FixedPointNetworkJson} writes exactly this). Immutable by convention; the constructor
 * checks every value against the formats and names the offending field.
 */
public final class FixedPointNetwork {
    /** Core index of a neuron that has not been mapped. */
    public static final int UNMAPPED = -1;

    public final String presetName;
    public final NeuronFormat neuronFormat;
    public final SynapseFormat synapseFormat;
    /** Biological time per step, ms (for converting step indices back to time). */
    public final double timeStepMs;
    public final int size;
    public final int[] du;
    public final int[] dv;
    public final int[] vth;
    public final int[] biasMantissa;
    public final int[] biasExponent;
    public final int[] refractorySteps;
    public final int[] initialV;
    public final int[] prototype;
    public final int[] core;
    public final List<InputSpec> inputs;
    public final List<FixedPointProjection> projections;

    /** An input group of the fixed-point network: its name and number of channels. */
    public record InputSpec(String name, int channels) {
    }

    public FixedPointNetwork(String presetName, NeuronFormat neuronFormat, SynapseFormat synapseFormat,
                             double timeStepMs, int[] du, int[] dv, int[] vth, int[] biasMantissa,
                             int[] biasExponent, int[] refractorySteps, int[] initialV, int[] prototype,
                             int[] core, List<InputSpec> inputs, List<FixedPointProjection> projections) {
        this.presetName = presetName;
        this.neuronFormat = neuronFormat;
        this.synapseFormat = synapseFormat;
        this.timeStepMs = timeStepMs;
        this.size = du.length;
        this.du = du;
        this.dv = dv;
        this.vth = vth;
        this.biasMantissa = biasMantissa;
        this.biasExponent = biasExponent;
        this.refractorySteps = refractorySteps;
        this.initialV = initialV;
        this.prototype = prototype;
        this.core = core;
        this.inputs = List.copyOf(inputs);
        this.projections = List.copyOf(projections);
        validate();
    }

    private void validate() {
        if (!(timeStepMs > 0) || Double.isInfinite(timeStepMs)) {
            throw new InvalidInputException("timeStepMs", timeStepMs, "a finite number of ms > 0");
        }
        int[][] arrays = {dv, vth, biasMantissa, biasExponent, refractorySteps, initialV, prototype, core};
        String[] names = {"dv", "vth", "biasMantissa", "biasExponent", "refractorySteps", "initialV", "prototype", "core"};
        for (int a = 0; a < arrays.length; a++) {
            if (arrays[a].length != size) {
                throw new InvalidInputException(names[a] + ".length", arrays[a].length, "the number of neurons, " + size);
            }
        }
        NeuronFormat f = neuronFormat;
        int maxState = f.maxState();
        for (int i = 0; i < size; i++) {
            range("du", i, du[i], 0, f.maxDecay());
            range("dv", i, dv[i], 0, f.maxDecay());
            range("vth", i, vth[i], 0, f.maxThreshold());
            range("biasMantissa", i, biasMantissa[i], f.minBiasMantissa(), f.maxBiasMantissa());
            range("biasExponent", i, biasExponent[i], 0, f.maxBiasExponent());
            range("refractorySteps", i, refractorySteps[i], 0, f.maxRefractorySteps());
            range("initialV", i, initialV[i], -maxState, maxState);
            range("prototype", i, prototype[i], 0, Integer.MAX_VALUE);
            range("core", i, core[i], UNMAPPED, Integer.MAX_VALUE);
        }
        SynapseFormat s = synapseFormat;
        for (int p = 0; p < projections.size(); p++) {
            FixedPointProjection pr = projections.get(p);
            String field = "projections[" + p + "] '" + pr.name() + "'";
            int sources;
            if (pr.recurrent()) {
                sources = size;
            } else {
                if (pr.sourceGroup() < 0 || pr.sourceGroup() >= inputs.size()) {
                    throw new InvalidInputException(field + ".sourceGroup", pr.sourceGroup(),
                            "-1 (recurrent) or an input group index in [0, " + inputs.size() + ")");
                }
                sources = inputs.get(pr.sourceGroup()).channels();
            }
            if (pr.sourceCount() != sources || pr.rowStart().length != sources + 1 || pr.rowStart()[0] != 0
                    || pr.rowStart()[sources] != pr.target().length || pr.weight().length != pr.target().length) {
                throw new InvalidInputException(field + ".rowStart", "length " + pr.rowStart().length,
                        "CSR over " + sources + " sources: " + (sources + 1) + " offsets from 0 to the number of synapses");
            }
            for (int j = 0; j < sources; j++) {
                if (pr.rowStart()[j + 1] < pr.rowStart()[j]) {
                    throw new InvalidInputException(field + ".rowStart[" + (j + 1) + "]", pr.rowStart()[j + 1], "non-decreasing offsets");
                }
            }
            if (pr.weightExponent() < s.minWeightExponent() || pr.weightExponent() > s.maxWeightExponent()) {
                throw new InvalidInputException(field + ".weightExponent", pr.weightExponent(),
                        "an integer in [" + s.minWeightExponent() + ", " + s.maxWeightExponent() + "]");
            }
            if (pr.numWeightBits() < s.minWeightBits() || pr.numWeightBits() > s.weightBits()) {
                throw new InvalidInputException(field + ".numWeightBits", pr.numWeightBits(),
                        "an integer in [" + s.minWeightBits() + ", " + s.weightBits() + "]");
            }
            int lo = pr.signMode().minWeight(s.weightBits());
            int hi = pr.signMode().maxWeight(s.weightBits());
            for (int k = 0; k < pr.target().length; k++) {
                if (pr.target()[k] < 0 || pr.target()[k] >= size) {
                    throw new InvalidInputException(field + ".target[" + k + "]", pr.target()[k], "a neuron index in [0, " + size + ")");
                }
                if (pr.weight()[k] < lo || pr.weight()[k] > hi) {
                    throw new InvalidInputException(field + ".weight[" + k + "]", pr.weight()[k],
                            "an integer in [" + lo + ", " + hi + "] (sign mode " + pr.signMode() + ")");
                }
            }
        }
    }

    private static void range(String name, int i, int value, int lo, int hi) {
        if (value < lo || value > hi) {
            throw new InvalidInputException(name + "[" + i + "]", value, "an integer in [" + lo + ", " + hi + "]");
        }
    }

    /** Whether every neuron has a core. */
    public boolean mapped() {
        for (int c : core) {
            if (c == UNMAPPED) {
                return false;
            }
        }
        return true;
    }

    /** Number of cores used (largest core index + 1), 0 if unmapped. */
    public int coresUsed() {
        int m = -1;
        for (int c : core) {
            m = Math.max(m, c);
        }
        return m + 1;
    }

    /** Number of distinct prototypes. */
    public int prototypes() {
        return (int) Arrays.stream(prototype).distinct().count();
    }

    /** Total number of synapses. */
    public long synapseCount() {
        long n = 0;
        for (FixedPointProjection p : projections) {
            n += p.size();
        }
        return n;
    }

    /** The same network with a core assignment. */
    public FixedPointNetwork withCores(int[] newCore) {
        return new FixedPointNetwork(presetName, neuronFormat, synapseFormat, timeStepMs, du, dv, vth, biasMantissa,
                biasExponent, refractorySteps, initialV, prototype, newCore, inputs, projections);
    }

    /** The same network with other projections (e.g. the weights requantised to fewer bits). */
    public FixedPointNetwork withProjections(List<FixedPointProjection> newProjections) {
        return new FixedPointNetwork(presetName, neuronFormat, synapseFormat, timeStepMs, du, dv, vth, biasMantissa,
                biasExponent, refractorySteps, initialV, prototype, core, inputs, newProjections);
    }
}
