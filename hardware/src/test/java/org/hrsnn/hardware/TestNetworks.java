package org.hrsnn.hardware;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.connectivity.FixedProbability;
import org.hrsnn.simulator.input.SpikeSource;
import org.hrsnn.simulator.input.SpikeTrains;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NetworkBuilder;
import org.hrsnn.simulator.network.NeuronParameter;
import org.hrsnn.simulator.network.PopulationSpec;
import org.hrsnn.simulator.random.ParameterDistribution;
import org.hrsnn.simulator.util.DoubleArrayList;

/** Small float networks for the hardware tests. */
public final class TestNetworks {
    private TestNetworks() {
    }

    /** Poisson spikes at a fixed rate on every channel (test-only source). */
    public record Poisson(int channels, double rateHz) implements SpikeSource {
        @Override
        public SpikeTrains generate(double durationMs, RandomGenerator rng) {
            int[] start = new int[channels + 1];
            DoubleArrayList times = new DoubleArrayList();
            for (int c = 0; c < channels; c++) {
                double t = 0;
                while (true) {
                    t += -Math.log(1 - rng.nextDouble()) * 1000.0 / rateHz;
                    if (t >= durationMs) {
                        break;
                    }
                    times.add(t);
                }
                start[c + 1] = times.size();
            }
            return new SpikeTrains(start, java.util.Arrays.copyOf(times.raw(), times.size()));
        }

        @Override
        public String describe() {
            return "poisson " + rateHz + " Hz";
        }
    }

    /**
     * A heterogeneous recurrent network: {@code ne} excitatory and {@code ni} inhibitory neurons,
     * tau_m uniform in [10, 40] ms, tau_e = tau_i = 5 ms (so one hardware current represents both
     * exactly), delays 1 ms (one step at dt = 1 ms), refractory 2 ms. Bias currents uniform in
     * [0, 12] nA (R = 1, so some neurons fire tonically), recurrent p = 0.1, Poisson input.
     */
    public static Network heterogeneous(int ne, int ni, long seed, double excWeight, double inhWeight) {
        return heterogeneous(ne, ni, seed, ParameterDistribution.constant(excWeight), ParameterDistribution.constant(inhWeight), 0.1);
    }

    /** The same with weight distributions (magnitudes; the sign comes from the population) and connection probability p. */
    public static Network heterogeneous(int ne, int ni, long seed, ParameterDistribution excWeight,
                                        ParameterDistribution inhWeight, double p) {
        return heterogeneous(ne, ni, seed, excWeight, inhWeight, p, 20);
    }

    /** The same with {@code channels} Poisson input channels. */
    public static Network heterogeneous(int ne, int ni, long seed, ParameterDistribution excWeight,
                                        ParameterDistribution inhWeight, double p, int channels) {
        return heterogeneous(ne, ni, seed, excWeight, inhWeight, p, channels, ParameterDistribution.uniform(10, 40));
    }

    /** The same with membrane time constants drawn from {@code membraneTau} (ms). */
    public static Network heterogeneous(int ne, int ni, long seed, ParameterDistribution excWeight,
                                        ParameterDistribution inhWeight, double p, int channels,
                                        ParameterDistribution membraneTau) {
        PopulationSpec exc = spec(PopulationSpec.lif("exc", ne).excitatory()).set(NeuronParameter.MEMBRANE_TAU, membraneTau);
        PopulationSpec inh = spec(PopulationSpec.lif("inh", ni).inhibitory()).set(NeuronParameter.MEMBRANE_TAU, membraneTau);
        return new NetworkBuilder(seed)
                .add(exc)
                .add(inh)
                .connect("exc", NetworkBuilder.ALL, new FixedProbability(p), excWeight, ParameterDistribution.constant(1.0))
                .connect("inh", NetworkBuilder.ALL, new FixedProbability(p), inhWeight, ParameterDistribution.constant(1.0))
                .input("poisson", new Poisson(channels, 20), NetworkBuilder.ALL, new FixedProbability(0.2),
                        ParameterDistribution.uniform(1.0, 3.0), ParameterDistribution.constant(1.0))
                .build();
    }

    private static PopulationSpec spec(PopulationSpec s) {
        return s.set(NeuronParameter.MEMBRANE_TAU, ParameterDistribution.uniform(10, 40))
                .set(NeuronParameter.EXCITATORY_TAU, 5)
                .set(NeuronParameter.INHIBITORY_TAU, 5)
                .set(NeuronParameter.THRESHOLD, -50)
                .set(NeuronParameter.RESET_POTENTIAL, -60)
                .set(NeuronParameter.LEAK_POTENTIAL, -60)
                .set(NeuronParameter.REFRACTORY_PERIOD, 2)
                .set(NeuronParameter.BIAS_CURRENT, ParameterDistribution.uniform(0, 12))
                .set(NeuronParameter.INITIAL_POTENTIAL, ParameterDistribution.uniform(-60, -50));
    }
}
