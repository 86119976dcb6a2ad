package org.hrsnn.hardware.preset;

/**
 * The integer neuron arithmetic of a chip (MODELS.md section 5 for the Loihi-like case).
 *
 * <p>State registers u (synaptic current) and v (membrane potential) have {@code stateBits}
 * bits (two's complement). Per step:
 * <pre>
 *   u = overflow( decay(u, du + currentDecayOffset) + (a_in &lt;&lt; activationShift) )
 *   v = saturate( decay(v, dv) + u + (biasMantissa &lt;&lt; biasExponent) )
 *   spike if v &gt; (vth &lt;&lt; thresholdShift); then v = 0 (held at 0 for the refractory count)
 * </pre>
 * {@link DecayMode#MULTIPLY}: decay(x, d) = trunc0(x (2^decayBits - d) / 2^decayBits), d in
 * [0, 2^decayBits - 1]; {@link DecayMode#SHIFT}: decay(x, d) = x - trunc0(x / 2^d), d in
 * [0, maxShift]. Both round toward zero (the shift is applied to the magnitude).
 *
 * @param stateBits            width of u and v (24 on Loihi, 16 on Xylo)
 * @param currentOverflow      WRAP (two's complement wrap of u, Loihi) or SATURATE (Xylo)
 * @param decayMode            MULTIPLY (12-bit multiplicative decay) or SHIFT (decay by right shift)
 * @param decayBits            bits of du, dv in MULTIPLY mode (12), or largest shift in SHIFT mode
 * @param currentDecayOffset   added to du before decaying u (1 on Loihi: du = 0 still decays)
 * @param activationShift      left shift of the synaptic input before it is added to u (6 on Loihi)
 * @param thresholdShift       left shift of the threshold mantissa (6 on Loihi)
 * @param thresholdBits        unsigned bits of the threshold mantissa (17 on Loihi)
 * @param biasMantissaBits     signed bits of the bias mantissa, sign included (13 on Loihi)
 * @param maxBiasExponent      largest bias exponent (7 on Loihi)
 * @param maxRefractorySteps   largest refractory count (63 as in nengo-loihi), 0 if the chip has none
 */
public record NeuronFormat(int stateBits, Overflow currentOverflow, DecayMode decayMode, int decayBits,
                           int currentDecayOffset, int activationShift, int thresholdShift, int thresholdBits,
                           int biasMantissaBits, int maxBiasExponent, int maxRefractorySteps) {

    /** What happens when u leaves its register range. */
    public enum Overflow { WRAP, SATURATE }

    /** How du and dv act. */
    public enum DecayMode { MULTIPLY, SHIFT }

    /** Largest decay constant: 2^decayBits - 1 (MULTIPLY) or decayBits (SHIFT). */
    public int maxDecay() {
        return decayMode == DecayMode.MULTIPLY ? (1 << decayBits) - 1 : decayBits;
    }

    /** Largest state value, 2^(stateBits-1) - 1. */
    public int maxState() {
        return (1 << (stateBits - 1)) - 1;
    }

    public int maxThreshold() {
        return (int) ((1L << thresholdBits) - 1);
    }

    public int maxBiasMantissa() {
        return (1 << (biasMantissaBits - 1)) - 1;
    }

    public int minBiasMantissa() {
        return -(1 << (biasMantissaBits - 1));
    }
}
