package org.hrsnn.simulator.io.nir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.hrsnn.simulator.benchmark.Cuba;
import org.hrsnn.simulator.engine.Engine;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.engine.clock.ClockDrivenEngine;
import org.hrsnn.simulator.engine.event.EventDrivenEngine;
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.network.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** network -> NIR -> network spikes exactly like the original on the event and the clock engine. */
class NirEngineRoundTripTest {
    @TempDir
    Path dir;

    private Network roundTrip(Network net) {
        Path f = dir.resolve("net.nir");
        NirExporter.write(net, f);
        Map<String, org.hrsnn.simulator.input.SpikeSource> sources = new java.util.HashMap<>();
        net.inputs().forEach(g -> sources.put(g.name(), g.source()));
        return NirImporter.read(f, sources).network();
    }

    private static void assertSameSpikes(Engine engine, Network a, Network b, SimulationOptions o) {
        SpikeRecorder ra = new SpikeRecorder();
        SpikeRecorder rb = new SpikeRecorder();
        engine.run(a, o, ra);
        engine.run(b, o, rb);
        assertTrue(ra.size() > 20, engine.name() + ": the test network must spike (" + ra.size() + ")");
        assertArrayEquals(ra.neurons(), rb.neurons(), engine.name() + ": same neurons in the same order");
        assertArrayEquals(ra.times(), rb.times(), 0.0, engine.name() + ": same spike times");
    }

    @Test
    void cubaLifFormSpikesTheSame() {
        Network net = NirTestNetworks.singleTau(3);
        Network back = roundTrip(net);
        SimulationOptions o = SimulationOptions.of(200, 7);
        assertSameSpikes(new EventDrivenEngine(), net, back, o);
        assertSameSpikes(new ClockDrivenEngine(), net, back, o);
    }

    @Test
    void twoSynapticTauFormWithBiasAndAdaptationSpikesTheSame() {
        Network net = NirTestNetworks.twoTaus(5);
        Network back = roundTrip(net);
        SimulationOptions o = SimulationOptions.of(200, 7);
        assertSameSpikes(new EventDrivenEngine(), net, back, o);
        assertSameSpikes(new ClockDrivenEngine(), net, back, o);
    }

    @Test
    void heterogeneousCubaSpikesTheSame() {
        Network net = Cuba.network(400, 11, true);
        Network back = roundTrip(net);
        SimulationOptions o = SimulationOptions.of(100, 3);
        assertSameSpikes(new EventDrivenEngine(), net, back, o);
        assertSameSpikes(new ClockDrivenEngine(), net, back, o);
    }
}
