package org.hrsnn.simulator.engine.clock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hrsnn.simulator.input.CurrentInjection;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.input.SpikeSource;
import org.hrsnn.simulator.monitor.Monitor;
import org.hrsnn.simulator.monitor.NeuronStateView;
import org.hrsnn.simulator.network.DaleSign;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronModel;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.network.Population;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.util.DoubleArrayList;

/** Small hand-made networks and monitors for the clock engine tests. */
final class TestNetworks {
    private TestNetworks() {
    }

    /** Mutable per-neuron parameters with LIF defaults, turned into a Network by {@link #network}. */
    static final class Params {
        final int n;
        final double[] tauM;
        final double[] tauE;
        final double[] tauI;
        final double[] vTh;
        final double[] vReset;
        final double[] eL;
        final double[] r;
        final double[] tRef;
        final double[] bias;
        final double[] tauA;
        final double[] beta;
        final double[] v0;

        Params(int n) {
            this.n = n;
            tauM = fill(n, 20);
            tauE = fill(n, 5);
            tauI = fill(n, 10);
            vTh = fill(n, -50);
            vReset = fill(n, -60);
            eL = fill(n, -60);
            r = fill(n, 1);
            tRef = fill(n, 2);
            bias = fill(n, 0);
            tauA = fill(n, 200);
            beta = fill(n, 0);
            v0 = fill(n, -60);
        }

        NeuronParameters build() {
            return new NeuronParameters(tauM, tauE, tauI, vTh, vReset, eL, r, tRef, bias, tauA, beta, v0);
        }
    }

    static double[] fill(int n, double x) {
        double[] a = new double[n];
        Arrays.fill(a, x);
        return a;
    }

    static Network network(Params p, SynapseMatrix synapses, List<InputGroup> inputs, List<CurrentInjection> currents) {
        boolean adaptive = false;
        for (double b : p.beta) {
            adaptive |= b != 0;
        }
        List<Population> pops = List.of(new Population("all", 0, p.n, adaptive ? NeuronModel.ALIF : NeuronModel.LIF,
                DaleSign.MIXED));
        return new Network(pops, p.build(), synapses == null ? SynapseMatrix.empty(p.n, p.n) : synapses,
                inputs == null ? List.of() : inputs, currents == null ? List.of() : currents);
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
