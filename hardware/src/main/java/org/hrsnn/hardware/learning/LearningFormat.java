package org.hrsnn.hardware.learning;

import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.hardware.preset.OnChipLearning;
import org.hrsnn.simulator.InvalidInputException;

/**
 * Bit widths and scalings of the fixed-point learning rule. Every stored quantity is a signed
 * two's-complement integer with saturating arithmetic; a real value r is held as round(r 2^F)
 * with F fraction bits:
 * <ul>
 * <li>presynaptic / eligibility traces zbar, eps_v, eps_a: traceBits wide, F_trace = traceBits - 1
 *     - {@link #TRACE_HEADROOM_BITS} (range +-8, enough for the filtered spike count at tau_m = 20 ms
 *     and firing rates up to ~ 400 Hz);</li>
 * <li>the kappa-filtered eligibility trace ebar: traceBits wide, F_ebar = F_trace - 1 (range +-16);</li>
 * <li>the weight-update accumulator (gradient): accumulatorBits wide, F_acc = accumulatorBits - 1 -
 *     {@link #ACCUMULATOR_HEADROOM_BITS} (range +-8);</li>
 * <li>decay and gain constants (alpha, rho, kappa, beta, psi, SnAp-1's c_j): multiplierBits fraction
 *     bits; a product trace x constant is (x c) >> multiplierBits, rounded;</li>
 * <li>the per-neuron learning signals L_j: {@link #SIGNAL_FRACTION_BITS} fraction bits in 64 bits
 *     (computed by the neuron from the readout error; not a per-synapse quantity);</li>
 * <li>learned weights: weightBits wide, one scale (mV per LSB) per group (recurrent, input), set
 *     from the initial weights (see {@link FixedPointWeights}).</li>
 * </ul>
 *
 * @param traceBits          width of every stored trace, 5..32
 * @param weightBits         width of a learned weight, 2..32
 * @param accumulatorBits    width of the update accumulator, 5..32
 * @param epochSteps         weights are updated every this many steps (the learning epoch)
 * @param stochasticRounding stochastic (true) or to-nearest (false) rounding of every rule product
 *                           and every weight update
 * @param multiplierBits     fraction bits of decay and gain constants, 8..24 (12: Loihi's decay width)
 * @param adaptationHeadroomBits integer bits of the adaptation eligibility trace eps_a (range +-2^k,
 *                           fraction bits traceBits - 1 - k; default {@link #TRACE_HEADROOM_BITS}).
 *                           eps_a integrates psi zbar over tau_a: with a weak adaptation strength
 *                           nothing pulls it back (e-prop paper setup: beta = 0.017, tau_a = 2 s)
 *                           and it outgrows the +-8 that suits the other traces
 */
public record LearningFormat(int traceBits, int weightBits, int accumulatorBits, int epochSteps,
                             boolean stochasticRounding, int multiplierBits, int adaptationHeadroomBits) {
    public static final int TRACE_HEADROOM_BITS = 3;
    public static final int ACCUMULATOR_HEADROOM_BITS = 3;
    public static final int SIGNAL_FRACTION_BITS = 24;
    public static final int DEFAULT_MULTIPLIER_BITS = 12;

    public LearningFormat {
        check("traceBits", traceBits, 5, 32);
        check("weightBits", weightBits, 2, 32);
        check("accumulatorBits", accumulatorBits, 5, 32);
        check("epochSteps", epochSteps, 1, 1 << 20);
        check("multiplierBits", multiplierBits, 8, 24);
        check("adaptationHeadroomBits", adaptationHeadroomBits, 0, traceBits - 1);
    }

    /** eps_a with the same range as the other traces ({@link #TRACE_HEADROOM_BITS}). */
    public LearningFormat(int traceBits, int weightBits, int accumulatorBits, int epochSteps,
                          boolean stochasticRounding, int multiplierBits) {
        this(traceBits, weightBits, accumulatorBits, epochSteps, stochasticRounding, multiplierBits,
                Math.min(TRACE_HEADROOM_BITS, traceBits - 1));
    }

    private static void check(String field, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw new InvalidInputException(field, v, "an integer in [" + lo + ", " + hi + "]");
        }
    }

    /** The preset's onChipLearning widths with its longest epoch. */
    public static LearningFormat of(HardwarePreset preset) {
        OnChipLearning o = preset.learning().orElseThrow(() -> new InvalidInputException(
                "preset '" + preset.name() + "'.onChipLearning", "(none)", "an onChipLearning section (trace, weight, "
                        + "accumulator widths)"));
        return new LearningFormat(o.traceBits(), o.weightBits(), o.accumulatorBits(), o.maxEpochSteps(),
                o.stochasticRounding(), DEFAULT_MULTIPLIER_BITS);
    }

    /** Checks the epoch against the preset's limit, naming the field. */
    public LearningFormat checkedAgainst(HardwarePreset preset) {
        preset.learning().ifPresent(o -> {
            if (epochSteps > o.maxEpochSteps()) {
                throw new InvalidInputException("epochSteps", epochSteps, "<= " + o.maxEpochSteps()
                        + " (onChipLearning.maxEpochSteps of preset " + preset.name() + ")");
            }
        });
        return this;
    }

    public LearningFormat withTraceBits(int bits) {
        return new LearningFormat(bits, weightBits, accumulatorBits, epochSteps, stochasticRounding, multiplierBits, adaptationHeadroomBits);
    }

    public LearningFormat withWeightBits(int bits) {
        return new LearningFormat(traceBits, bits, accumulatorBits, epochSteps, stochasticRounding, multiplierBits, adaptationHeadroomBits);
    }

    public LearningFormat withAccumulatorBits(int bits) {
        return new LearningFormat(traceBits, weightBits, bits, epochSteps, stochasticRounding, multiplierBits, adaptationHeadroomBits);
    }

    public LearningFormat withEpochSteps(int steps) {
        return new LearningFormat(traceBits, weightBits, accumulatorBits, steps, stochasticRounding, multiplierBits, adaptationHeadroomBits);
    }

    public LearningFormat withStochasticRounding(boolean on) {
        return new LearningFormat(traceBits, weightBits, accumulatorBits, epochSteps, on, multiplierBits, adaptationHeadroomBits);
    }

    public LearningFormat withMultiplierBits(int bits) {
        return new LearningFormat(traceBits, weightBits, accumulatorBits, epochSteps, stochasticRounding, bits, adaptationHeadroomBits);
    }

    /** The same format with eps_a's range +-2^bits. */
    public LearningFormat withAdaptationHeadroomBits(int bits) {
        return new LearningFormat(traceBits, weightBits, accumulatorBits, epochSteps, stochasticRounding, multiplierBits, bits);
    }

    /** Fraction bits of eps_a. */
    public int adaptationFractionBits() {
        return traceBits - 1 - adaptationHeadroomBits;
    }

    public int traceFractionBits() {
        return traceBits - 1 - TRACE_HEADROOM_BITS;
    }

    public int ebarFractionBits() {
        return traceFractionBits() - 1;
    }

    public int accumulatorFractionBits() {
        return accumulatorBits - 1 - ACCUMULATOR_HEADROOM_BITS;
    }
}
