package org.hrsnn.simulator.engine.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.junit.jupiter.api.Test;

class ClockInputValidationTest {

    @Test
    void delayBetweenZeroAndDtIsRejectedNamingTheSynapse() {
        TestNetworks.Params p = new TestNetworks.Params(3);
        // CSR order: source 0 -> 1 (k = 0), source 2 -> 0 (k = 1, the bad one)
        SynapseMatrix s = SynapseMatrix.fromEdges(3, 3, new int[] {2, 0}, new int[] {0, 1},
                new double[] {1, 1}, new double[] {0.05, 0.2}, 2);
        Network net = TestNetworks.network(p, s, null, null);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new ClockDrivenEngine().run(net, SimulationOptions.of(10, 1)));
        assertEquals("synapse[1].delay", e.field());
        assertEquals("0.05", e.value());
        assertTrue(e.allowed().contains("0 (next step) or >= dt"), e.getMessage());
    }

    @Test
    void zeroAndGridDelaysAreAccepted() {
        TestNetworks.Params p = new TestNetworks.Params(2);
        SynapseMatrix s = SynapseMatrix.fromEdges(2, 2, new int[] {0, 1}, new int[] {1, 0},
                new double[] {1, 1}, new double[] {0.0, 0.1}, 2);
        new ClockDrivenEngine().run(TestNetworks.network(p, s, null, null), SimulationOptions.of(10, 1));
    }
}
