package org.hrsnn.simulator.engine;

import java.util.Arrays;
import java.util.List;
import org.hrsnn.simulator.input.CurrentInjection;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.network.DaleSign;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronModel;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.network.Population;
import org.hrsnn.simulator.network.SynapseMatrix;

/** Hand-made single-population networks for the engine tests (both engines). */
public final class TestNeurons {
    private TestNeurons() {
    }

    /** Mutable per-neuron parameters, all neurons alike (LIF defaults) unless changed. */
    public static class Params {
        public final int n;
        public double[] tauM;
        public double[] tauE;
        public double[] tauI;
        public double[] vTh;
        public double[] vReset;
        public double[] eL;
        public double[] r;
        public double[] tRef;
        public double[] bias;
        public double[] tauA;
        public double[] beta;
        public double[] v0;

        /** tau_m 20, tau_e 5, tau_i 10 ms, V_th -50, E_L -60, v0 -60 mV, R 1, t_ref 2 ms, no bias, no adaptation. */
        public Params(int n, double resetPotential) {
            this.n = n;
            tauM = fill(n, 20);
            tauE = fill(n, 5);
            tauI = fill(n, 10);
            vTh = fill(n, -50);
            vReset = fill(n, resetPotential);
            eL = fill(n, -60);
            r = fill(n, 1);
            tRef = fill(n, 2);
            bias = fill(n, 0);
            tauA = fill(n, 200);
            beta = fill(n, 0);
            v0 = fill(n, -60);
        }

        public NeuronParameters build() {
            return new NeuronParameters(tauM, tauE, tauI, vTh, vReset, eL, r, tRef, bias, tauA, beta, v0);
        }
    }

    public static double[] fill(int n, double x) {
        double[] a = new double[n];
        Arrays.fill(a, x);
        return a;
    }

    /** One population (ALIF if any adaptation strength is nonzero); null means none. */
    public static Network network(Params p, SynapseMatrix recurrent, List<InputGroup> inputs,
                                  List<CurrentInjection> currents) {
        boolean adaptive = false;
        for (double b : p.beta) {
            adaptive |= b != 0;
        }
        Population pop = new Population("n", 0, p.n, adaptive ? NeuronModel.ALIF : NeuronModel.LIF, DaleSign.MIXED);
        return new Network(List.of(pop), p.build(), recurrent == null ? SynapseMatrix.empty(p.n, p.n) : recurrent,
                inputs == null ? List.of() : inputs, currents == null ? List.of() : currents);
    }
}
