package org.hrsnn.simulator.engine.clock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.hrsnn.simulator.benchmark.Cuba;
import org.hrsnn.simulator.engine.SimulationOptions;
import org.hrsnn.simulator.monitor.Monitor;
import org.hrsnn.simulator.monitor.NeuronStateView;
import org.hrsnn.simulator.monitor.SpikeRecorder;
import org.hrsnn.simulator.network.DaleSign;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronModel;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.network.Population;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.util.DoubleArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The engine has a shared-coefficient loop (homogeneous networks) and a per-neuron one; both
 * must compute exactly the same thing. Appending one isolated neuron with other time constants
 * forces the per-neuron loop without changing the others' dynamics.
 */
class ClockLoopVariantsTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0}) // no delay (direct delivery) and 1 ms (through the ring)
    void sharedAndPerNeuronCoefficientLoopsGiveBitIdenticalSpikes(double delay) {
        Network cuba = Cuba.network(1000, 4, false);
        int n = cuba.size();
        SynapseMatrix s = cuba.synapses();
        double[] d = new double[s.size()];
        Arrays.fill(d, delay);
        int[] src = s.sourceIndices();
        Network shared = cuba.withSynapses(SynapseMatrix.fromEdges(n, n, src, s.target, s.weight, d, s.size()));
        Network perNeuron = withIsolatedOddNeuron(cuba, SynapseMatrix.fromEdges(n + 1, n + 1, src, s.target,
                s.weight, d, s.size()));

        SpikeRecorder a = new SpikeRecorder();
        SpikeRecorder b = new SpikeRecorder();
        StateOf va = new StateOf(n);
        StateOf vb = new StateOf(n);
        ClockDrivenEngine engine = new ClockDrivenEngine();
        engine.run(shared, SimulationOptions.of(300, 1), a, va);
        engine.run(perNeuron, SimulationOptions.of(300, 1), b, vb);
        assertArrayEquals(va.values.toArray(), vb.values.toArray(), "v, I_e, I_i of the shared neurons");
        assertTrue(a.size() > 1000);
        int[] nb = b.neurons();
        double[] tb = b.times();
        int keep = 0;
        for (int k = 0; k < nb.length; k++) {
            if (nb[k] < n) {
                nb[keep] = nb[k];
                tb[keep] = tb[k];
                keep++;
            }
        }
        assertArrayEquals(a.neurons(), Arrays.copyOf(nb, keep));
        assertArrayEquals(a.times(), Arrays.copyOf(tb, keep));
    }

    /** v, I_e, I_i of neurons [0, n) every 10 ms. */
    private static final class StateOf implements Monitor {
        final DoubleArrayList values = new DoubleArrayList();
        final int n;

        StateOf(int n) {
            this.n = n;
        }

        @Override
        public double samplePeriodMs() {
            return 10;
        }

        @Override
        public void onSample(double t, NeuronStateView s) {
            for (int i = 0; i < n; i++) {
                values.add(s.membranePotential(i));
                values.add(s.excitatoryCurrent(i));
                values.add(s.inhibitoryCurrent(i));
            }
        }
    }

    private static Network withIsolatedOddNeuron(Network net, SynapseMatrix synapses) {
        NeuronParameters p = net.parameters();
        NeuronParameters q = new NeuronParameters(append(p.membraneTau, 13), append(p.excitatoryTau, 3),
                append(p.inhibitoryTau, 7), append(p.threshold, -50), append(p.resetPotential, -60),
                append(p.leakPotential, -49), append(p.resistance, 1), append(p.refractoryPeriod, 5),
                append(p.biasCurrent, 0), append(p.adaptationTau, 200), append(p.adaptationStrength, 0),
                append(p.initialPotential, -55));
        int n = p.size;
        List<Population> pops = List.of(new Population("net", 0, n, NeuronModel.LIF, DaleSign.MIXED),
                new Population("odd", n, 1, NeuronModel.LIF, DaleSign.MIXED));
        return new Network(pops, q, synapses, List.of(), List.of());
    }

    private static double[] append(double[] a, double x) {
        double[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = x;
        return b;
    }
}
