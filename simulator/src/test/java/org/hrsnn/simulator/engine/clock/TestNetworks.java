package org.hrsnn.simulator.engine.clock;

import java.util.ArrayList;
import java.util.List;
import org.hrsnn.simulator.engine.TestNeurons;
import org.hrsnn.simulator.input.CurrentInjection;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.input.SpikeSource;
import org.hrsnn.simulator.monitor.Monitor;
import org.hrsnn.simulator.monitor.NeuronStateView;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.util.DoubleArrayList;

/** Small hand-made networks and monitors for the clock engine tests. */
final class TestNetworks {
    private TestNetworks() {
    }

    /** The shared test parameters with this suite's reset potential (-60 mV). */
    static final class Params extends TestNeurons.Params {
        Params(int n) {
            super(n, -60);
        }
    }

    static double[] fill(int n, double x) {
        return TestNeurons.fill(n, x);
    }

    static Network network(Params p, SynapseMatrix synapses, List<InputGroup> inputs, List<CurrentInjection> currents) {
        return TestNeurons.network(p, synapses, inputs, currents);
    }

    static Network network(Params p) {
        return network(p, null, null, null);
    }

    /** One input group whose channel c projects onto neuron target[c] with weight[c], delay[c]. */
    static InputGroup input(String name, SpikeSource source, int n, int[] target, double[] weight, double[] delay) {
        int[] pre = new int[target.length];
        for (int c = 0; c < pre.length; c++) {
            pre[c] = c;
        }
        return new InputGroup(name, source,
                SynapseMatrix.fromEdges(target.length, n, pre, target, weight, delay, target.length));
    }

    /** Records v, I_e, I_i, a of one neuron at every sample. */
    static final class Trace implements Monitor {
        final int neuron;
        final double period;
        final DoubleArrayList t = new DoubleArrayList();
        final DoubleArrayList v = new DoubleArrayList();
        final DoubleArrayList ie = new DoubleArrayList();
        final DoubleArrayList ii = new DoubleArrayList();
        final DoubleArrayList a = new DoubleArrayList();
        final List<double[]> spikes = new ArrayList<>();

        Trace(int neuron, double period) {
            this.neuron = neuron;
            this.period = period;
        }

        @Override
        public double samplePeriodMs() {
            return period;
        }

        @Override
        public void onSample(double timeMs, NeuronStateView s) {
            t.add(timeMs);
            v.add(s.membranePotential(neuron));
            ie.add(s.excitatoryCurrent(neuron));
            ii.add(s.inhibitoryCurrent(neuron));
            a.add(s.adaptation(neuron));
        }

        @Override
        public void onSpike(int n, double timeMs) {
            spikes.add(new double[] {n, timeMs});
        }
    }
}
