package org.hrsnn.simulator.io.nir;

import static org.hrsnn.simulator.random.ParameterDistribution.constant;
import static org.hrsnn.simulator.random.ParameterDistribution.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hrsnn.simulator.connectivity.FixedProbability;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.input.SpikeTimesSource;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NetworkBuilder;
import org.hrsnn.simulator.network.NeuronParameter;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.network.PopulationSpec;
import org.hrsnn.simulator.network.SynapseMatrix;

/** Small networks for the NIR tests, and comparisons of two networks. */
final class NirTestNetworks {
    private NirTestNetworks() {
    }

    /** Fixed input spikes on 3 channels (ms). */
    static SpikeTimesSource drive() {
        return new SpikeTimesSource(new SpikeTrains(new int[] {0, 3, 5, 9},
                new double[] {1.0, 7.5, 20.0, 2.0, 11.0, 0.5, 3.0, 9.0, 15.0}), "fixed test spikes");
    }

    /**
     * Two populations with one synaptic time constant per neuron (tau_e == tau_i) but heterogeneous
     * membrane time constants, thresholds, resistances and initial potentials; two recurrent delay
     * values; a 3-channel input. Exported as one CubaLIF node.
     */
    static Network singleTau(long seed) {
        PopulationSpec a = PopulationSpec.lif("a", 12).excitatory()
                .set(NeuronParameter.EXCITATORY_TAU, 4.0).set(NeuronParameter.INHIBITORY_TAU, 4.0)
                .set(NeuronParameter.MEMBRANE_TAU, uniform(10, 30))
                .set(NeuronParameter.THRESHOLD, uniform(-52, -48))
                .set(NeuronParameter.LEAK_POTENTIAL, uniform(-51, -45)) // some neurons fire tonically
                .set(NeuronParameter.RESISTANCE, uniform(0.5, 2))
                .set(NeuronParameter.INITIAL_POTENTIAL, uniform(-60, -50));
        PopulationSpec b = PopulationSpec.lif("b", 5).inhibitory()
                .set(NeuronParameter.EXCITATORY_TAU, 7.0).set(NeuronParameter.INHIBITORY_TAU, 7.0)
                .set(NeuronParameter.REFRACTORY_PERIOD, 1.0);
        return new NetworkBuilder(seed).add(a).add(b)
                .connect("a", NetworkBuilder.ALL, new FixedProbability(0.3), uniform(0.5, 3.0), constant(1.0))
                .connect("b", NetworkBuilder.ALL, new FixedProbability(0.4), uniform(2, 6), constant(2.5))
                .input("drive", drive(), "a", new FixedProbability(0.6), uniform(1, 4), constant(0.0))
                .build();
    }

    /** Like {@link #singleTau} but with tau_e != tau_i, a bias current and an ALIF population. */
    static Network twoTaus(long seed) {
        PopulationSpec a = PopulationSpec.lif("exc", 10).excitatory()
                .set(NeuronParameter.EXCITATORY_TAU, uniform(3, 6))
                .set(NeuronParameter.INHIBITORY_TAU, uniform(8, 12))
                .set(NeuronParameter.BIAS_CURRENT, uniform(9, 14)) // R I_bias 9-14 mV above E_L: tonic firing
                .set(NeuronParameter.MEMBRANE_TAU, uniform(10, 30));
        PopulationSpec b = PopulationSpec.alif("inh", 4).inhibitory()
                .set(NeuronParameter.ADAPTATION_STRENGTH, 0.5)
                .set(NeuronParameter.ADAPTATION_TAU, 150.0);
        return new NetworkBuilder(seed).add(a).add(b)
                .connect("exc", NetworkBuilder.ALL, new FixedProbability(0.3), uniform(0.5, 3.0), uniform(0.5, 0.5))
                .connect("inh", NetworkBuilder.ALL, new FixedProbability(0.5), uniform(2, 6), constant(0.0))
                .input("drive", drive(), NetworkBuilder.ALL, new FixedProbability(0.5), uniform(-1, 4), constant(0.25))
                .build();
    }

    /** Asserts a and b hold the same doubles, bit for bit. */
    static void assertBitEquals(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + " length");
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Double.doubleToLongBits(expected[i]) == Double.doubleToLongBits(actual[i]),
                    what + "[" + i + "]: expected " + expected[i] + ", got " + actual[i]);
        }
    }

    static void assertSameParameters(NeuronParameters e, NeuronParameters a) {
        assertBitEquals(e.membraneTau, a.membraneTau, "membraneTau");
        assertBitEquals(e.excitatoryTau, a.excitatoryTau, "excitatoryTau");
        assertBitEquals(e.inhibitoryTau, a.inhibitoryTau, "inhibitoryTau");
        assertBitEquals(e.threshold, a.threshold, "threshold");
        assertBitEquals(e.resetPotential, a.resetPotential, "resetPotential");
        assertBitEquals(e.leakPotential, a.leakPotential, "leakPotential");
        assertBitEquals(e.resistance, a.resistance, "resistance");
        assertBitEquals(e.refractoryPeriod, a.refractoryPeriod, "refractoryPeriod");
        assertBitEquals(e.biasCurrent, a.biasCurrent, "biasCurrent");
        assertBitEquals(e.adaptationTau, a.adaptationTau, "adaptationTau");
        assertBitEquals(e.adaptationStrength, a.adaptationStrength, "adaptationStrength");
        assertBitEquals(e.initialPotential, a.initialPotential, "initialPotential");
    }

    /** Same synapses: CSR rows, targets, weights and delays, bit for bit. */
    static void assertSameSynapses(SynapseMatrix e, SynapseMatrix a, String what) {
        assertEquals(e.sources, a.sources, what + " sources");
        assertEquals(e.targets, a.targets, what + " targets");
        assertArrayEquals(e.rowStart, a.rowStart, what + " rowStart");
        assertArrayEquals(e.target, a.target, what + " target");
        assertBitEquals(e.weight, a.weight, what + " weight");
        assertBitEquals(e.delay, a.delay, what + " delay");
    }

    static void assertSameNetwork(Network e, Network a) {
        assertEquals(e.populations(), a.populations(), "populations");
        assertSameParameters(e.parameters(), a.parameters());
        assertSameSynapses(e.synapses(), a.synapses(), "recurrent");
        assertEquals(e.inputs().size(), a.inputs().size(), "input groups");
        for (int g = 0; g < e.inputs().size(); g++) {
            assertEquals(e.inputs().get(g).name(), a.inputs().get(g).name(), "input name");
            assertSameSynapses(e.inputs().get(g).projection(), a.inputs().get(g).projection(), "input " + g);
        }
    }

    static List<String> types(NirGraph g) {
        return g.nodes().values().stream().map(NirNode::type).toList();
    }
}
