package org.hrsnn.pruning;

import org.hrsnn.simulator.connectivity.FixedProbability;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NetworkBuilder;
import org.hrsnn.simulator.network.NeuronParameter;
import org.hrsnn.simulator.network.PopulationSpec;

import static org.hrsnn.simulator.random.ParameterDistribution.constant;
import static org.hrsnn.simulator.random.ParameterDistribution.gamma;
import static org.hrsnn.simulator.random.ParameterDistribution.uniform;

/** Small heterogeneous E/I LIF networks for the pruning tests. */
public final class TestNetworks {
    private TestNetworks() {
    }

    /** n neurons (80 % excitatory), connection probability p, gamma-distributed tau_m around 20 ms. */
    public static Network heterogeneous(int n, double p, long seed) {
        int ne = (int) Math.round(0.8 * n);
        return new NetworkBuilder(seed)
                .add(spec(PopulationSpec.lif("exc", ne).excitatory()))
                .add(spec(PopulationSpec.lif("inh", n - ne).inhibitory()))
                .connect("exc", NetworkBuilder.ALL, new FixedProbability(p, false), uniform(0.5, 1.5), constant(1))
                .connect("inh", NetworkBuilder.ALL, new FixedProbability(p, false), uniform(1.5, 4.5), constant(1))
                .build();
    }

    private static PopulationSpec spec(PopulationSpec s) {
        return s.set(NeuronParameter.MEMBRANE_TAU, gamma(4, 5))
                .set(NeuronParameter.THRESHOLD, -50)
                .set(NeuronParameter.RESET_POTENTIAL, -60)
                .set(NeuronParameter.LEAK_POTENTIAL, -52)
                .set(NeuronParameter.REFRACTORY_PERIOD, 2)
                .set(NeuronParameter.INITIAL_POTENTIAL, uniform(-60, -50));
    }
}
