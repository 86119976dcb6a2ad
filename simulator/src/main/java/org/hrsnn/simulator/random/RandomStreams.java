package org.hrsnn.simulator.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Named, seeded random streams: every random draw in hrsnn comes from one of these.
 *
 * <p>A stream is identified by the master seed and a name ("population/exc/membraneTau",
 * "connect/exc->all", "input/poisson"). The same (seed, name) always gives the same sequence,
 * whatever else has been drawn before, in which order, or on which thread. That is what makes
 * runs bit-identical across thread counts: work is split by stream, never by shared state.
 */
public final class RandomStreams {
    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** A fresh generator for the named stream, positioned at its start. */
    public RandomGenerator stream(String name) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        // Well19937c takes 624 ints of seed; expand the 64-bit stream key with SplitMix64.
        int[] key = new int[624];
        long s = h;
        for (int i = 0; i < key.length; i += 2) {
            s += 0x9E3779B97F4A7C15L;
            long z = mix(s);
            key[i] = (int) z;
            if (i + 1 < key.length) {
                key[i + 1] = (int) (z >>> 32);
            }
        }
        return new Well19937c(key);
    }

    /** Streams derived from this one under a prefix, e.g. {@code child("run")}. */
    public RandomStreams child(String name) {
        long h = mix(seed + 0x632BE59BD9B4E019L);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFF));
        }
        return new RandomStreams(h);
    }

    /** SplitMix64 finaliser (Steele, Lea, Flood 2014): a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
