package org.hrsnn.learning.task;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;

/**
 * Copy task: {@code length} symbols from an alphabet of {@code symbols}, one per period (group
 * = symbol), then a delimiter period (group {@code symbols}), then {@code length} output periods
 * in which the output must name the symbols in order.
 */
public final class CopyTask extends EpisodicTask {
    private final int symbols;
    private final int length;

    public CopyTask() {
        this(4, 3, 100, 1);
    }

    public CopyTask(int symbols, int length, double periodMs, double dtMs) {
        super(Check.positive("symbols", symbols) + 1, periodMs, dtMs);
        this.symbols = symbols;
        this.length = Check.positive("length", length);
    }

    @Override
    public String name() {
        return "copy";
    }

    @Override
    public int outputs() {
        return symbols;
    }

    @Override
    public Sequence sample(RandomGenerator g) {
        double[][] x = frames(2 * length + 1);
        int[] labels = new int[length];
        int[] windows = new int[length];
        for (int p = 0; p < length; p++) {
            labels[p] = g.nextInt(symbols);
            on(x, labels[p], p, g);
            windows[p] = length + 1 + p;
        }
        on(x, symbols, length, g);
        return finish(x, windows, labels, g);
    }
}
