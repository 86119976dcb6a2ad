package org.hrsnn.pipeline;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * One progress line on stderr for the whole demo: the stage running, its share of the run done
 * (stages weighted by their expected wall time) and the wall time so far. Silent unless enabled
 * (a terminal is attached and --quiet was not given), so piped output and JSON stay clean.
 */
public final class StageProgress {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private double totalWeight = 1;
    private double doneWeight;
    private double stageWeight;
    private String label = "";
    private long lastDraw;

    public StageProgress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    /** A progress line that prints nothing. */
    public static StageProgress silent() {
        return new StageProgress(null, false);
    }

    void begin(double total) {
        totalWeight = total;
    }

    void startStage(String name, int index, int count, double weight) {
        label = String.format(Locale.ROOT, "%d/%d %-10s", index, count, name);
        stageWeight = weight;
        draw(0, true);
    }

    /** Reports the fraction (0..1) of the current stage done. */
    public void update(double fraction) {
        draw(fraction, false);
    }

    void endStage() {
        draw(1, true);
        doneWeight += stageWeight;
        stageWeight = 0;
    }

    void finish() {
        if (enabled) {
            err.println();
            err.flush();
        }
    }

    private synchronized void draw(double fraction, boolean force) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double f = Math.max(0, Math.min(1, (doneWeight + stageWeight * Math.max(0, Math.min(1, fraction))) / totalWeight));
        int full = (int) Math.round(f * WIDTH);
        StringBuilder sb = new StringBuilder(90).append("\rdemo ").append(label).append(" [");
        for (int i = 0; i < WIDTH; i++) {
            sb.append(i < full ? '#' : '.');
        }
        sb.append(String.format(Locale.ROOT, "] %3.0f%%  %5.1f s", 100 * f, (now - startNanos) / 1e9));
        err.print(sb);
        err.flush();
    }
}
