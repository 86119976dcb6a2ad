package org.hrsnn.simulator.engine.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hrsnn.simulator.benchmark.Cuba;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.engine.SimulationResult;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.monitor.Monitor;
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.junit.jupiter.api.Test;

/** Whole-network properties: CUBA rate, event counts, reproducibility, monitor protocol. */
class EventEngineNetworkTest {
    private final EventDrivenEngine engine = new EventDrivenEngine();

    @Test
    void nameIsEvent() {
        assertEquals("event", engine.name());
    }

    @Test
    void cubaRateIsInThePublishedRangeAndEveryTravelledSynapseIsCounted() {
        Network net = Cuba.network(4000, 11, false);
        SpikeRecorder rec = new SpikeRecorder();
        SimulationResult res = engine.run(net, SimulationOptions.of(1000, 1), rec);
        assertTrue(res.meanRateHz() > 5.0 && res.meanRateHz() < 6.8, "rate " + res.meanRateHz());
        // No delays: every spike travels through all synapses of its row within the run.
        SynapseMatrix s = net.synapses();
        long expected = 0;
        long total = 0;
        for (int i = 0; i < net.size(); i++) {
            expected += (long) res.spikeCounts()[i] * s.outDegree(i);
            total += res.spikeCounts()[i];
        }
        assertEquals(expected, res.synapticEvents());
        assertEquals(total, res.spikes());
        assertEquals(rec.size(), res.spikes());
        double[] t = rec.times();
        int[] nrn = rec.neurons();
        for (int k = 1; k < t.length; k++) {
            assertTrue(t[k] > t[k - 1] || (t[k] == t[k - 1] && nrn[k] > nrn[k - 1]), "spike order at " + k);
        }
        for (int i = 0; i < net.size(); i++) {
            double[] ti = rec.timesOf(i);
            for (int k = 1; k < ti.length; k++) {
                assertTrue(ti[k] - ti[k - 1] >= 5.0 - 1e-9, "refractory period respected");
            }
        }
        assertTrue(res.wallSeconds() > 0);
    }

    @Test
    void sameSeedIsBitIdenticalWhateverTheThreadsAndRecording() {
        Network net = Cuba.network(1000, 3, true);
        SpikeRecorder a = new SpikeRecorder();
        SpikeRecorder b = new SpikeRecorder();
        Nets.Sampler sampler = new Nets.Sampler(0.7, 0, 1, 2, 999);
        SimulationResult ra = engine.run(net, SimulationOptions.of(300, 5), a);
        SimulationResult rb = engine.run(Cuba.network(1000, 3, true), SimulationOptions.of(300, 5).withThreads(2), b, sampler);
        assertTrue(a.size() > 100);
        assertArrayEquals(a.neurons(), b.neurons());
        assertArrayEquals(a.times(), b.times());
        assertArrayEquals(ra.spikeCounts(), rb.spikeCounts());
        assertEquals(ra.synapticEvents(), rb.synapticEvents());
        assertFalse(sampler.times.isEmpty());
    }

    @Test
    void differentNetworkSeedsGiveDifferentSpikeTrains() {
        SpikeRecorder a = new SpikeRecorder();
        SpikeRecorder b = new SpikeRecorder();
        engine.run(Cuba.network(1000, 1, false), SimulationOptions.of(100, 1), a);
        engine.run(Cuba.network(1000, 2, false), SimulationOptions.of(100, 1), b);
        assertFalse(Arrays.equals(a.times(), b.times()));
    }

    @Test
    void monitorProtocolSamplesProgressAndFinish() {
        Network net = Cuba.network(500, 4, false);
        Nets.Sampler fine = new Nets.Sampler(0.25, 3);
        Nets.Sampler coarse = new Nets.Sampler(10, 3);
        List<String> calls = new ArrayList<>();
        Monitor order = new Monitor() {
            @Override
            public void start(Network network, SimulationOptions options) {
                calls.add("start");
            }

            @Override
            public void finish(double endTimeMs) {
                calls.add("finish " + endTimeMs);
            }
        };
        engine.run(net, SimulationOptions.of(95, 1), fine, coarse, order);
        assertEquals(381, fine.times.size()); // 0, 0.25, ..., 95 inclusive
        for (int k = 0; k < fine.times.size(); k++) {
            assertEquals(k * 0.25, fine.times.get(k), 0.0);
        }
        assertEquals(10, coarse.times.size());
        for (int k = 0; k < coarse.times.size(); k++) {
            assertEquals(k * 10.0, coarse.times.get(k), 0.0);
            // Both monitors see the same state at common times.
            assertEquals(fine.v.get(40 * k)[0], coarse.v.get(k)[0], 0.0);
        }
        double prev = 0;
        for (double p : fine.progress) {
            assertTrue(p - prev <= Monitor.PROGRESS_INTERVAL_MS && p >= prev);
            prev = p;
        }
        assertEquals(95.0, prev, 0.0);
        assertEquals(1, fine.finished);
        assertEquals(List.of("start", "finish 95.0"), calls);
        // The sampled v never exceeds threshold and sits at reset right after a spike.
        for (double[] v : fine.v) {
            assertTrue(v[0] <= -50 + 1e-9);
        }
    }

    @Test
    void inputSpikesCountAsSynapticEventsAndDriveTheTargets() {
        Nets.Params p = new Nets.Params(3);
        p.tRef = Nets.fill(3, 0.5);
        double[] times = new double[50];
        for (int k = 0; k < times.length; k++) {
            times[k] = 1 + 2 * k;
        }
        // Channel 0 hits neurons 0 (now) and 2 (after 0.3 ms); channel 1 hits neuron 1 only.
        InputGroup in = new InputGroup("in", Nets.fixed(times, new double[] {5.0}),
                Nets.matrix(2, 3, new double[] {0, 0, 8, 0}, new double[] {0, 2, 8, 0.3}, new double[] {1, 1, 1, 0}));
        SimulationResult res = engine.run(Nets.network(p, null, List.of(in), List.of()), SimulationOptions.of(100, 1));
        assertEquals(101, res.synapticEvents());
        assertTrue(res.spikeCounts()[0] >= 3, Arrays.toString(res.spikeCounts()));
        assertEquals(res.spikeCounts()[0], res.spikeCounts()[2], "same drive, only delayed");
        assertEquals(0, res.spikeCounts()[1]);
    }

    @Test
    void neuronsStartingAtOrAboveThresholdFireAtZeroInIndexOrder() {
        Nets.Params p = new Nets.Params(4);
        p.v0 = new double[] {-40, -60, -50, -45};
        p.tRef = Nets.fill(4, 100);
        SpikeRecorder rec = new SpikeRecorder();
        engine.run(Nets.network(p), SimulationOptions.of(50, 1), rec);
        assertArrayEquals(new int[] {0, 2, 3}, rec.neurons());
        assertArrayEquals(new double[] {0, 0, 0}, rec.times());
    }
}
