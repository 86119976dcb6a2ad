package org.hrsnn.simulator.io;

import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.engine.SimulationOptions;

/**
 * What a data file says about the run it came from: the seed of the run's random streams, the
 * engine name ("event", "clock", ...), the time step (ms; NaN where the engine has none), the
 * simulated duration (ms) and the hrsnn version that wrote it.
 */
public record RunMetadata(long seed, String engine, double dtMs, double durationMs, String version) {
    /** The hrsnn release writing the files (kept in step with the Maven project version). */
    public static final String HRSNN_VERSION = "0.1.0-SNAPSHOT";

    public RunMetadata {
        if (engine == null || engine.isBlank()) {
            throw new org.hrsnn.simulator.InvalidInputException("engine", engine, "a non-empty engine name");
        }
        Check.nonNegative("duration", durationMs);
    }

    /** The metadata of a run with these options on the named engine. */
    public static RunMetadata of(String engine, SimulationOptions options) {
        return new RunMetadata(options.seed(), engine, options.dtMs(), options.durationMs(), HRSNN_VERSION);
    }
}
