package org.hrsnn.hardware.quantise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.hrsnn.hardware.Issue;
import org.hrsnn.hardware.TestNetworks;
import org.hrsnn.hardware.fixedpoint.FixedPointNetwork;
import org.hrsnn.hardware.fixedpoint.FixedPointProjection;
import org.hrsnn.hardware.fixedpoint.SignMode;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.hardware.preset.HardwarePresets;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.ParameterDistribution;
import org.junit.jupiter.api.Test;

class QuantiserTest {
    private static final HardwarePreset LOIHI = HardwarePresets.loihi1();

    @Test
    void decayConstantsInvertTheirEffectiveTimeConstant() {
        var f = LOIHI.neuron();
        // du = 4096 (1 - e^{-dt/tau}) - 1 with the offset; the realised tau is within one decay unit
        for (double tau : new double[] {2, 5, 20, 100, 1000}) {
            int du = Decays.decayConstant(tau, 1.0, f, 1);
            int dv = Decays.decayConstant(tau, 1.0, f, 0);
            assertEquals(dv - 1, du);
            assertEquals(Math.round(4096 * (1 - Math.exp(-1 / tau))), dv);
            double real = Decays.effectiveTau(dv, 1.0, f, 0);
            double slope = tau * tau / 4096.0 * Math.exp(1 / tau); // |dtau/dd| for dt = 1
            assertEquals(tau, real, slope * 0.51 + 1e-9);
        }
        // Xylo-like shift decay: 1 - 2^-d closest to e^{-dt/tau}
        var x = HardwarePresets.xylo().neuron();
        assertEquals(4, Decays.decayConstant(16, 1.0, x, 0)); // 1/16 ~ 1 - e^{-1/16}
    }

    @Test
    void representableWeightsQuantiseExactly() {
        double[] w = {64, -128, 32, 254};
        ProjectionQuantisation.Weights q = ProjectionQuantisation.quantise(w, SignMode.MIXED, 8, 8, -8, 7);
        assertEquals(0, q.relativeRmsError(), 1e-12);
        assertArrayEquals(new int[] {64, -128, 32, 254}, q.weight());
        assertEquals(0, q.exponent());
        // the same weights times 8 need exponent 3
        double[] w8 = Arrays.stream(w).map(v -> v * 8).toArray();
        assertEquals(3, ProjectionQuantisation.quantise(w8, SignMode.MIXED, 8, 8, -8, 7).exponent());
        // {128, 256, 384} are exact with 2 bits (multiples of 64 up to 192, exponent 1), not with 1
        ProjectionQuantisation.Weights two = ProjectionQuantisation.quantiseFewestBits(new double[] {128, 256, 384},
                SignMode.EXCITATORY, 8, 8, 1, -8, 7);
        assertEquals(2, two.numWeightBits());
        assertEquals(1, two.exponent());
        assertEquals(0, two.relativeRmsError(), 1e-12);
        assertEquals(8, ProjectionQuantisation.quantiseFewestBits(new double[] {1, 2, 255}, SignMode.EXCITATORY, 8, 8, 1, -8, 7)
                .numWeightBits());
        // fewer bits: a coarser grid, more error
        double[] r = {0.3, 0.7, 1.1, 5.9, 17.3, 100.2};
        double prev = -1;
        for (int bits = 8; bits >= 2; bits--) {
            double err = ProjectionQuantisation.quantise(r, SignMode.EXCITATORY, 8, bits, -8, 7).relativeRmsError();
            assertTrue(err >= prev - 1e-12, bits + " bits: " + err + " < " + prev);
            prev = err;
        }
    }

    @Test
    void mapsThresholdsAndScalesAsDocumented() {
        Network net = TestNetworks.heterogeneous(40, 10, 3, 0.5, -2.0);
        // one scale: every threshold is 10 mV = the largest: it sits at 2^(24-1-2) in v units, mantissa 2^21 >> 6
        Quantised one = new Quantiser().quantise(net, LOIHI, QuantiserOptions.defaults(1.0).withEqualiseGain(false));
        for (int v : one.network().vth) {
            assertEquals(1 << 15, v);
        }
        assertEquals((1 << 21) / 10.0, one.report().voltageScale(), 1e-9);
        assertEquals(one.report().voltageScale(), one.report().minVoltageScale());
        assertTrue(one.report().threshold().maxRelative() < 1e-12);

        // per-neuron scales (default): the slowest neuron keeps the top scale, the others get
        // S_i ~ 1 / alpha'_m,i, so vth_i alpha'_m,i is one constant (up to the rounding of vth)
        Quantised q = new Quantiser().quantise(net, LOIHI, QuantiserOptions.defaults(1.0));
        FixedPointNetwork f = q.network();
        assertEquals(1 << 15, Arrays.stream(f.vth).max().getAsInt());
        assertEquals((1 << 21) / 10.0, q.report().voltageScale(), 1e-9);
        assertTrue(q.report().minVoltageScale() < q.report().voltageScale() / 2, "tau_m in [10, 40] ms: " + q.report());
        double c0 = f.vth[0] * Decays.effectiveAlpha(f.dv[0], LOIHI.neuron(), 0);
        for (int i = 0; i < f.size; i++) {
            assertEquals(c0, f.vth[i] * Decays.effectiveAlpha(f.dv[i], LOIHI.neuron(), 0), c0 * 1.0 / f.vth[i] + 1e-9);
        }
        assertTrue(q.report().threshold().maxRelative() < 1e-3);
        // bias: relative rounding error of a 13-bit mantissa is below 2^-11 for biases that need an exponent
        assertTrue(q.report().bias().maxAbsolute() < 1e-3, "bias error " + q.report().bias());
        assertEquals(2, q.report().projections().stream().filter(p -> p.name().startsWith("exc") || p.name().startsWith("inh"))
                .map(ProjectionQuantisation::signMode).distinct().count());
        // 8-bit weights: all weights equal per projection, so the error is the rounding of one value
        assertTrue(q.report().weightRelativeRmsError() < 0.02, "" + q.report().projections());

        // refractory off by default for the Lava-compatible preset
        assertTrue(Arrays.stream(f.refractorySteps).allMatch(r -> r == 0));
        assertTrue(Arrays.stream(new Quantiser().quantise(net, LOIHI, QuantiserOptions.defaults(1.0).withRefractory(true))
                .network().refractorySteps).allMatch(r -> r == 2));
        assertTrue(q.report().issues().stream().noneMatch(Issue::isError));
    }

    /**
     * The cause of the 4-bit dip of {@code hw compare} on the default HRSNN: with one voltage scale a
     * weight onto neuron i is multiplied by alpha'_m,i, which spreads a constant float weight over the
     * targets' range of 1/tau_m (30x here); a per-projection exponent with 4 bits then rounds the
     * weights onto slow neurons to zero while fast ones keep theirs, and the slow neurons lose all their
     * inhibition. With per-neuron scales a constant float weight is one integer onto every target.
     */
    @Test
    void aConstantFloatWeightIsOneIntegerOntoFastAndSlowNeurons() {
        Network net = TestNetworks.heterogeneous(80, 20, 5, ParameterDistribution.constant(0.5),
                ParameterDistribution.constant(4.0), 0.2, 20, ParameterDistribution.uniform(2, 60));
        boolean anomalyWithOneScale = false;
        double prevNetworkError = Double.POSITIVE_INFINITY;
        int[] prevZeroed = null;
        for (int bits = 2; bits <= 8; bits++) {
            Quantised q = new Quantiser().quantise(net, LOIHI, QuantiserOptions.defaults(0.1).withWeightBits(bits));
            assertTrue(q.report().ok(), q.report().errors().toString());
            int[] zeroed = new int[q.network().projections.size()];
            for (int k = 0; k < zeroed.length; k++) {
                FixedPointProjection p = q.network().projections.get(k);
                zeroed[k] = q.report().projections().get(k).zeroed();
                if (!p.recurrent()) {
                    continue; // input weights are drawn from uniform(1, 3): not one value
                }
                int[] w = p.effectiveWeights(LOIHI.synapse().weightBits());
                assertEquals(1, Arrays.stream(w).distinct().count(), bits + " bits, " + p.name() + ": " + Arrays.toString(w));
                assertTrue(w[0] != 0, bits + " bits, " + p.name());
                // one value on a grid of 2^bits - 1 magnitudes (2^(bits-1) - 1 in mixed mode) at the best exponent
                int levels = p.signMode() == SignMode.MIXED ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
                assertTrue(q.report().projections().get(k).relativeRmsError() <= 1.0 / levels + 1e-9,
                        bits + " bits, " + p.name() + ": " + q.report().projections().get(k));
            }
            // more bits never cost weight error nor zero more synapses of a projection
            assertTrue(q.report().weightRelativeRmsError() <= prevNetworkError + 1e-12, bits + " bits");
            prevNetworkError = q.report().weightRelativeRmsError();
            if (prevZeroed != null) {
                for (int k = 0; k < zeroed.length; k++) {
                    assertTrue(zeroed[k] <= prevZeroed[k], bits + " bits, projection " + k + ": " + zeroed[k] + " > " + prevZeroed[k]);
                }
            }
            prevZeroed = zeroed;

            // one scale: the same float weight onto the slowest and the fastest target differ ~30x
            Quantised old = new Quantiser().quantise(net, LOIHI, QuantiserOptions.defaults(0.1).withWeightBits(bits)
                    .withEqualiseGain(false));
            for (FixedPointProjection p : old.network().projections) {
                if (p.name().equals("inh->exc")) {
                    int[] w = p.effectiveWeights(LOIHI.synapse().weightBits());
                    boolean someZero = Arrays.stream(w).anyMatch(x -> x == 0);
                    boolean someNot = Arrays.stream(w).anyMatch(x -> x != 0);
                    anomalyWithOneScale |= someZero && someNot;
                }
            }
        }
        assertTrue(anomalyWithOneScale, "with one voltage scale some slow targets should lose their inhibition at low bits");
    }

    @Test
    void prototypesBoundTheDistinctDecaysAndTradeTimescaleError() {
        Network net = TestNetworks.heterogeneous(80, 20, 5, 0.5, -2.0);
        double prevError = Double.POSITIVE_INFINITY;
        for (int p : new int[] {1, 2, 4, 8, 32}) {
            Quantised q = new Quantiser().quantise(net, LOIHI, QuantiserOptions.defaults(1.0).withMaxPrototypes(p));
            FixedPointNetwork f = q.network();
            long distinct = java.util.stream.IntStream.range(0, f.size).mapToLong(i -> ((long) f.du[i] << 32) | f.dv[i])
                    .distinct().count();
            assertTrue(distinct <= p, p + " prototypes, " + distinct + " distinct (du, dv)");
            assertEquals(distinct, f.prototypes());
            double err = q.report().membraneTau().meanRelative();
            assertTrue(err <= prevError + 1e-9, "P = " + p + ": " + err + " > " + prevError);
            prevError = err;
        }
        assertTrue(prevError < 0.05, "32 prototypes for tau_m in [10, 40] ms: " + prevError);
        Quantised one = new Quantiser().quantise(net, LOIHI, QuantiserOptions.defaults(1.0).withMaxPrototypes(1));
        assertTrue(one.report().membraneTau().maxRelative() > 0.3);
    }

    @Test
    void unrepresentableWeightIsAnErrorNamingTheSynapse() {
        Network net = TestNetworks.heterogeneous(40, 10, 3, 0.5, -2.0);
        // a weight 1e6 x larger than the rest: beyond weight exponent 7 with 8 bits
        double[] w = net.synapses().weight.clone();
        w[7] = 1e6;
        Network bad = net.withSynapses(net.synapses().filter(fill(w.length), w));
        Quantised q = new Quantiser().quantise(bad, LOIHI, QuantiserOptions.defaults(1.0));
        assertFalse(q.report().ok());
        Issue e = q.report().errors().get(0);
        assertEquals("weight not representable", e.what());
        int src = net.synapses().sourceOf(7);
        assertTrue(e.where().contains(src + " -> " + net.synapses().target[7]), e.where());
        InvalidInputException ex = assertThrows(InvalidInputException.class, q::network);
        assertTrue(ex.getMessage().contains("weight not representable"));
    }

    @Test
    void unrepresentableBiasAndUnderflowingWeightsAreErrors() {
        Network net = TestNetworks.heterogeneous(40, 10, 3, 0.5, -2.0);
        double[] bias = net.parameters().biasCurrent.clone();
        bias[12] = 1e6; // 1e6 nA with R = 1: far beyond 4095 << 7 hardware units per step
        var p = net.parameters();
        var params = new org.hrsnn.simulator.network.NeuronParameters(p.membraneTau, p.excitatoryTau, p.inhibitoryTau,
                p.threshold, p.resetPotential, p.leakPotential, p.resistance, p.refractoryPeriod, bias, p.adaptationTau,
                p.adaptationStrength, p.initialPotential);
        QuantisationReport r = new Quantiser().quantise(net.withParameters(params), LOIHI, QuantiserOptions.defaults(1.0)).report();
        assertFalse(r.ok());
        assertEquals("bias not representable", r.errors().get(0).what());
        assertTrue(r.errors().get(0).where().startsWith("neuron 12 "), r.errors().get(0).where());

        // recurrent weights 1e-9 nA: zero at every weight exponent
        double[] w = net.synapses().weight.clone();
        for (int k = 0; k < w.length; k++) {
            w[k] *= 1e-9;
        }
        QuantisationReport u = new Quantiser().quantise(net.withSynapses(net.synapses().filter(fill(w.length), w)), LOIHI,
                QuantiserOptions.defaults(1.0)).report();
        assertFalse(u.ok());
        assertTrue(u.errors().stream().allMatch(e -> e.what().equals("weights underflow")), u.errors().toString());
        assertEquals(4, u.errors().size()); // exc->exc, exc->inh, inh->exc, inh->inh
    }

    private static boolean[] fill(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }
}
