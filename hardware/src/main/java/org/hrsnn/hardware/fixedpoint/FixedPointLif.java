package org.hrsnn.hardware.fixedpoint;

import org.hrsnn.hardware.preset.NeuronFormat;

/**
 * The integer CUBA LIF arithmetic of MODELS.md section 5, parameterised by a chip's
 * {@link NeuronFormat}. Integers only: products use {@code long} so that no intermediate
 * overflows, and every shift of a signed value is applied to its magnitude (rounding toward
 * zero) except where the model says otherwise (the weight exponent).
 *
 * <p>Loihi (stateBits 24, MULTIPLY, decayBits 12, offset 1, shifts 6):
 * <pre>
 *   u = wrap24( trunc0(u (4096 - (du + 1)) / 4096) + (a_in &lt;&lt; 6) )
 *   v = sat24 ( trunc0(v (4096 - dv) / 4096) + u + (biasMant &lt;&lt; biasExp) )
 * </pre>
 * wrap maps into (-2^23, 2^23]: a value above 2^23 has 2^24 subtracted, a value at or below
 * -2^23 has 2^24 added (so +2^23 stays and -2^23 becomes +2^23). The wrap here is modular, so
 * it also gives the 24-bit register's value for sums far outside the range, where a single
 * subtraction (Lava) would leave the range; inside that range the two agree.
 */
public final class FixedPointLif {
    private final NeuronFormat format;
    private final boolean multiply;
    private final boolean wrapCurrent;
    private final int decayBits;
    private final int unity;
    private final int currentOffset;
    private final int stateBits;
    private final int activationShift;
    private final int thresholdShift;

    public FixedPointLif(NeuronFormat format) {
        this.format = format;
        this.multiply = format.decayMode() == NeuronFormat.DecayMode.MULTIPLY;
        this.wrapCurrent = format.currentOverflow() == NeuronFormat.Overflow.WRAP;
        this.decayBits = format.decayBits();
        this.unity = multiply ? 1 << decayBits : 0;
        this.currentOffset = format.currentDecayOffset();
        this.stateBits = format.stateBits();
        this.activationShift = format.activationShift();
        this.thresholdShift = format.thresholdShift();
    }

    public NeuronFormat format() {
        return format;
    }

    /** trunc0(x (2^bits - d) / 2^bits): the product's magnitude shifted right, sign restored. */
    public static int multiplyDecay(int x, int d, int bits) {
        long p = (long) x * ((1L << bits) - d);
        return (int) (p >= 0 ? p >> bits : -((-p) >> bits));
    }

    /** x - trunc0(x / 2^shift): decay by a right shift of the magnitude. */
    public static int shiftDecay(int x, int shift) {
        return x >= 0 ? x - (x >> shift) : x + ((-x) >> shift);
    }

    /** Two's complement wrap of x into (-2^(bits-1), 2^(bits-1)]. */
    public static int wrap(long x, int bits) {
        long m = 1L << bits;
        long half = m >> 1;
        if (x > -half && x <= half) {
            return (int) x; // the common case, without a division
        }
        long r = Math.floorMod(x, m);
        return (int) (r > half ? r - m : r);
    }

    /** Clip x to [-(2^(bits-1) - 1), 2^(bits-1) - 1]. */
    public static int saturate(long x, int bits) {
        long max = (1L << (bits - 1)) - 1;
        return (int) (x > max ? max : (x < -max ? -max : x));
    }

    /** wrap24 of MODELS.md. */
    public static int wrap24(long x) {
        return wrap(x, 24);
    }

    /** sat24 of MODELS.md. */
    public static int sat24(long x) {
        return saturate(x, 24);
    }

    /** The decay of u alone (offset included), before the input is added. */
    public int decayCurrent(int u, int du) {
        return multiply ? multiplyDecay(u, du + currentOffset, decayBits) : shiftDecay(u, du + currentOffset);
    }

    public int decayVoltage(int v, int dv) {
        return multiply ? multiplyDecay(v, dv, decayBits) : shiftDecay(v, dv);
    }

    /** u[t] from u[t-1] and the (already exponent-shifted) synaptic input a_in[t]. */
    public int current(int u, int du, long aIn) {
        long x = decayCurrent(u, du) + (aIn << activationShift);
        return wrapCurrent ? wrap(x, stateBits) : saturate(x, stateBits);
    }

    /** v[t] from v[t-1], u[t] and the bias (mantissa &lt;&lt; exponent). */
    public int voltage(int v, int dv, int u, int bias) {
        return saturate((long) decayVoltage(v, dv) + u + bias, stateBits);
    }

    /** The bias added to v each step. */
    public static int bias(int mantissa, int exponent) {
        return mantissa << exponent;
    }

    /** The value v must exceed (strictly) to spike. */
    public int threshold(int vthMantissa) {
        return vthMantissa << thresholdShift;
    }

    /**
     * The synaptic sum of one projection shifted by its weight exponent: left for a positive
     * exponent, arithmetic right (flooring) for a negative one.
     */
    public static long applyWeightExponent(long sum, int exponent) {
        return exponent >= 0 ? sum << exponent : sum >> (-exponent);
    }
}
