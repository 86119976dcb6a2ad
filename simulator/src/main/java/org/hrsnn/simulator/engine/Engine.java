package org.hrsnn.simulator.engine;

import org.hrsnn.simulator.monitor.Monitor;
import org.hrsnn.simulator.network.Network;

/**
 * One way to run a {@link Network} description (exact event-driven, clock-driven, ...).
 * Engines assume a valid network (builders and readers validate) and never modify it.
 */
public interface Engine {
    /** Short name used on the command line and in results ("event", "clock"). */
    String name();

    /**
     * Simulates {@code network} from t = 0 to {@code options.durationMs()}, reporting spikes
     * (in non-decreasing time order) and samples to the monitors.
     */
    SimulationResult run(Network network, SimulationOptions options, Monitor... monitors);
}
