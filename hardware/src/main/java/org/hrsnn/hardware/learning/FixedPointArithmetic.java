package org.hrsnn.hardware.learning;

import org.hrsnn.simulator.InvalidInputException;

/** Saturating two's-complement helpers for the fixed-point learning rule (values held in longs). */
public final class FixedPointArithmetic {
    private FixedPointArithmetic() {
    }

    /** Largest value of a signed {@code bits}-wide integer: 2^(bits-1) - 1. */
    public static long maxSigned(int bits) {
        checkBits(bits);
        return (1L << (bits - 1)) - 1;
    }

    /** Smallest value of a signed {@code bits}-wide integer: -2^(bits-1). */
    public static long minSigned(int bits) {
        checkBits(bits);
        return -(1L << (bits - 1));
    }

    /** x clipped to the signed {@code bits}-wide range. */
    public static long saturate(long x, int bits) {
        long hi = (1L << (bits - 1)) - 1;
        long lo = -(1L << (bits - 1));
        return x > hi ? hi : (x < lo ? lo : x);
    }

    /** x / 2^shift rounded to nearest (ties up); a negative shift multiplies by 2^-shift. */
    public static long roundShiftNearest(long x, int shift) {
        if (shift <= 0) {
            return x << -shift;
        }
        return (x + (1L << (shift - 1))) >> shift;
    }

    /** A real multiplier as an integer with {@code fractionBits} fraction bits (to nearest). */
    public static long multiplier(double value, int fractionBits) {
        return Math.round(value * (1L << fractionBits));
    }

    private static void checkBits(int bits) {
        if (bits < 2 || bits > 63) {
            throw new InvalidInputException("bits", bits, "an integer in [2, 63]");
        }
    }
}
