package org.hrsnn.hardware.quantise;

import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;

/**
 * How to quantise.
 *
 * @param dtMs            time per hardware step, ms
 * @param weightBits      bits kept per weight (1 .. the preset's weightBits); 0 = the preset's width
 * @param maxPrototypes   most distinct (du, dv) decay prototypes; 0 = the preset's prototypesPerCore
 * @param refractory      map refractory periods to a refractory count; null = the preset's default
 * @param headroomBits    the largest threshold is placed 2^headroomBits below the state range, leaving
 *                        room for v to overshoot and undershoot before it saturates
 * @param synapticTau     which float time constant the single hardware current takes
 * @param seed            seed of the prototype clustering (stream "quantise/prototypes")
 * @param equaliseGain    one voltage scale per neuron, inversely proportional to alpha'_m R, so that a
 *                        float weight maps to the same a_in value whatever its target's membrane time
 *                        constant (default); false: one voltage scale for the whole network, as before,
 *                        which lets a projection's weights spread over the targets' gain range
 */
public record QuantiserOptions(double dtMs, int weightBits, int maxPrototypes, Boolean refractory, int headroomBits,
                               SynapticTau synapticTau, long seed, boolean equaliseGain) {

    /** The hardware has one synaptic current per neuron; the float model has I_e and I_i. */
    public enum SynapticTau {
        /** tau_s = tau_e (inhibitory charge is preserved by the weight gain, its time course is not). */
        EXCITATORY,
        /** tau_s = tau_i. */
        INHIBITORY,
        /** tau_s = sqrt(tau_e tau_i). */
        GEOMETRIC_MEAN
    }

    public QuantiserOptions {
        Check.positive("dt", dtMs);
        if (weightBits < 0) {
            throw new InvalidInputException("weightBits", weightBits, "0 (preset width) or a number of bits >= 1");
        }
        Check.nonNegative("maxPrototypes", maxPrototypes);
        if (headroomBits < 0 || headroomBits > 8) {
            throw new InvalidInputException("headroomBits", headroomBits, "an integer in [0, 8]");
        }
        if (synapticTau == null) {
            throw new InvalidInputException("synapticTau", "null", "one of EXCITATORY, INHIBITORY, GEOMETRIC_MEAN");
        }
    }

    /** dt as given, everything else from the preset; 2 bits of headroom; tau_s = tau_e; per-neuron voltage scales. */
    public static QuantiserOptions defaults(double dtMs) {
        return new QuantiserOptions(dtMs, 0, 0, null, 2, SynapticTau.EXCITATORY, 1, true);
    }

    public QuantiserOptions withWeightBits(int bits) {
        return new QuantiserOptions(dtMs, bits, maxPrototypes, refractory, headroomBits, synapticTau, seed, equaliseGain);
    }

    public QuantiserOptions withMaxPrototypes(int p) {
        return new QuantiserOptions(dtMs, weightBits, p, refractory, headroomBits, synapticTau, seed, equaliseGain);
    }

    public QuantiserOptions withSynapticTau(SynapticTau tau) {
        return new QuantiserOptions(dtMs, weightBits, maxPrototypes, refractory, headroomBits, tau, seed, equaliseGain);
    }

    public QuantiserOptions withRefractory(Boolean on) {
        return new QuantiserOptions(dtMs, weightBits, maxPrototypes, on, headroomBits, synapticTau, seed, equaliseGain);
    }

    public QuantiserOptions withEqualiseGain(boolean on) {
        return new QuantiserOptions(dtMs, weightBits, maxPrototypes, refractory, headroomBits, synapticTau, seed, on);
    }
}
