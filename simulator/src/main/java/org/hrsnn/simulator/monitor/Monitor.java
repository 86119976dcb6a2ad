package org.hrsnn.simulator.monitor;

import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.network.Network;

/**
 * Receives what happens during a run. Engines call {@link #onSpike} in non-decreasing time order
 * (equal times in increasing neuron index) and {@link #onSample} at t = 0, P, 2P, ... for a
 * sample period P > 0. Monitors must not keep the {@link NeuronStateView} beyond the call.
 */
public interface Monitor {
    /** Longest stretch of simulated time (ms) between two {@link #onProgress} calls. */
    double PROGRESS_INTERVAL_MS = 10.0;

    default void start(Network network, SimulationOptions options) {
    }

    default void onSpike(int neuron, double timeMs) {
    }

    /** Sample period in ms for {@link #onSample}; 0 (the default) for none. */
    default double samplePeriodMs() {
        return 0;
    }

    default void onSample(double timeMs, NeuronStateView state) {
    }

    /**
     * Biological time reached so far (ms), for progress bars: engines call it at least every
     * {@link #PROGRESS_INTERVAL_MS} of simulated time and once at the end. Must be cheap.
     */
    default void onProgress(double timeMs) {
    }

    /** Called once after the last event, with the end time of the run. */
    default void finish(double endTimeMs) {
    }
}
