package org.hrsnn.simulator.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    private static long[] draw(RandomGenerator rng, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextLong();
        }
        return out;
    }

    @Test
    void sameSeedAndNameGiveTheSameSequence() {
        assertArrayEquals(draw(new RandomStreams(42).stream("population/exc/membraneTau"), 1000),
                draw(new RandomStreams(42).stream("population/exc/membraneTau"), 1000));
    }

    @Test
    void differentNamesOrSeedsGiveDifferentSequences() {
        long[] a = draw(new RandomStreams(42).stream("a"), 100);
        long[] b = draw(new RandomStreams(42).stream("b"), 100);
        long[] a2 = draw(new RandomStreams(43).stream("a"), 100);
        long[] ab = draw(new RandomStreams(42).stream("ab"), 100);
        for (long[] other : new long[][] {b, a2, ab}) {
            int same = 0;
            for (int i = 0; i < 100; i++) {
                if (a[i] == other[i]) {
                    same++;
                }
            }
            assertEquals(0, same, "64-bit draws of independent streams should never coincide");
        }
    }

    @Test
    void aStreamDoesNotDependOnWhatWasCreatedOrDrawnBefore() {
        RandomStreams s = new RandomStreams(7);
        long[] direct = draw(s.stream("connect/exc->all#0/structure"), 50);
        RandomStreams t = new RandomStreams(7);
        RandomGenerator other = t.stream("input/poisson");
        draw(other, 10_000);
        RandomGenerator later = t.stream("population/inh/threshold");
        draw(later, 3);
        assertArrayEquals(direct, draw(t.stream("connect/exc->all#0/structure"), 50));
    }

    @Test
    void neighbouringStreamsAreUncorrelated() {
        RandomStreams s = new RandomStreams(1);
        int n = 20_000;
        double[] x = new double[n];
        double[] y = new double[n];
        RandomGenerator a = s.stream("input/0");
        RandomGenerator b = s.stream("input/1");
        for (int i = 0; i < n; i++) {
            x[i] = a.nextDouble();
            y[i] = b.nextDouble();
        }
        double r = new PearsonsCorrelation().correlation(x, y);
        assertTrue(Math.abs(r) < 5 / Math.sqrt(n), "correlation " + r);
    }

    @Test
    void childStreamsAreReproducibleAndDistinctFromTheParent() {
        long[] c1 = draw(new RandomStreams(5).child("run").stream("x"), 20);
        long[] c2 = draw(new RandomStreams(5).child("run").stream("x"), 20);
        long[] parent = draw(new RandomStreams(5).stream("x"), 20);
        assertArrayEquals(c1, c2);
        assertFalse(Arrays.equals(c1, parent));
    }
}
