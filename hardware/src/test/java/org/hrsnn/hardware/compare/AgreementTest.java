package org.hrsnn.hardware.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hrsnn.hardware.TestNetworks;
import org.hrsnn.hardware.fixedpoint.SpikeRaster;
import org.hrsnn.hardware.preset.HardwarePresets;
import org.hrsnn.hardware.quantise.QuantiserOptions;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.ParameterDistribution;
import org.junit.jupiter.api.Test;

class AgreementTest {

    @Test
    void identicalRastersAgreePerfectlyAndOneExtraSpikeCostsAboutSqrtHalf() {
        boolean[][] d = new boolean[200][3];
        d[10][0] = true;
        d[50][1] = true;
        d[120][2] = true;
        SpikeRaster a = SpikeRaster.fromDense(d, 3);
        SpikeAgreement same = SpikeAgreement.compare(a, a, 10);
        assertEquals(1, same.rateCorrelation(), 1e-12);
        assertEquals(0, same.vanRossum(), 1e-12);
        boolean[][] e = new boolean[200][3];
        for (int t = 0; t < 200; t++) {
            e[t] = d[t].clone();
        }
        e[150][0] = true;
        SpikeAgreement one = SpikeAgreement.compare(a, SpikeRaster.fromDense(e, 3), 10);
        // neuron 0 differs by one spike: sum_t e^{-2t/tau}/tau = 1/(tau (1 - e^{-2/tau})), about 0.55 for tau = 10
        double expected = Math.sqrt(1 / (10 * (1 - Math.exp(-0.2)))) / 3;
        assertEquals(expected, one.vanRossum(), 1e-3);
    }

    @Test
    void fixedPointFollowsTheFloatModelAtEightBitsAndDriftsAtTwo() {
        // weights spread over a range: a constant weight is one integer at any width (per-neuron voltage scales)
        Network net = TestNetworks.heterogeneous(80, 20, 11, ParameterDistribution.uniform(0.1, 0.9),
                ParameterDistribution.uniform(0.5, 3.5), 0.1);
        // refractory mapped, so that the hardware model and the clock engine's float model differ only by discretisation
        List<WeightBitsSweep.Row> rows = new WeightBitsSweep().run(net, HardwarePresets.loihi1(),
                QuantiserOptions.defaults(1.0).withMaxPrototypes(32).withRefractory(true), 2000, 7, 8, 2, 10);
        assertEquals(7, rows.size());
        WeightBitsSweep.Row eight = rows.get(0);
        WeightBitsSweep.Row two = rows.get(6);
        for (SpikeAgreement a : List.of(eight.agreement(), eight.quantisationAgreement())) {
            assertTrue(a.spikesA() > 1000, "the float network is active: " + a);
            assertTrue(a.rateCorrelation() > 0.95, "8 bits: " + eight);
            assertEquals(1.0, a.spikesB() / (double) a.spikesA(), 0.05, "8 bits: " + eight);
        }
        assertTrue(two.weightRelativeRmsError() > eight.weightRelativeRmsError());
        // against the step reference, which shares the hardware model's simplifications, the bits are all
        // that differs; against the clock engine the model's own gap (delays, two currents) dominates the
        // distance at every width, so no order is asserted there
        assertTrue(two.quantisationAgreement().vanRossum() > eight.quantisationAgreement().vanRossum(), rows.toString());
        assertTrue(Double.isNaN(eight.taskFloat()) && Double.isNaN(eight.taskFixed()), "no task was asked for");
    }
}
