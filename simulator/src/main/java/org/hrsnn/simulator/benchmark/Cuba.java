package org.hrsnn.simulator.benchmark;

import org.hrsnn.simulator.connectivity.ConnectivityRule;
import org.hrsnn.simulator.connectivity.FixedInDegree;
import org.hrsnn.simulator.connectivity.FixedProbability;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NetworkBuilder;
import org.hrsnn.simulator.network.NeuronParameter;
import org.hrsnn.simulator.network.PopulationSpec;
import org.hrsnn.simulator.random.ParameterDistribution;

import static org.hrsnn.simulator.random.ParameterDistribution.constant;
import static org.hrsnn.simulator.random.ParameterDistribution.uniform;

/**
 * The CUBA benchmark (Vogels and Abbott 2005, as in Brian2 examples/CUBA.py and
 * shared/bench/brian2_reference.py): N neurons, the first 80 % excitatory, tau_m 20 ms,
 * tau_e 5 ms, tau_i 10 ms, V_th -50 mV, V_reset -60 mV, E_L -49 mV (every neuron fires
 * tonically), t_ref 5 ms, R = 1, w_e +1.62, w_i -9 (voltage jumps of the currents), v0 uniform in
 * [V_reset, V_th], no delay. CUBAhet draws tau_m, tau_e, tau_i per neuron uniformly in
 * [0.9, 1.1] x nominal.
 */
public final class Cuba {
    public static final double MEMBRANE_TAU = 20.0;
    public static final double EXCITATORY_TAU = 5.0;
    public static final double INHIBITORY_TAU = 10.0;
    public static final double EXCITATORY_WEIGHT = 1.62;
    public static final double INHIBITORY_WEIGHT = -9.0;
    public static final double CONNECTION_PROBABILITY = 0.02;

    private Cuba() {
    }

    /** CUBA (homogeneous) or CUBAhet with fixed connection probability 0.02. */
    public static Network network(int n, long seed, boolean heterogeneous) {
        return network(n, seed, heterogeneous, new FixedProbability(CONNECTION_PROBABILITY));
    }

    /** The same model with another wiring rule, used for both the E and the I projection. */
    public static Network network(int n, long seed, boolean heterogeneous, ConnectivityRule rule) {
        return network(n, seed, heterogeneous, rule, rule);
    }

    /**
     * The scaling-series variant: every neuron receives exactly {@code inDegree} synapses, 80 %
     * from excitatory and 20 % from inhibitory neurons (CUBA's mean in-degree is p N = 80 at
     * N = 4000, split the same way), so the dynamics stay CUBA's as N grows.
     */
    public static Network fixedInDegree(int n, long seed, boolean heterogeneous, int inDegree) {
        int fromExc = (int) Math.round(0.8 * inDegree);
        return network(n, seed, heterogeneous, new FixedInDegree(fromExc, true),
                new FixedInDegree(inDegree - fromExc, true));
    }

    private static Network network(int n, long seed, boolean heterogeneous, ConnectivityRule excRule,
                                   ConnectivityRule inhRule) {
        int ne = (int) (0.8 * n);
        PopulationSpec exc = spec(PopulationSpec.lif("exc", ne).excitatory(), heterogeneous);
        PopulationSpec inh = spec(PopulationSpec.lif("inh", n - ne).inhibitory(), heterogeneous);
        return new NetworkBuilder(seed)
                .add(exc)
                .add(inh)
                .connect("exc", NetworkBuilder.ALL, excRule, constant(EXCITATORY_WEIGHT), constant(0))
                .connect("inh", NetworkBuilder.ALL, inhRule, constant(INHIBITORY_WEIGHT), constant(0))
                .build();
    }

    private static PopulationSpec spec(PopulationSpec s, boolean het) {
        return s.set(NeuronParameter.MEMBRANE_TAU, tau(MEMBRANE_TAU, het))
                .set(NeuronParameter.EXCITATORY_TAU, tau(EXCITATORY_TAU, het))
                .set(NeuronParameter.INHIBITORY_TAU, tau(INHIBITORY_TAU, het))
                .set(NeuronParameter.THRESHOLD, -50)
                .set(NeuronParameter.RESET_POTENTIAL, -60)
                .set(NeuronParameter.LEAK_POTENTIAL, -49)
                .set(NeuronParameter.RESISTANCE, 1)
                .set(NeuronParameter.REFRACTORY_PERIOD, 5)
                .set(NeuronParameter.BIAS_CURRENT, 0)
                .set(NeuronParameter.INITIAL_POTENTIAL, uniform(-60, -50));
    }

    private static ParameterDistribution tau(double nominal, boolean het) {
        return het ? uniform(0.9 * nominal, 1.1 * nominal) : constant(nominal);
    }
}
