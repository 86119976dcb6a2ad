package org.hrsnn.cli;

import java.io.PrintWriter;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.monitor.Monitor;
import org.hrsnn.simulator.network.Network;

/**
 * A one-line progress bar on stderr driven by {@link Monitor#onProgress}: simulated time over
 * the run's duration. Silent unless enabled (a terminal is attached and --quiet not given), so
 * piped output and JSON stay clean. Redraws at most ten times per wall second.
 */
public final class ProgressBar implements Monitor {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final String label;
    private double durationMs = 1;
    private long lastDraw;
    private long startNanos;
    private boolean drawn;
    /** Counting jobs (prune compare) rather than simulated time. */
    private boolean counting;

    public ProgressBar(PrintWriter err, boolean enabled, String label) {
        this.err = err;
        this.enabled = enabled;
        this.label = label;
    }

    /** Whether progress should be drawn: a console is attached and --quiet was not given. */
    public static boolean wanted(boolean quiet) {
        return !quiet && System.console() != null;
    }

    public boolean enabled() {
        return enabled;
    }

    /**
     * Starts counting {@code total} jobs instead of simulated time; report each finished job
     * with {@link #jobsDone}. Thread-safe, so worker threads may report directly.
     */
    public synchronized void startJobs(int total) {
        counting = true;
        durationMs = Math.max(1, total);
        startNanos = System.nanoTime();
        lastDraw = 0;
        drawn = false;
    }

    /** {@code done} of the jobs given to {@link #startJobs} have finished. */
    public synchronized void jobsDone(int done) {
        onProgress(done);
    }

    /** The last job finished: draws the full bar and ends the line. */
    public synchronized void finishJobs() {
        finish(durationMs);
    }

    @Override
    public void start(Network network, SimulationOptions options) {
        durationMs = options.durationMs();
        startNanos = System.nanoTime();
        lastDraw = 0;
        drawn = false;
    }

    @Override
    public void onProgress(double timeMs) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        draw(timeMs, now);
    }

    @Override
    public void finish(double endTimeMs) {
        if (!enabled) {
            return;
        }
        draw(endTimeMs, System.nanoTime());
        err.println();
        err.flush();
    }

    private void draw(double timeMs, long now) {
        double f = Math.max(0, Math.min(1, timeMs / durationMs));
        int full = (int) Math.round(f * WIDTH);
        StringBuilder sb = new StringBuilder(80).append('\r').append(label).append(" [");
        for (int i = 0; i < WIDTH; i++) {
            sb.append(i < full ? '#' : '.');
        }
        if (counting) {
            sb.append(String.format("] %3.0f%%  %d / %d jobs, %.1f s wall", 100 * f, (long) timeMs,
                    (long) durationMs, (now - startNanos) / 1e9));
        } else {
            sb.append(String.format("] %3.0f%%  %.2f / %.2f s bio, %.1f s wall", 100 * f, timeMs / 1000,
                    durationMs / 1000, (now - startNanos) / 1e9));
        }
        err.print(sb);
        err.flush();
    }
}
