package org.hrsnn.simulator.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hrsnn.simulator.engine.SimulationResult;
import org.hrsnn.simulator.input.CurrentInjection;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.network.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The engine reproduces the closed-form LIF solution: tonic ISI, single PSP, refractoriness, delays, current steps. */
class ExactTrajectoryTest {
    private final EventDrivenEngine engine = new EventDrivenEngine();

    @Test
    void tonicIsiMatchesTheLogFormula() {
        Nets.Params p = new Nets.Params(1);
        p.r[0] = 2;
        p.bias[0] = 6; // R I = 12 mV above E_L = -60, threshold 10 mV above
        p.tRef[0] = 3;
        SpikeRecorder rec = new SpikeRecorder();
        SimulationResult res = engine.run(Nets.network(p), Nets.run(500), rec);
        double ri = 12;
        double first = 20 * Math.log(ri / (ri - 10)); // from v0 = E_L
        double isi = 3 + 20 * Math.log((ri - (-5)) / (ri - 10));
        double[] t = rec.timesOf(0);
        assertTrue(t.length > 10);
        assertEquals(first, t[0], 1e-9 * first);
        for (int k = 1; k < t.length; k++) {
            assertEquals(isi, t[k] - t[k - 1], 1e-9 * isi, "ISI " + k);
        }
        int expected = (int) Math.floor((500 - first) / isi) + 1;
        assertEquals(expected, t.length);
        assertEquals(expected, res.spikes());
        assertEquals(expected, res.spikeCounts()[0]);
    }

    @ParameterizedTest
    @ValueSource(doubles = {5.0, 20.0, 20.0 * (1 + 1e-12), 40.0})
    void singlePspFollowsTheDoubleExponential(double tauE) {
        Nets.Params p = new Nets.Params(1);
        p.tauE[0] = tauE;
        p.r[0] = 1.5;
        double w = 2.0;
        double tIn = 1.0;
        InputGroup in = new InputGroup("in", Nets.fixed(new double[] {tIn}), Nets.matrix(1, 1, new double[] {0, 0, w, 0}));
        Network net = Nets.network(p, null, List.of(in), List.of());
        Nets.Sampler s = new Nets.Sampler(0.25, 0);
        SimulationResult res = engine.run(net, Nets.run(100), s);
        assertEquals(0, res.spikes());
        assertEquals(1, res.synapticEvents());
        assertEquals(401, s.times.size()); // 0, 0.25, ..., 100
        for (int k = 0; k < s.times.size(); k++) {
            double t = s.times.get(k);
            assertEquals(k * 0.25, t, 0.0);
            double h = t - tIn;
            double expected = h <= 0 ? 0 : 1.5 * w * Nets.kernel(h, tauE, 20.0);
            double got = s.v.get(k)[0] + 60;
            assertEquals(expected, got, 1e-9 * Math.abs(expected) + 1e-12, "u at " + t);
            double current = h < 0 ? 0 : w * Math.exp(-h / tauE); // samples follow events at their time
            assertEquals(current, s.ie.get(k)[0], 1e-12 * w);
        }
    }

    @Test
    void refractoryClampsVWhileTheCurrentsKeepDecaying() {
        Nets.Params p = new Nets.Params(1);
        p.bias[0] = 12; // R = 1
        p.tRef[0] = 4;
        double first = 20 * Math.log(12.0 / 2.0);
        double tIn = first + 1; // excitatory input inside the refractory period
        double w = 3;
        InputGroup in = new InputGroup("in", Nets.fixed(new double[] {tIn}), Nets.matrix(1, 1, new double[] {0, 0, w, 0}));
        Network net = Nets.network(p, null, List.of(in), List.of());
        Nets.Sampler s = new Nets.Sampler(0.125, 0);
        SpikeRecorder rec = new SpikeRecorder();
        engine.run(net, Nets.run(first + 10), s, rec);
        assertEquals(first, rec.timesOf(0)[0], 1e-9 * first);
        double refEnd = rec.timesOf(0)[0] + 4;
        double ieAtEnd = w * Math.exp(-(refEnd - tIn) / 5.0);
        int checked = 0;
        for (int k = 0; k < s.times.size(); k++) {
            double t = s.times.get(k);
            double v = s.v.get(k)[0];
            if (t > first && t <= refEnd) {
                assertEquals(-65.0, v, 0.0, "clamped at " + t);
                checked++;
            } else if (t > refEnd && (rec.timesOf(0).length < 2 || t < rec.timesOf(0)[1])) {
                double h = t - refEnd;
                double u = (-5 - 12) * Math.exp(-h / 20) + 12 + ieAtEnd * Nets.kernel(h, 5, 20);
                assertEquals(u, v + 60, 1e-9 * Math.abs(u), "after refractoriness at " + t);
                checked++;
            }
        }
        assertTrue(checked > 40);
    }

    @Test
    void delayedSynapsesArriveAfterTheirDelays() {
        // Neuron 0 fires tonically; it reaches neuron 1 twice (delays 1.5 and 4 ms) and neuron 2 once (0 ms).
        Nets.Params p = new Nets.Params(3);
        p.bias[0] = 12;
        p.tRef[0] = 1000; // one spike only
        Network net = Nets.network(p, Nets.matrix(3, 3,
                new double[] {0, 1, 1.0, 4.0}, new double[] {0, 1, -2.0, 1.5}, new double[] {0, 2, 0.5, 0.0}),
                List.of(), List.of());
        Nets.Sampler s = new Nets.Sampler(0.5, 1, 2);
        SpikeRecorder rec = new SpikeRecorder();
        SimulationResult res = engine.run(net, Nets.run(80), s, rec);
        double ts = 20 * Math.log(6.0);
        assertEquals(1, res.spikes());
        assertEquals(ts, rec.times()[0], 1e-9 * ts);
        assertEquals(3, res.synapticEvents());
        for (int k = 0; k < s.times.size(); k++) {
            double t = s.times.get(k);
            double u1 = 1.0 * pos(t - ts - 4.0, 5) - 2.0 * pos(t - ts - 1.5, 10);
            double u2 = 0.5 * pos(t - ts, 5);
            assertEquals(u1, s.v.get(k)[0] + 60, 1e-9 * Math.abs(u1) + 1e-12, "neuron 1 at " + t);
            assertEquals(u2, s.v.get(k)[1] + 60, 1e-9 * Math.abs(u2) + 1e-12, "neuron 2 at " + t);
        }
    }

    private static double pos(double h, double tauS) {
        return h <= 0 ? 0 : Nets.kernel(h, tauS, 20);
    }

    @Test
    void currentStepIsIntegratedExactly() {
        Nets.Params p = new Nets.Params(2);
        CurrentInjection step = new CurrentInjection("step", new int[] {1}, 4.0, 10, 30);
        Network net = Nets.network(p, null, List.of(), List.of(step));
        Nets.Sampler s = new Nets.Sampler(0.5, 0, 1);
        SimulationResult res = engine.run(net, Nets.run(60), s);
        assertEquals(0, res.spikes());
        for (int k = 0; k < s.times.size(); k++) {
            double t = s.times.get(k);
            double u = 0;
            if (t > 10) {
                u = 4 * (1 - Math.exp(-(Math.min(t, 30) - 10) / 20));
            }
            if (t > 30) {
                u *= Math.exp(-(t - 30) / 20);
            }
            assertEquals(0.0, s.v.get(k)[0] + 60, 0.0);
            assertEquals(u, s.v.get(k)[1] + 60, 1e-9 * u + 1e-12, "at " + t);
        }
    }

    @Test
    void suprathresholdCurrentStepFiresOnlyWhileOn() {
        Nets.Params p = new Nets.Params(1);
        p.tRef[0] = 0;
        CurrentInjection step = new CurrentInjection("step", new int[] {0}, 15.0, 5, 100);
        SpikeRecorder rec = new SpikeRecorder();
        engine.run(Nets.network(p, null, List.of(), List.of(step)), Nets.run(200), rec);
        double[] t = rec.timesOf(0);
        double first = 5 + 20 * Math.log(15.0 / 5.0);
        double isi = 20 * Math.log(20.0 / 5.0);
        assertEquals(first, t[0], 1e-9 * first);
        assertEquals((int) Math.floor((100 - first) / isi) + 1, t.length);
        for (int k = 1; k < t.length; k++) {
            assertEquals(isi, t[k] - t[k - 1], 1e-9 * isi);
        }
    }
}
