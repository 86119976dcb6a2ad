package org.hrsnn.learning.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrsnn.learning.surrogate.PiecewiseLinear;
import org.hrsnn.simulator.benchmark.Cuba;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

class RecurrentSpikingModelTest {
    @Test
    void unrollOfASimulatorNetworkKeepsItsNeuronsAndSynapses() {
        Network net = Cuba.network(400, 3, true);
        RecurrentSpikingModel m = RecurrentSpikingModel.fromNetwork(net, 1.0, 5, 2, 20, new PiecewiseLinear(),
                new RandomStreams(4));
        NeuronParameters p = net.parameters();
        assertEquals(400, m.n);
        assertEquals(net.synapses().size(), m.synapses());
        assertArrayEquals(net.synapses().target, m.target);
        for (int j = 0; j < m.n; j++) {
            assertEquals(Math.exp(-1.0 / p.membraneTau[j]), m.alpha[j], 1e-15);
            assertEquals(p.threshold[j] - p.resetPotential[j], m.vth[j], 1e-12);
        }
        // Excitatory synapse: voltage area w R tau_e / tau_m of the target.
        int k = 0;
        while (net.synapses().weight[k] <= 0) {
            k++;
        }
        int j = net.synapses().target[k];
        assertEquals(net.synapses().weight[k] * p.resistance[j] * p.excitatoryTau[j] / p.membraneTau[j], m.params[k], 1e-12);
    }

    @Test
    void singleNeuronFollowsTheDiscreteLifEquationsWithResetBySubtraction() {
        // One LIF neuron, no recurrence, one input of weight 0.5 every step, vth = 1, alpha = 0.9.
        double[] params = {0.5, 0.0, 0.0};
        RecurrentSpikingModel m = RecurrentSpikingModel.of(new int[] {0, 0}, new int[0], 1, 1, new double[] {0.9},
                new double[] {0.99}, new double[] {0}, new double[] {1}, 0.5, 1, new PiecewiseLinear(), false, params);
        ModelState s = m.newState();
        double v = 0;
        double z = 0;
        int spikes = 0;
        for (int t = 0; t < 50; t++) {
            m.step(s, new double[] {1});
            v = 0.9 * v + 0.5 - z;
            z = v > 1 ? 1 : 0;
            spikes += (int) z;
            assertEquals(v, s.v[0], 1e-12);
            assertEquals(z, s.z[0]);
            double d = v - 1;
            assertEquals(Math.abs(d) < 1 ? 0.3 * (1 - Math.abs(d)) : 0, s.psi[0], 1e-12);
        }
        assertTrue(spikes > 5);
    }

    @Test
    void adaptationRaisesTheThresholdAfterEachSpike() {
        double[] params = {0.8, 0.0, 0.0};
        RecurrentSpikingModel m = RecurrentSpikingModel.of(new int[] {0, 0}, new int[0], 1, 1, new double[] {0.9},
                new double[] {0.95}, new double[] {0.5}, new double[] {1}, 0.5, 1, new PiecewiseLinear(), false, params);
        ModelState s = m.newState();
        double v = 0;
        double a = 0;
        double z = 0;
        for (int t = 0; t < 200; t++) {
            m.step(s, new double[] {1});
            v = 0.9 * v + 0.8 - z;
            a = 0.95 * a + z;
            z = v - 1 - 0.5 * a > 0 ? 1 : 0;
            assertEquals(v, s.v[0], 1e-12);
            assertEquals(a, s.a[0], 1e-12);
            assertEquals(z, s.z[0]);
        }
    }

    @Test
    void randomConnectivityHasTheRequestedDensity() {
        RecurrentSpikingModel.Spec s = new RecurrentSpikingModel.Spec();
        s.lifNeurons = 300;
        s.density = 0.05;
        RecurrentSpikingModel m = s.build(new RandomStreams(5));
        double pairs = 300.0 * 299;
        double expected = pairs * 0.05;
        assertEquals(expected, m.synapses(), 4 * Math.sqrt(expected * 0.95));
        for (int k = 0; k < m.synapses(); k++) {
            assertTrue(m.source[k] != m.target[k]);
        }
    }
}
