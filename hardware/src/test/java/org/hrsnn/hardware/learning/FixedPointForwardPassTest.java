package org.hrsnn.hardware.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.hardware.emulator.BitExactEmulator;
import org.hrsnn.hardware.fixedpoint.FixedPointNetwork;
import org.hrsnn.hardware.fixedpoint.SpikeRaster;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.hardware.preset.HardwarePresets;
import org.hrsnn.learning.model.ModelState;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.learning.optim.Sgd;
import org.hrsnn.learning.train.EvidenceSetup;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

class FixedPointForwardPassTest {
    private static final HardwarePreset LOIHI = HardwarePresets.loihi1();

    private static RecurrentSpikingModel model(int lif, int alif, long seed) {
        RecurrentSpikingModel.Spec s = new RecurrentSpikingModel.Spec();
        s.lifNeurons = lif;
        s.alifNeurons = alif;
        s.inputs = 8;
        s.outputs = 2;
        s.density = 0.5;
        s.tauSpread = 0.5; // a different dv per neuron
        s.adaptationTauMs = 300;
        s.recScale = 1.0;
        s.inScale = 3.0;
        return s.build(new RandomStreams(seed));
    }

    private static boolean[][] inputs(int steps, int channels, double p, long seed) {
        RandomGenerator g = new RandomStreams(seed).stream("inputs");
        boolean[][] x = new boolean[steps][channels];
        for (boolean[] row : x) {
            for (int c = 0; c < channels; c++) {
                row[c] = g.nextDouble() < p;
            }
        }
        return x;
    }

    private static boolean[][] run(FixedPointForwardPass f, ModelState s, boolean[][] x, int n) {
        boolean[][] z = new boolean[x.length][n];
        double[] frame = new double[x[0].length];
        for (int t = 0; t < x.length; t++) {
            for (int c = 0; c < frame.length; c++) {
                frame[c] = x[t][c] ? 1 : 0;
            }
            f.step(s, frame);
            for (int j = 0; j < n; j++) {
                z[t][j] = s.z[j] != 0;
            }
        }
        return z;
    }

    private static int count(boolean[][] z) {
        int c = 0;
        for (boolean[] r : z) {
            for (boolean b : r) {
                c += b ? 1 : 0;
            }
        }
        return c;
    }

    /** LIF neurons: the forward pass is the emulator's integer update, spike for spike, before and after learning steps. */
    @Test
    void spikesIdenticallyToTheBitExactEmulatorOnTheSameWeightsAndInputs() {
        RecurrentSpikingModel m = model(24, 0, 3);
        RandomStreams streams = new RandomStreams(5);
        FixedPointWeights w = new FixedPointWeights(m, LearningFormat.of(LOIHI), new Sgd(1.0), 2.0, true, streams);
        FixedPointForwardPass f = new FixedPointForwardPass(m, w, LOIHI);
        int steps = 400;
        RandomGenerator g = new RandomStreams(9).stream("updates");
        for (int round = 0; round < 3; round++) {
            boolean[][] x = inputs(steps, m.inputs, 0.2, 11 + round);
            ModelState s = f.newState();
            boolean[][] mine = run(f, s, x, m.n);
            FixedPointNetwork net = f.toNetwork(1.0);
            SpikeRaster emulated = new BitExactEmulator().run(net, new SpikeRaster[] {SpikeRaster.fromDense(x, m.inputs)}, steps)
                    .spikes();
            assertTrue(count(mine) > steps / 2, "round " + round + ": the network must spike, " + count(mine));
            boolean[][] e = emulated.dense();
            for (int t = 0; t < steps; t++) {
                assertArrayEquals(e[t], mine[t], "round " + round + ", step " + t);
            }
            // a learning step with random gradients of a few lsb: the next round runs on the new integers
            double[] grad = new double[m.parameterCount()];
            for (int k = 0; k < m.stateParameters(); k++) {
                grad[k] = 3 * g.nextGaussian() * (k < m.synapses() ? w.recurrentLsb() : w.inputLsb());
            }
            w.apply(m.params, grad);
        }
    }

    @Test
    void bothWeightGroupsShareOneScaleUpToAPowerOfTwo() {
        RecurrentSpikingModel m = model(10, 4, 2);
        FixedPointWeights w = new FixedPointWeights(m, LearningFormat.of(LOIHI), new Sgd(1.0), 2.0, true, new RandomStreams(1));
        double ratio = Math.max(w.inputLsb(), w.recurrentLsb()) / Math.min(w.inputLsb(), w.recurrentLsb());
        double log2 = Math.log(ratio) / Math.log(2);
        assertEquals(Math.rint(log2), log2, 1e-9);
        // the wider group keeps at least its requested range: every initial weight is representable
        long top = FixedPointArithmetic.maxSigned(9);
        for (int k = 0; k < m.stateParameters(); k++) {
            assertTrue(Math.abs(w.weight(k)) < top, "parameter " + k + " saturated at construction");
        }
    }

    /** One ALIF neuron with one input channel and one output. */
    private static RecurrentSpikingModel.Spec oneAlifNeuron(double adaptationTauMs, double adaptationStrength) {
        RecurrentSpikingModel.Spec spec = new RecurrentSpikingModel.Spec();
        spec.lifNeurons = 0;
        spec.alifNeurons = 1;
        spec.inputs = 1;
        spec.outputs = 1;
        spec.adaptationTauMs = adaptationTauMs;
        spec.adaptationStrength = adaptationStrength;
        spec.inScale = 1.0;
        return spec;
    }

    /** ALIF: each spike raises the threshold by round(beta S) (the chip's decay then shrinks it), so it spikes less than LIF. */
    @Test
    void adaptiveThresholdRisesPerSpikeAndSlowsFiring() {
        RecurrentSpikingModel.Spec spec = oneAlifNeuron(500, 0.5);
        RecurrentSpikingModel alif = spec.build(new RandomStreams(1));
        alif.params[alif.inOffset] = 0.2; // 0.2 mV per input spike, one spike every step
        FixedPointWeights w = new FixedPointWeights(alif, LearningFormat.of(LOIHI), new Sgd(1.0), 2.0, true, new RandomStreams(1));
        FixedPointForwardPass f = new FixedPointForwardPass(alif, w, LOIHI);
        ModelState s = f.newState();
        double[] one = {1};
        int spikes = 0;
        double before = 0;
        for (int t = 0; t < 600; t++) {
            f.step(s, one);
            if (s.zPrev[0] != 0) {
                // this step added the increment of the previous step's spike to the decayed offset
                // to the previous offset decayed by the chip's multiply (rounded toward zero: at most 1 unit less)
                double sc = f.voltageScale();
                double decayed = before * (1 - Math.round(4096 * (1 - Math.exp(-1 / 500.0))) / 4096.0);
                double rise = s.a[0] - decayed;
                double increment = Math.round(0.5 * sc) / sc;
                assertTrue(rise > increment - 1.0001 / sc && rise <= increment + 1e-9,
                        "step " + t + ": " + before + " -> " + s.a[0] + ", increment " + increment);
            } else if (t > 0) {
                assertTrue(s.a[0] <= before, "the offset only decays between spikes");
            }
            before = s.a[0];
            spikes += (int) s.z[0];
        }
        spec.alifNeurons = 0;
        spec.lifNeurons = 1;
        RecurrentSpikingModel lif = spec.build(new RandomStreams(1));
        lif.params[lif.inOffset] = 0.2;
        FixedPointForwardPass g = new FixedPointForwardPass(lif,
                new FixedPointWeights(lif, LearningFormat.of(LOIHI), new Sgd(1.0), 2.0, true, new RandomStreams(1)), LOIHI);
        ModelState s2 = g.newState();
        int lifSpikes = 0;
        for (int t = 0; t < 600; t++) {
            g.step(s2, one);
            lifSpikes += (int) s2.z[0];
        }
        assertTrue(spikes > 0 && spikes < lifSpikes, "ALIF " + spikes + ", LIF " + lifSpikes);
        assertThrows(InvalidInputException.class, () -> f.toNetwork(1.0), "the emulator has no adaptive threshold");
    }

    /**
     * Weak, slow adaptation (the e-prop paper's beta 0.0174, tau_a 2 s): the chip's offset, averaged
     * over the run, is the exact filtered spike count beta sum_s rho^(t-s) z_s of the neuron's own
     * spikes. Without fraction bits below the voltage unit, truncating decay removed one unit per
     * step and kept about a tenth of it.
     */
    @Test
    void weakSlowAdaptationKeepsItsMeanOffset() {
        RecurrentSpikingModel alif = oneAlifNeuron(2000, EvidenceSetup.paperAdaptationStrength(20, 2000))
                .build(new RandomStreams(1));
        alif.params[alif.inOffset] = WEAK_INPUT_MV;
        // weight range 16 x the weight: a coarse voltage unit, so the per-spike increment is ~60 units as in the paper's network
        FixedPointWeights w = new FixedPointWeights(alif, LearningFormat.of(LOIHI), new Sgd(1.0), 16.0, true, new RandomStreams(1));
        FixedPointForwardPass f = new FixedPointForwardPass(alif, w, LOIHI);
        ModelState s = f.newState();
        RandomGenerator g = new RandomStreams(2).stream("input");
        double[] x = new double[1];
        double rho = Math.exp(-1 / 2000.0);
        double a = 0;
        double chipSum = 0;
        double exactSum = 0;
        int spikes = 0;
        int steps = 20_000;
        for (int t = 0; t < steps; t++) {
            x[0] = g.nextDouble() < INPUT_P ? 1 : 0;
            f.step(s, x);
            a = rho * a + s.zPrev[0];
            spikes += (int) s.z[0];
            if (t >= 4000) {
                chipSum += s.a[0];
                exactSum += alif.beta[0] * a;
            }
        }
        double rateHz = spikes * 1000.0 / steps;
        assertTrue(rateHz > 3 && rateHz < 30, "a sparse firing regime: " + rateHz + " Hz");
        assertEquals(1.0, chipSum / exactSum, 0.05, "mean threshold offset, chip / exact, at " + rateHz + " Hz");
    }

    private static final double WEAK_INPUT_MV = 0.3;
    private static final double INPUT_P = 0.1;

    @Test
    void rejectsWhatTheChipCannotRun() {
        RecurrentSpikingModel m = model(6, 0, 1);
        FixedPointWeights wide = new FixedPointWeights(m, LearningFormat.of(LOIHI).withWeightBits(12), new Sgd(1.0), 2.0, true,
                new RandomStreams(1));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new FixedPointForwardPass(m, wide, LOIHI));
        assertTrue(e.getMessage().contains("weightBits"), e.getMessage());
        RecurrentSpikingModel m2 = model(6, 0, 1);
        FixedPointWeights w = new FixedPointWeights(m2, LearningFormat.of(LOIHI), new Sgd(1.0), 2.0, true, new RandomStreams(1));
        FixedPointForwardPass f = new FixedPointForwardPass(m2, w, LOIHI);
        double[] x = new double[m2.inputs];
        x[0] = 0.5;
        assertThrows(InvalidInputException.class, () -> f.step(f.newState(), x), "inputs are spikes");
        // xylo decays by shifts: u cannot be cleared in one step
        assertThrows(InvalidInputException.class, () -> new FixedPointForwardPass(m2, w, HardwarePresets.xylo()));
    }

    /** Weight rounding: a step of -0.3 lsb moves the weights by -0.3 lsb on average; the draws are seeded. */
    @Test
    void stochasticWeightRoundingIsUnbiasedAndSeeded() {
        long[][] after = new long[3][];
        for (int run = 0; run < 3; run++) {
            RecurrentSpikingModel m = model(40, 0, 4);
            FixedPointWeights w = new FixedPointWeights(m, LearningFormat.of(LOIHI), new Sgd(1.0), 2.0, true,
                    new RandomStreams(run < 2 ? 17 : 18));
            long[] before = w.raw().clone();
            double[] grad = new double[m.parameterCount()];
            for (int k = 0; k < m.stateParameters(); k++) {
                grad[k] = 0.3 * (k < m.synapses() ? w.recurrentLsb() : w.inputLsb()); // Sgd(1): step = -grad
            }
            w.apply(m.params, grad);
            long sum = 0;
            int p = m.stateParameters();
            for (int k = 0; k < p; k++) {
                long d = w.raw()[k] - before[k];
                assertTrue(d == 0 || d == -1, "parameter " + k + " moved by " + d);
                sum += d;
            }
            // Bernoulli(0.3) per weight: mean -0.3 with standard error sqrt(0.21 / p); tolerance 5 standard errors
            assertEquals(-0.3, sum / (double) p, 5 * Math.sqrt(0.21 / p));
            after[run] = w.raw().clone();
        }
        assertArrayEquals(after[0], after[1], "same seed, same draws");
        assertFalse(Arrays.equals(after[0], after[2]), "another seed, other draws");
    }
}
