package org.hrsnn.simulator.engine.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.input.CurrentInjection;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.neuron.ExactLif;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The clock engine against closed-form solutions of the LIF model (MODELS.md section 1). */
class ClockAnalyticTest {
    private final ClockDrivenEngine engine = new ClockDrivenEngine();

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.01})
    void interSpikeIntervalMatchesTheClosedFormWithinOneStep(double dt) {
        TestNetworks.Params p = new TestNetworks.Params(1);
        p.tauM[0] = 10;
        p.eL[0] = -65;
        p.vReset[0] = -65;
        p.v0[0] = -65;
        p.vTh[0] = -50;
        p.r[0] = 1.5;
        p.bias[0] = 20; // R I = 30 mV > V_th - E_L = 15 mV: tonic firing
        p.tRef[0] = 2.03; // not on the grid: refractory rounds to round(t_ref / dt) steps
        double ri = p.r[0] * p.bias[0];
        double free = p.tauM[0] * Math.log((ri - (p.vReset[0] - p.eL[0])) / (ri - (p.vTh[0] - p.eL[0])));
        double refractory = Math.round(p.tRef[0] / dt) * dt;
        assertTrue(Math.abs(refractory - p.tRef[0]) <= dt / 2 + 1e-12);

        SpikeRecorder rec = new SpikeRecorder();
        engine.run(TestNetworks.network(p), SimulationOptions.of(200, 1).withDt(dt), rec);
        double[] t = rec.timesOf(0);
        assertTrue(t.length >= 10, "tonic firing expected, got " + t.length + " spikes");
        // first spike: free evolution from V_reset at t = 0, stamped at the end of the crossing step
        assertTrue(t[0] >= free - 1e-9 && t[0] <= free + dt + 1e-9, "first spike " + t[0] + " vs " + free);
        for (int k = 1; k < t.length; k++) {
            double isi = t[k] - t[k - 1];
            double exact = refractory + free;
            assertTrue(isi >= exact - 1e-9 && isi <= exact + dt + 1e-9,
                    "ISI " + isi + " should be in [" + exact + ", " + (exact + dt) + "]");
            assertEquals(p.tRef[0] + free, isi, dt + dt / 2 + 1e-9);
        }
    }

    @ParameterizedTest
    @CsvSource({
        // input spike at 1.03 ms through delay d lands on boundary ceil((1.03 + d) / 0.1)
        "0.7, 5, 10, 20, 0.25, 13",    // excitatory, tau_e < tau_m
        "-0.9, 5, 10, 20, 0.25, 13",   // inhibitory, tau_i < tau_m
        "0.7, 20, 10, 20, 0.25, 13",   // tau_e == tau_m: the limit kernel (h / tau_m) e^{-h/tau_m}
        "-0.9, 5, 20, 20, 0, 11",      // tau_i == tau_m, no delay
        "0.7, 35, 10, 12.5, 0.07, 11", // tau_e > tau_m, a delay shorter than dt is fine for input
        "0.7, 5, 10, 20, 0, 11",       // no delay
    })
    void singlePostsynapticPotentialFollowsTheKernelAtTheGridPoints(double w, double tauE, double tauI, double tauM,
                                                                    double delay, int arrival) {
        double dt = 0.1;
        TestNetworks.Params p = new TestNetworks.Params(1);
        p.tauM[0] = tauM;
        p.tauE[0] = tauE;
        p.tauI[0] = tauI;
        p.r[0] = 2.5;
        p.eL[0] = 0;
        p.v0[0] = 0;
        p.vTh[0] = 1e9;
        p.vReset[0] = -1;
        double tIn = 1.03; // off the grid
        InputGroup in = TestNetworks.input("x", new FixedSpikes(new double[][] {{tIn}}), 1,
                new int[] {0}, new double[] {w}, new double[] {delay});
        Network net = TestNetworks.network(p, null, List.of(in), null);
        TestNetworks.Trace trace = new TestNetworks.Trace(0, dt);
        engine.run(net, SimulationOptions.of(60, 1).withDt(dt), trace);

        double tauS = w > 0 ? tauE : tauI;
        for (int k = 0; k < trace.t.size(); k++) {
            assertEquals(k * dt, trace.t.get(k), 1e-9);
            double v = trace.v.get(k);
            double current = w > 0 ? trace.ie.get(k) : trace.ii.get(k);
            double other = w > 0 ? trace.ii.get(k) : trace.ie.get(k);
            assertEquals(0.0, other);
            if (k < arrival) {
                assertEquals(0.0, v);
                assertEquals(0.0, current);
                continue;
            }
            double h = (k - arrival) * dt;
            double expectedV = p.r[0] * w * ExactLif.synapticKernel(h, tauS, tauM);
            double expectedI = w * Math.exp(-h / tauS);
            assertEquals(expectedI, current, 1e-12 * Math.abs(expectedI), "I at step " + k);
            if (k == arrival) {
                assertEquals(0.0, v, "the jump reaches v only from the next step on");
            } else {
                assertEquals(expectedV, v, 1e-9 * Math.abs(expectedV), "v at step " + k);
            }
        }
    }

    @Test
    void stateAfterManyStepsEqualsTheClosedFormForHeterogeneousNeurons() {
        double dt = 0.1;
        int n = 5;
        TestNetworks.Params p = new TestNetworks.Params(n);
        double[] tauM = {20, 7.3, 15, 0.05, 33};
        double[] tauE = {5, 7.3, 2.2, 0.02, 40};
        double[] tauI = {10, 3, 15, 0.5, 1};
        for (int i = 0; i < n; i++) {
            p.tauM[i] = tauM[i];
            p.tauE[i] = tauE[i];
            p.tauI[i] = tauI[i];
            p.r[i] = 0.5 + i;
            p.eL[i] = -70 + 3 * i;
            p.v0[i] = -55 - 2 * i;
            p.bias[i] = 1.5 - 0.7 * i;
            p.vTh[i] = 1e9;
        }
        int[] target = new int[2 * n];
        double[] weight = new double[2 * n];
        double[][] times = new double[2 * n][];
        for (int i = 0; i < n; i++) {
            target[2 * i] = i;
            target[2 * i + 1] = i;
            weight[2 * i] = 1.1 + i;
            weight[2 * i + 1] = -2.3 + 0.4 * i;
            times[2 * i] = new double[] {0.0}; // at t = 0: part of the initial state
            times[2 * i + 1] = new double[] {0.0};
        }
        InputGroup in = TestNetworks.input("init", new FixedSpikes(times), n, target, weight, new double[2 * n]);
        Network net = TestNetworks.network(p, null, List.of(in), null);
        for (int i = 0; i < n; i++) {
            TestNetworks.Trace trace = new TestNetworks.Trace(i, 25.0);
            engine.run(net, SimulationOptions.of(100, 1).withDt(dt), trace);
            assertEquals(5, trace.t.size());
            for (int k = 0; k < trace.t.size(); k++) {
                double t = k * 250 * dt;
                double em = Math.exp(-t / tauM[i]);
                double u = (p.v0[i] - p.eL[i]) * em
                        + p.r[i] * weight[2 * i] * ExactLif.synapticKernel(t, tauE[i], tauM[i])
                        + p.r[i] * weight[2 * i + 1] * ExactLif.synapticKernel(t, tauI[i], tauM[i])
                        + p.r[i] * p.bias[i] * -Math.expm1(-t / tauM[i]);
                double v = p.eL[i] + u;
                assertEquals(v, trace.v.get(k), 1e-10 * Math.abs(v), "v of neuron " + i + " at " + t + " ms");
                double ie = weight[2 * i] * Math.exp(-t / tauE[i]);
                double ii = weight[2 * i + 1] * Math.exp(-t / tauI[i]);
                assertEquals(ie, trace.ie.get(k), 1e-10 * Math.abs(ie) + 1e-300);
                assertEquals(ii, trace.ii.get(k), 1e-10 * Math.abs(ii) + 1e-300);
            }
        }
    }

    @Test
    void currentInjectionSwitchesOnAndOffAtItsGridTimes() {
        double dt = 0.1;
        TestNetworks.Params p = new TestNetworks.Params(2);
        for (int i = 0; i < 2; i++) {
            p.eL[i] = 0;
            p.v0[i] = 0;
            p.vTh[i] = 1e9;
            p.tauM[i] = 8;
            p.r[i] = 3;
        }
        double amp = 0.6;
        CurrentInjection step = new CurrentInjection("step", new int[] {0}, amp, 2.0, 5.0);
        Network net = TestNetworks.network(p, null, null, List.of(step));
        TestNetworks.Trace t0 = new TestNetworks.Trace(0, dt);
        TestNetworks.Trace t1 = new TestNetworks.Trace(1, dt);
        engine.run(net, SimulationOptions.of(20, 1).withDt(dt), t0, t1);
        double u5 = p.r[0] * amp * -Math.expm1(-3.0 / 8);
        for (int k = 0; k < t0.t.size(); k++) {
            double expected;
            if (k <= 20) {
                expected = 0;
            } else if (k <= 50) {
                expected = p.r[0] * amp * -Math.expm1(-(k - 20) * dt / 8);
            } else {
                expected = u5 * Math.exp(-(k - 50) * dt / 8);
            }
            assertEquals(expected, t0.v.get(k), 1e-10 * Math.abs(expected), "v at step " + k);
            assertEquals(0.0, t1.v.get(k), "the injection touches only its neurons");
        }
    }

    @Test
    void refractoryHoldsVAtResetForRoundedPeriodWhileCurrentsDecay() {
        double dt = 0.1;
        TestNetworks.Params p = new TestNetworks.Params(1);
        p.bias[0] = 40; // strong drive: v leaves V_reset as soon as it is released
        p.tRef[0] = 1.26; // round(12.6) = 13 steps
        double[][] in = {{0.0}};
        InputGroup g = TestNetworks.input("x", new FixedSpikes(in), 1, new int[] {0}, new double[] {3.0}, new double[] {0});
        Network net = TestNetworks.network(p, null, List.of(g), null);
        TestNetworks.Trace trace = new TestNetworks.Trace(0, dt);
        engine.run(net, SimulationOptions.of(30, 1).withDt(dt), trace);
        assertTrue(trace.spikes.size() >= 2);
        int spikeStep = (int) Math.round(trace.spikes.get(0)[1] / dt);
        for (int k = spikeStep; k <= spikeStep + 13; k++) {
            assertEquals(p.vReset[0], trace.v.get(k), "v held at reset at step " + k);
            if (k > spikeStep) {
                assertEquals(trace.ie.get(k - 1) * Math.exp(-dt / p.tauE[0]), trace.ie.get(k), 1e-15,
                        "I_e keeps decaying during refractoriness");
            }
        }
        assertTrue(trace.v.get(spikeStep + 14) > p.vReset[0], "released after 13 steps");
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1.0, 10", "0.26, 3", "0.25, 3", "0.1, 1"})
    void recurrentSpikeArrivesRoundDelayOverDtStepsAfterTheSpike(double delay, int steps) {
        double dt = 0.1;
        TestNetworks.Params p = new TestNetworks.Params(2);
        p.bias[0] = 30; // neuron 0 fires; neuron 1 only listens
        p.vTh[1] = 1e9;
        SynapseMatrix s = SynapseMatrix.fromEdges(2, 2, new int[] {0}, new int[] {1}, new double[] {0.5},
                new double[] {delay}, 1);
        Network net = TestNetworks.network(p, s, null, null);
        TestNetworks.Trace trace = new TestNetworks.Trace(1, dt);
        SpikeRecorder rec = new SpikeRecorder();
        engine.run(net, SimulationOptions.of(20, 1).withDt(dt), trace, rec);
        double first = rec.timesOf(0)[0];
        int spikeStep = (int) Math.round(first / dt);
        int arrival = spikeStep + steps;
        for (int k = 0; k < arrival; k++) {
            assertEquals(0.0, trace.ie.get(k), "nothing before the arrival, step " + k);
        }
        assertEquals(0.5, trace.ie.get(arrival), "the jump lands on boundary t_spike + round(d/dt) dt");
        assertEquals(p.v0[1], trace.v.get(arrival), "v moves only from the next step on");
        assertTrue(trace.v.get(arrival + 1) > p.v0[1]);
    }

    @Test
    void adaptationEqualsTheSumOfDecayedSpikeIncrementsAndLengthensIntervals() {
        double dt = 0.1;
        TestNetworks.Params p = new TestNetworks.Params(1);
        p.bias[0] = 25;
        p.beta[0] = 2.0;
        p.tauA[0] = 50;
        TestNetworks.Trace trace = new TestNetworks.Trace(0, dt);
        engine.run(TestNetworks.network(p), SimulationOptions.of(150, 1).withDt(dt), trace);
        double[] spikes = trace.spikes.stream().mapToDouble(x -> x[1]).toArray();
        assertTrue(spikes.length >= 4);
        for (int k = 0; k < trace.t.size(); k++) {
            double expected = 0;
            for (double ts : spikes) {
                int lag = k - (int) Math.round(ts / dt);
                if (lag >= 0) {
                    expected += Math.exp(-lag * dt / p.tauA[0]);
                }
            }
            assertEquals(expected, trace.a.get(k), 1e-12 * (1 + expected), "a at step " + k);
        }
        assertTrue(spikes[2] - spikes[1] > spikes[1] - spikes[0], "adaptation lengthens the intervals");
        // v crossed the adapted threshold: just before each spike v was at most V_th + beta a
        for (double ts : spikes) {
            int k = (int) Math.round(ts / dt) - 1;
            assertTrue(trace.v.get(k) <= p.vTh[0] + p.beta[0] * trace.a.get(k) + 1e-12);
        }
    }

    @Test
    void decayingStateIsFlushedToZeroBeforeItBecomesSubnormal() {
        double dt = 0.1;
        TestNetworks.Params p = new TestNetworks.Params(1);
        p.tauE[0] = 0.3; // I_e falls by e^{-1/3} per step: below 1e-300 after about 2000 steps
        p.tauI[0] = 0.4;
        p.tauM[0] = 1.0;
        p.eL[0] = 0;
        p.v0[0] = 0;
        p.vTh[0] = 1e9;
        double[][] in = {{0.0}, {0.0}};
        InputGroup g = TestNetworks.input("x", new FixedSpikes(in), 1, new int[] {0, 0},
                new double[] {5.0, -5.0}, new double[] {0, 0});
        TestNetworks.Trace trace = new TestNetworks.Trace(0, dt);
        engine.run(TestNetworks.network(p, null, List.of(g), null), SimulationOptions.of(800, 1).withDt(dt), trace);
        boolean reachedZero = false;
        for (int k = 0; k < trace.t.size(); k++) {
            for (double x : new double[] {trace.v.get(k), trace.ie.get(k), trace.ii.get(k)}) {
                assertTrue(x == 0.0 || Math.abs(x) >= Double.MIN_NORMAL, "subnormal " + x + " at step " + k);
            }
            reachedZero |= trace.ie.get(k) == 0.0 && trace.ii.get(k) == 0.0 && trace.v.get(k) == 0.0;
        }
        assertTrue(reachedZero, "the state should have been flushed to exactly 0");
    }

    @Test
    void aRefractoryNeuronCannotSpikeEvenWithResetAboveThreshold() {
        // not a sensible model (the builder rejects it), but the engine must still honour t_ref
        TestNetworks.Params p = new TestNetworks.Params(1);
        p.vTh[0] = -50;
        p.vReset[0] = -45;
        p.v0[0] = -45;
        p.tRef[0] = 1.0;
        SpikeRecorder rec = new SpikeRecorder();
        engine.run(TestNetworks.network(p), SimulationOptions.of(20, 1), rec);
        double[] t = rec.timesOf(0);
        assertEquals(0.1, t[0], 1e-12);
        for (int k = 1; k < t.length; k++) {
            assertEquals(1.0, t[k] - t[k - 1], 1e-9, "one spike per refractory period");
        }
    }
}
