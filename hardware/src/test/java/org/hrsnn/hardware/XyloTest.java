package org.hrsnn.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hrsnn.hardware.compare.WeightBitsSweep;
import org.hrsnn.hardware.fixedpoint.FixedPointLif;
import org.hrsnn.hardware.mapping.CoreMapper;
import org.hrsnn.hardware.mapping.MappingReport;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.hardware.preset.HardwarePresets;
import org.hrsnn.hardware.quantise.Quantised;
import org.hrsnn.hardware.quantise.Quantiser;
import org.hrsnn.hardware.quantise.QuantiserOptions;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.ParameterDistribution;
import org.junit.jupiter.api.Test;

/** The same code parameterised by the Xylo-like preset: 16-bit saturating states, shift decays, its limits. */
class XyloTest {
    private static final HardwarePreset XYLO = HardwarePresets.xylo();

    @Test
    void sixteenBitStatesSaturateAndShiftDecaysRoundTowardZero() {
        FixedPointLif lif = new FixedPointLif(XYLO.neuron());
        assertEquals(32767, lif.current(0, 0, 40_000));     // u saturates, no wrap
        assertEquals(-32767, lif.current(0, 0, -40_000));
        assertEquals(32767, lif.voltage(32000, 15, 32000, 0));
        // shift decay by d = 2: x - trunc0(x / 4)
        assertEquals(75, lif.decayCurrent(100, 2));
        assertEquals(-75, lif.decayCurrent(-100, 2));
        assertEquals(-3, lif.decayVoltage(-5, 1));
    }

    @Test
    void aSmallNetworkRunsOnXyloAndFollowsTheFloatModel() {
        Network net = TestNetworks.heterogeneous(40, 10, 3, ParameterDistribution.uniform(0.3, 0.7),
                ParameterDistribution.uniform(1, 3), 0.1, 16);
        List<WeightBitsSweep.Row> rows = new WeightBitsSweep().run(net, XYLO, QuantiserOptions.defaults(1.0), 1000, 5, 8, 8, 10);
        assertTrue(rows.get(0).agreement().spikesA() > 200, rows.toString());
        // shift decays give only powers-of-two time constants: rates follow, but less closely than on Loihi
        assertTrue(rows.get(0).agreement().rateCorrelation() > 0.8, rows.toString());
        Quantised q = new Quantiser().quantise(net, XYLO, QuantiserOptions.defaults(1.0));
        MappingReport r = new CoreMapper().map(q.network(), XYLO, null).report();
        assertTrue(r.fits(), r.issues().toString());
        assertEquals(1, r.coresUsed());
    }

    @Test
    void tooManyNeuronsOrInputsForXyloAreReported() {
        Network big = TestNetworks.heterogeneous(900, 101, 3, 0.05, -0.2);
        MappingReport r = new CoreMapper().map(new Quantiser().quantise(big, XYLO, QuantiserOptions.defaults(1.0)).network(),
                XYLO, null).report();
        assertFalse(r.fits());
        assertTrue(r.errors().stream().anyMatch(e -> e.what().equals("too many cores") && e.why().contains("1001 neurons")),
                r.errors().toString());
        assertTrue(r.errors().stream().anyMatch(e -> e.what().equals("too many input channels") && e.why().contains("20 channels")),
                r.errors().toString());
    }
}
