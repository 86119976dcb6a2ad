package org.hrsnn.simulator.engine.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.hrsnn.simulator.engine.SimulationResult;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.network.Network;
import org.junit.jupiter.api.Test;

/** Spike times where the threshold is only grazed, delayed by inhibition, or raised by adaptation. */
class ThresholdCrossingTest {
    private final EventDrivenEngine engine = new EventDrivenEngine();

    /** One EPSP from rest whose peak is {@code excess} mV above (or below) threshold. */
    private static double[] grazingRun(double excess, double tauE) {
        double tauM = 20;
        double w = 30;
        double tIn = 2;
        double peakTime = tauE == tauM ? tauM : Math.log(tauE / tauM) * tauE * tauM / (tauE - tauM);
        double peak = w * Nets.kernel(peakTime, tauE, tauM);
        Nets.Params p = new Nets.Params(1);
        p.tauE[0] = tauE;
        p.vTh[0] = -60 + peak - excess;
        InputGroup in = new InputGroup("in", Nets.fixed(new double[] {tIn}), Nets.matrix(1, 1, new double[] {0, 0, w, 0}));
        SpikeRecorder rec = new SpikeRecorder();
        new EventDrivenEngine().run(Nets.network(p, null, List.of(in), List.of()), Nets.run(200), rec);
        double theta = p.vTh[0] + 60;
        double expected = tIn + Nets.firstRoot(h -> w * Nets.kernel(h, tauE, tauM) - theta, 0, peakTime + 1, 100_000);
        return new double[] {rec.size(), rec.size() > 0 ? rec.times()[0] : Double.NaN, expected, tIn + peakTime};
    }

    @Test
    void epspGrazingThresholdFromAboveFiresAtTheFirstCrossing() {
        for (double tauE : new double[] {5, 20, 3.7}) {
            double[] r = grazingRun(1e-6, tauE);
            assertEquals(1, (int) r[0], "one spike, tau_e " + tauE);
            assertEquals(r[2], r[1], 1e-8, "time of the first crossing, tau_e " + tauE);
            assertTrue(r[1] < r[3], "before the peak");
        }
    }

    @Test
    void epspPeakingJustBelowThresholdDoesNotFire() {
        for (double tauE : new double[] {5, 20, 3.7}) {
            assertEquals(0, (int) grazingRun(-1e-6, tauE)[0], "tau_e " + tauE);
        }
    }

    @Test
    void inhibitionBeforeAPredictedSpikeDelaysIt() {
        double ri = 12;
        double theta = 10;
        double undisturbed = 20 * Math.log(ri / (ri - theta));
        double tIn = 10;
        double w = -4;
        Nets.Params p = new Nets.Params(1);
        p.bias[0] = ri;
        InputGroup in = new InputGroup("in", Nets.fixed(new double[] {tIn}), Nets.matrix(1, 1, new double[] {0, 0, w, 0}));
        SpikeRecorder rec = new SpikeRecorder();
        engine.run(Nets.network(p, null, List.of(in), List.of()), Nets.run(100), rec);
        double expected = tIn + Nets.firstRoot(
                h -> ri * (1 - Math.exp(-(tIn + h) / 20)) + w * Nets.kernel(h, 10, 20) - theta, 0, 80, 100_000);
        double got = rec.timesOf(0)[0];
        assertTrue(expected > undisturbed + 1, "the test case really delays the spike");
        assertEquals(expected, got, 1e-9 * expected);
    }

    @Test
    void excitationBeforeAPredictedSpikeAdvancesIt() {
        double ri = 10.5;
        Nets.Params p = new Nets.Params(1);
        p.bias[0] = ri;
        double tIn = 20;
        double w = 2;
        InputGroup in = new InputGroup("in", Nets.fixed(new double[] {tIn}), Nets.matrix(1, 1, new double[] {0, 0, w, 0}));
        SpikeRecorder rec = new SpikeRecorder();
        engine.run(Nets.network(p, null, List.of(in), List.of()), Nets.run(100), rec);
        double expected = tIn + Nets.firstRoot(
                h -> ri * (1 - Math.exp(-(tIn + h) / 20)) + w * Nets.kernel(h, 5, 20) - 10, 0, 80, 100_000);
        assertTrue(expected < 20 * Math.log(ri / (ri - 10)) - 1);
        assertEquals(expected, rec.timesOf(0)[0], 1e-9 * expected);
    }

    @Test
    void adaptiveThresholdLengthensTheIsiAsPredicted() {
        double ri = 16;
        double beta = 1.5;
        double tauA = 150;
        double tRef = 2;
        Nets.Params p = new Nets.Params(1);
        p.bias[0] = ri;
        p.beta[0] = beta;
        p.tauA[0] = tauA;
        p.tRef[0] = tRef;
        SpikeRecorder rec = new SpikeRecorder();
        Nets.Sampler s = new Nets.Sampler(50, 0);
        engine.run(Nets.network(p), Nets.run(400), rec, s);
        double[] t = rec.timesOf(0);
        // Independent replay: after a spike at t_k with adaptation a_k (after the jump),
        // u(h) = R I + (u_reset - R I) e^{-(h - t_ref)/tau_m} for h > t_ref, threshold 10 + beta a_k e^{-h/tau_a}.
        double a = 0;
        double tk = 0;
        double u0 = 0;
        double clamp = 0;
        for (int k = 0; k < t.length; k++) {
            final double ak = a;
            final double start = u0;
            final double c = clamp;
            double h = Nets.firstRoot(x -> x <= c ? -1
                    : ri + (start - ri) * Math.exp(-(x - c) / 20) - 10 - beta * ak * Math.exp(-x / tauA), 0, 400, 400_000);
            double expected = tk + h;
            assertEquals(expected, t[k], 1e-9 * expected, "spike " + k);
            a = ak * Math.exp(-h / tauA) + 1;
            tk = t[k];
            u0 = -5;
            clamp = tRef;
        }
        assertTrue(t.length >= 6);
        for (int k = 2; k < t.length; k++) {
            assertTrue(t[k] - t[k - 1] > t[k - 1] - t[k - 2], "ISIs lengthen");
        }
        // The adaptation variable seen by the monitor decays between spikes and jumps by 1.
        for (int k = 0; k < s.times.size(); k++) {
            double ts = s.times.get(k);
            double expectedA = 0;
            for (double sp : t) {
                if (sp < ts) {
                    expectedA += Math.exp(-(ts - sp) / tauA);
                }
            }
            assertEquals(expectedA, s.a.get(k)[0], 1e-9 * (1 + expectedA));
        }
    }

    /** Random trajectories: the search never returns a time after a point where f >= 0, and f is ~0 there. */
    @Test
    void searchNeverMissesAnEarlierCrossingOnRandomTrajectories() {
        Random rnd = new Random(7);
        int n = 1;
        for (int trial = 0; trial < 1500; trial++) {
            double tauM = 5 + 30 * rnd.nextDouble();
            double tauE = trial % 5 == 0 ? tauM : 1 + 30 * rnd.nextDouble();
            double tauI = 1 + 30 * rnd.nextDouble();
            double tauA = 20 + 300 * rnd.nextDouble();
            SynapseKernels exc = new SynapseKernels(new double[] {tauE}, new double[] {tauM});
            SynapseKernels inh = new SynapseKernels(new double[] {tauI}, new double[] {tauM});
            ThresholdCrossing tc = new ThresholdCrossing(exc, inh, new double[] {1 / tauM}, new double[] {1 / tauA});
            double c = -3 + 4 * rnd.nextDouble();
            double p = -15 + 14 * rnd.nextDouble();
            double re = 40 * rnd.nextDouble();
            double ri = -40 * rnd.nextDouble();
            double b = trial % 3 == 0 ? 5 * rnd.nextDouble() : 0;
            if (c + p - b >= 0) {
                continue;
            }
            double horizon = 300;
            double h = tc.find(0, c, p, re, ri, b, horizon, 0);
            java.util.function.DoubleUnaryOperator f = x -> c + p * Math.exp(-x / tauM) + re * Nets.kernel(x, tauE, tauM)
                    + ri * Nets.kernel(x, tauI, tauM) - b * Math.exp(-x / tauA);
            double scanned = Nets.firstRoot(f, 0, horizon, 30_000);
            if (Double.isNaN(scanned)) {
                assertTrue(h == Double.POSITIVE_INFINITY || Math.abs(f.applyAsDouble(h)) < 1e-9,
                        "trial " + trial + ": found " + h + " where a scan sees none");
            } else {
                assertTrue(h <= scanned + 1e-9, "trial " + trial + ": missed the crossing at " + scanned + ", found " + h);
                assertTrue(Math.abs(f.applyAsDouble(h)) < 1e-9, "trial " + trial + ": f(" + h + ") = " + f.applyAsDouble(h));
            }
        }
    }

    /** The exp-free saturating bound used for heap keys never comes after the true first crossing. */
    @Test
    void saturatingBoundIsALowerBoundOfTheFirstCrossing() {
        Random rnd = new Random(9);
        int checked = 0;
        for (int trial = 0; trial < 1500; trial++) {
            double tauM = 5 + 30 * rnd.nextDouble();
            double tauE = 1 + 30 * rnd.nextDouble();
            double tauI = 1 + 30 * rnd.nextDouble();
            double tauA = 20 + 300 * rnd.nextDouble();
            double theta = 2 + 10 * rnd.nextDouble();
            double u0 = theta - 20 * rnd.nextDouble();
            double rIb = 25 * rnd.nextDouble();
            double re = 30 * rnd.nextDouble();
            double ri = trial % 2 == 0 ? 0 : -30 * rnd.nextDouble();
            double ba = trial % 3 == 0 ? 4 * rnd.nextDouble() : 0;
            double f0 = u0 - theta - ba;
            if (f0 >= 0) {
                continue;
            }
            SynapseKernels exc = new SynapseKernels(new double[] {tauE}, new double[] {tauM});
            double bound = ThresholdCrossing.saturatingBound(-f0, Math.max(0, rIb - u0), re, 0, ba, tauM, 1 / tauM,
                    exc.peakValue[0], 0, tauA, 1 / tauA);
            java.util.function.DoubleUnaryOperator f = x -> rIb + (u0 - rIb) * Math.exp(-x / tauM)
                    + re * Nets.kernel(x, tauE, tauM) + ri * Nets.kernel(x, tauI, tauM) - theta - ba * Math.exp(-x / tauA);
            double root = Nets.firstRoot(f, 0, 400, 40_000);
            if (Double.isNaN(root)) {
                continue;
            }
            checked++;
            assertTrue(bound <= root + 1e-9, "trial " + trial + ": bound " + bound + " after the crossing " + root);
        }
        assertTrue(checked > 300, "enough crossings checked: " + checked);
    }
}
