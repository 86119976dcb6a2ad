package org.hrsnn.simulator.engine;

import java.util.List;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * The external spikes of one run, drawn the same way by every engine: input group g uses the
 * stream {@code "input/" + g.name()} of {@code new RandomStreams(options.seed())}. So for one
 * seed the event and clock engines see exactly the same input spikes.
 */
public final class RunInputs {
    private RunInputs() {
    }

    /** One {@link SpikeTrains} per input group of the network, in the network's order. */
    public static SpikeTrains[] generate(Network network, SimulationOptions options) {
        List<InputGroup> groups = network.inputs();
        SpikeTrains[] out = new SpikeTrains[groups.size()];
        RandomStreams streams = new RandomStreams(options.seed());
        for (int g = 0; g < out.length; g++) {
            InputGroup group = groups.get(g);
            out[g] = group.source().generate(options.durationMs(), streams.stream("input/" + group.name()));
        }
        return out;
    }
}
