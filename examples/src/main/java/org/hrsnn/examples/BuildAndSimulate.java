package org.hrsnn.examples;

import java.nio.file.Path;
import org.hrsnn.simulator.config.NetworkConfig;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.engine.SimulationResult;
import org.hrsnn.simulator.engine.event.EventDrivenEngine;
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.network.Network;

/**
 * Build a heterogeneous network from a configuration and simulate it with the exact event engine.
 * {@code java -cp hrsnn.jar org.hrsnn.examples.BuildAndSimulate [config.yaml]} (default: the
 * embedded default HRSNN, 1000 neurons).
 */
public final class BuildAndSimulate {
    private BuildAndSimulate() {
    }

    public static void main(String[] args) {
        NetworkConfig config = args.length > 0 ? NetworkConfig.load(Path.of(args[0])) : Examples.defaultConfig();
        Network network = config.build();                                  // immutable description
        SpikeRecorder spikes = new SpikeRecorder();                         // a monitor: every spike
        SimulationResult r = new EventDrivenEngine().run(network, SimulationOptions.of(500, 7), spikes);
        System.out.printf("%d neurons, %d synapses: %d spikes in %.0f ms, mean rate %.2f Hz, %.2f s wall%n",
                network.size(), network.synapses().size(), r.spikes(), r.durationMs(), r.meanRateHz(), r.wallSeconds());
    }
}
