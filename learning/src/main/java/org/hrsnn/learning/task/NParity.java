package org.hrsnn.learning.task;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;

/** N-parity: N bits, one per period (group bit-0 or bit-1), then a go period in which the output names the parity of the number of ones. */
public final class NParity extends EpisodicTask {
    private final int bits;

    public NParity() {
        this(3, 100, 1);
    }

    public NParity(int bits, double periodMs, double dtMs) {
        super(3, periodMs, dtMs);
        this.bits = Check.positive("bits", bits);
    }

    @Override
    public String name() {
        return "n-parity";
    }

    @Override
    public int outputs() {
        return 2;
    }

    @Override
    public Sequence sample(RandomGenerator g) {
        double[][] x = frames(bits + 1);
        int ones = 0;
        for (int p = 0; p < bits; p++) {
            int bit = g.nextInt(2);
            ones += bit;
            on(x, bit, p, g);
        }
        on(x, 2, bits, g);
        return finish(x, new int[] {bits}, new int[] {ones % 2}, g);
    }
}
