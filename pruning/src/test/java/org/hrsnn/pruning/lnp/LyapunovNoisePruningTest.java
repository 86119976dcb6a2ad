package org.hrsnn.pruning.lnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.TestNetworks;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

class LyapunovNoisePruningTest {
    private static final LnpOptions FAST = LnpOptions.DEFAULT.withNeuronFraction(0.2).withBayesianOptimisation(2, 2);

    @Test
    void fullPipelineGivesAValidSmallerNetworkReproducibly() {
        Network net = TestNetworks.heterogeneous(80, 0.2, 21);
        PruningResult a = new LyapunovNoisePruning(FAST).prune(net, 0.5, new RandomStreams(3));
        PruningResult b = new LyapunovNoisePruning(FAST).prune(net, 0.5, new RandomStreams(3));
        assertEquals(64, a.network().size());
        assertEquals(64, a.keptNeurons().length);
        assertArrayEquals(a.network().synapses().target, b.network().synapses().target);
        assertArrayEquals(a.network().synapses().weight, b.network().synapses().weight);
        assertArrayEquals(a.network().parameters().membraneTau, b.network().parameters().membraneTau);
        double target = a.diagnostics().get("sampling.target");
        double kept = a.diagnostics().get("sampling.kept");
        assertEquals(target, kept, 4 * Math.sqrt(target));
        double after = a.diagnostics().get("neurons.synapsesAfter") + a.diagnostics().get("delocalise.added");
        assertEquals(after, a.network().synapses().size());
        assertTrue(a.network().synapses().size() < net.synapses().size());
        // The input network is untouched.
        assertEquals(80, net.size());
        for (String key : new String[] {"lyapunov.largest", "ipr.before", "ipr.after", "timescale.objective"}) {
            assertTrue(Double.isFinite(a.diagnostics().get(key)), key);
        }
        assertTrue(a.diagnostics().get("timescale.objective") >= a.diagnostics().get("timescale.initialObjective"));
    }

    @Test
    void badInputIsRejectedBeforeAnyWork() {
        Network net = TestNetworks.heterogeneous(6, 0.5, 1);
        assertThrows(InvalidInputException.class,
                () -> new LyapunovNoisePruning(FAST.withNeuronFraction(0.9)).prune(net, 0.5, new RandomStreams(1)));
        assertThrows(InvalidInputException.class, () -> LnpOptions.DEFAULT.withNeuronFraction(1.0));
        assertThrows(InvalidInputException.class,
                () -> new LyapunovNoisePruning(FAST).prune(net, 0.0, new RandomStreams(1)));
    }
}
