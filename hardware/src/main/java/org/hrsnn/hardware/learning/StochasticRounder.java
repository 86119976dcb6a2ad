package org.hrsnn.hardware.learning;

import org.hrsnn.simulator.random.RandomStreams;

/**
 * Rounding of fixed-point results, stochastic or to nearest. Stochastic rounding of x / 2^s adds a
 * uniform integer in [0, 2^s) before the (flooring) shift, so the result is floor or ceil of the
 * real quotient with probabilities that make it unbiased: E[result] = x / 2^s exactly.
 *
 * <p>The uniform bits come from a xorshift64* generator seeded once from the named stream of
 * {@link RandomStreams} (one 64-bit draw): the per-synapse, per-step rounding draws are too many
 * for a general-purpose generator in the hot loop, and the sequence is still fixed by the seed and
 * the stream name.
 */
public final class StochasticRounder {
    private final boolean stochastic;
    private long state;

    /** @param stochastic false: every rounding is to nearest and no random bits are drawn */
    public StochasticRounder(boolean stochastic, RandomStreams streams, String streamName) {
        this.stochastic = stochastic;
        long seed = streams.stream(streamName).nextLong();
        this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
    }

    public boolean stochastic() {
        return stochastic;
    }

    private long nextBits() {
        long x = state;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        state = x;
        return x * 0x2545F4914F6CDD1DL;
    }

    /** x / 2^shift rounded (stochastically when enabled); a shift <= 0 is exact. */
    public long roundShift(long x, int shift) {
        if (shift <= 0) {
            return x << -shift;
        }
        if (x == 0) {
            return 0;
        }
        if (!stochastic) {
            return (x + (1L << (shift - 1))) >> shift;
        }
        long r = nextBits() >>> (64 - shift);
        return (x + r) >> shift;
    }

    /** A real value rounded to an integer (stochastically: floor(x + u), u uniform in [0, 1)). */
    public long round(double x) {
        if (!stochastic) {
            return Math.round(x);
        }
        double u = (nextBits() >>> 11) * 0x1.0p-53;
        return (long) Math.floor(x + u);
    }
}
