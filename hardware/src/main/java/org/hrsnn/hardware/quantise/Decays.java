package org.hrsnn.hardware.quantise;

import org.hrsnn.hardware.preset.NeuronFormat;

/**
 * Decay constants from time constants and back. The float per-step factor is f = e^{-dt/tau}.
 * MULTIPLY mode: the hardware factor is 1 - (d + offset) / 2^bits, so d = round(2^bits (1 - f)) - offset
 * (the +1 offset of u is subtracted so the effective factor, not d, matches f). SHIFT mode: the
 * factor is 1 - 2^-(d + offset), so d = round(-log2(1 - f)) - offset. Both clipped to the format.
 */
public final class Decays {
    private Decays() {
    }

    /** The decay constant closest to time constant tau (ms) at step dt (ms); offset 0 for v. */
    public static int decayConstant(double tauMs, double dtMs, NeuronFormat format, int offset) {
        double alpha = -Math.expm1(-dtMs / tauMs); // 1 - f, accurate for tau >> dt
        long d;
        if (format.decayMode() == NeuronFormat.DecayMode.MULTIPLY) {
            d = Math.round(alpha * (1 << format.decayBits())) - offset;
        } else {
            d = Math.round(-Math.log(alpha) / Math.log(2)) - offset;
        }
        return (int) Math.max(0, Math.min(format.maxDecay(), d));
    }

    /** 1 - f of the hardware for decay constant d (the fraction lost per step). */
    public static double effectiveAlpha(int d, NeuronFormat format, int offset) {
        if (format.decayMode() == NeuronFormat.DecayMode.MULTIPLY) {
            return (d + offset) / (double) (1 << format.decayBits());
        }
        return Math.pow(2, -(d + offset));
    }

    /** The time constant (ms) the hardware realises with decay constant d; 0 when it clears in one step. */
    public static double effectiveTau(int d, double dtMs, NeuronFormat format, int offset) {
        double alpha = effectiveAlpha(d, format, offset);
        if (alpha >= 1) {
            return 0;
        }
        if (alpha <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return -dtMs / Math.log1p(-alpha);
    }
}
