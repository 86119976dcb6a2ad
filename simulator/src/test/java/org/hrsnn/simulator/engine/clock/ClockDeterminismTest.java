package org.hrsnn.simulator.engine.clock;

import static org.hrsnn.simulator.random.ParameterDistribution.constant;
import static org.hrsnn.simulator.random.ParameterDistribution.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hrsnn.simulator.connectivity.FixedProbability;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.engine.SimulationResult;
import org.hrsnn.simulator.input.CurrentInjection;
import org.hrsnn.simulator.monitor.Monitor;
import org.hrsnn.simulator.monitor.NeuronStateView;
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NetworkBuilder;
import org.hrsnn.simulator.network.NeuronParameter;
import org.hrsnn.simulator.network.PopulationSpec;
import org.junit.jupiter.api.Test;

/** Reproducibility: bit-identical results for any thread count and seed; monitor contracts. */
class ClockDeterminismTest {
    private final ClockDrivenEngine engine = new ClockDrivenEngine();

    /**
     * ALIF + LIF, heterogeneous time constants, delays over many ring slots and zero delays (so
     * one target receives several additions per step from different workers' ranges: their order
     * matters in floating point), Poisson input, a current step.
     */
    static Network mixedNetwork() {
        PopulationSpec exc = PopulationSpec.alif("exc", 800).excitatory()
                .set(NeuronParameter.MEMBRANE_TAU, uniform(10, 30))
                .set(NeuronParameter.EXCITATORY_TAU, uniform(2, 8))
                .set(NeuronParameter.INHIBITORY_TAU, uniform(5, 15))
                .set(NeuronParameter.ADAPTATION_STRENGTH, uniform(0, 3))
                .set(NeuronParameter.BIAS_CURRENT, uniform(10, 20))
                .set(NeuronParameter.INITIAL_POTENTIAL, uniform(-60, -50));
        PopulationSpec inh = PopulationSpec.lif("inh", 201).inhibitory()
                .set(NeuronParameter.MEMBRANE_TAU, uniform(5, 15))
                .set(NeuronParameter.BIAS_CURRENT, uniform(10, 16))
                .set(NeuronParameter.INITIAL_POTENTIAL, uniform(-60, -50));
        return new NetworkBuilder(99)
                .add(exc)
                .add(inh)
                .connect("exc", NetworkBuilder.ALL, new FixedProbability(0.05), uniform(0.2, 0.8), uniform(0.1, 3.0))
                .connect("exc", NetworkBuilder.ALL, new FixedProbability(0.05), uniform(0.2, 0.8), constant(0))
                .connect("inh", NetworkBuilder.ALL, new FixedProbability(0.1), uniform(0.5, 2), constant(0))
                .input("noise", new PoissonSpikes(50, 20), NetworkBuilder.ALL, new FixedProbability(0.1),
                        uniform(-1, 2), uniform(0, 2))
                .current(new CurrentInjection("pulse", new int[] {3, 50, 51, 299, 1000}, 4.0, 20.0, 60.0))
                .build();
    }

    private record Outcome(SimulationResult result, int[] neurons, double[] times, double[] samples) {
    }

    /** Samples v, I_e, I_i and a of every neuron every 5 ms, in order. */
    private static final class StateDump implements Monitor {
        private final org.hrsnn.simulator.util.DoubleArrayList values = new org.hrsnn.simulator.util.DoubleArrayList();
        private final int n;

        StateDump(int n) {
            this.n = n;
        }

        @Override
        public double samplePeriodMs() {
            return 5.0;
        }

        @Override
        public void onSample(double timeMs, NeuronStateView s) {
            for (int i = 0; i < n; i++) {
                values.add(s.membranePotential(i));
                values.add(s.excitatoryCurrent(i));
                values.add(s.inhibitoryCurrent(i));
                values.add(s.adaptation(i));
            }
        }
    }

    private Outcome run(Network net, SimulationOptions o) {
        SpikeRecorder rec = new SpikeRecorder();
        StateDump dump = new StateDump(net.size());
        SimulationResult r = engine.run(net, o, rec, dump);
        return new Outcome(r, rec.neurons(), rec.times(), dump.values.toArray());
    }

    @Test
    void resultsAreBitIdenticalForOneTwoAndThreeThreads() {
        Network net = mixedNetwork();
        SimulationOptions o = SimulationOptions.of(150, 5);
        Outcome one = run(net, o);
        assertTrue(one.result().spikes() > 2000, "the network should be active: " + one.result().spikes());
        for (int threads : new int[] {2, 3}) {
            Outcome many = run(net, o.withThreads(threads));
            assertArrayEquals(one.neurons(), many.neurons(), threads + " threads: spike neurons");
            assertArrayEquals(one.times(), many.times(), threads + " threads: spike times");
            assertArrayEquals(one.samples(), many.samples(), threads + " threads: sampled state");
            assertArrayEquals(one.result().spikeCounts(), many.result().spikeCounts());
            assertEquals(one.result().synapticEvents(), many.result().synapticEvents());
        }
    }

    @Test
    void sameSeedRepeatsAndAnotherSeedDiffers() {
        Network net = mixedNetwork();
        Outcome a = run(net, SimulationOptions.of(100, 5));
        Outcome b = run(net, SimulationOptions.of(100, 5));
        Outcome c = run(net, SimulationOptions.of(100, 6));
        assertArrayEquals(a.neurons(), b.neurons());
        assertArrayEquals(a.times(), b.times());
        assertArrayEquals(a.samples(), b.samples());
        assertFalse(Arrays.equals(a.neurons(), c.neurons()) && Arrays.equals(a.times(), c.times()),
                "another seed draws other input spikes");
    }

    @Test
    void spikeCountsAndEventsAgreeWithTheSpikesReported() {
        Network net = mixedNetwork();
        Outcome o = run(net, SimulationOptions.of(100, 5).withThreads(2));
        int[] counts = new int[net.size()];
        long recurrentEvents = 0;
        for (int i : o.neurons()) {
            counts[i]++;
            recurrentEvents += net.synapses().outDegree(i);
        }
        assertArrayEquals(counts, o.result().spikeCounts());
        assertEquals(o.neurons().length, o.result().spikes());
        // input events: every input spike of [0, duration) is delivered to every target of its channel
        long inputEvents = o.result().synapticEvents() - recurrentEvents;
        long expectedInput = 0;
        var trains = org.hrsnn.simulator.engine.RunInputs.generate(net, SimulationOptions.of(100, 5));
        var proj = net.inputs().get(0).projection();
        for (int ch = 0; ch < trains[0].channels; ch++) {
            expectedInput += (long) proj.outDegree(ch) * (trains[0].start[ch + 1] - trains[0].start[ch]);
        }
        assertTrue(expectedInput > 0);
        assertEquals(expectedInput, inputEvents);
    }

    @Test
    void monitorsSeeSpikesInOrderProgressEveryTenMillisecondsAndOneFinish() {
        Network net = mixedNetwork();
        class Checker implements Monitor {
            double lastT = -1;
            int lastN = -1;
            double lastProgress = 0;
            double maxGap = 0;
            int finishes = 0;
            double end = -1;

            @Override
            public void onSpike(int neuron, double t) {
                assertTrue(t > lastT || (t == lastT && neuron > lastN), "order at " + t + " neuron " + neuron);
                lastT = t;
                lastN = neuron;
            }

            @Override
            public void onProgress(double t) {
                maxGap = Math.max(maxGap, t - lastProgress);
                lastProgress = t;
            }

            @Override
            public void finish(double t) {
                finishes++;
                end = t;
            }
        }
        Checker c = new Checker();
        engine.run(net, SimulationOptions.of(73.05, 5).withThreads(3), c);
        assertTrue(c.lastN >= 0);
        assertTrue(c.maxGap <= Monitor.PROGRESS_INTERVAL_MS + 1e-9, "progress gap " + c.maxGap);
        assertEquals(1, c.finishes);
        assertEquals(73.1, c.end, 1e-9, "ceil(73.05 / 0.1) steps");
        assertEquals(c.end, c.lastProgress, 1e-12);
    }
}
