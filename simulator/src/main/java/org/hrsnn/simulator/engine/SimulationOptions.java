package org.hrsnn.simulator.engine;

import org.hrsnn.simulator.Check;

/**
 * How to run: biological duration (ms), the seed of the run's random streams (inputs), the
 * number of worker threads (results are bit-identical for every count), and the time step
 * (ms, clock-driven engines only).
 */
public record SimulationOptions(double durationMs, long seed, int threads, double dtMs) {
    public static final double DEFAULT_DT_MS = 0.1;

    public SimulationOptions {
        Check.positive("duration", durationMs);
        Check.positive("threads", threads);
        Check.positive("dt", dtMs);
    }

    public static SimulationOptions of(double durationMs, long seed) {
        return new SimulationOptions(durationMs, seed, 1, DEFAULT_DT_MS);
    }

    public SimulationOptions withThreads(int n) {
        return new SimulationOptions(durationMs, seed, n, dtMs);
    }

    public SimulationOptions withDt(double dt) {
        return new SimulationOptions(durationMs, seed, threads, dt);
    }

    public SimulationOptions withSeed(long s) {
        return new SimulationOptions(durationMs, s, threads, dtMs);
    }

    public SimulationOptions withDuration(double ms) {
        return new SimulationOptions(ms, seed, threads, dtMs);
    }
}
