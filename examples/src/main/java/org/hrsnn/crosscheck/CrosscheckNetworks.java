package org.hrsnn.crosscheck;

import static org.hrsnn.simulator.random.ParameterDistribution.constant;
import static org.hrsnn.simulator.random.ParameterDistribution.uniform;

import java.util.Locale;
import java.util.function.DoubleSupplier;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.benchmark.Cuba;
import org.hrsnn.simulator.connectivity.FixedProbability;
import org.hrsnn.simulator.input.PoissonSource;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NetworkBuilder;
import org.hrsnn.simulator.network.NeuronParameter;
import org.hrsnn.simulator.network.PopulationSpec;
import org.hrsnn.simulator.random.ParameterDistribution;

/** The networks of the Brian2 cross-check: CUBA, CUBAhet and a small non-chaotic heterogeneous one. */
public final class CrosscheckNetworks {
    /** Names accepted by {@link #named}. */
    public static final String NAMES = "cuba, cubahet, small-het";

    private CrosscheckNetworks() {
    }

    /** cuba, cubahet or small-het with n neurons. */
    public static Network named(String name, int n, long seed, double dtMs) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "cuba" -> Cuba.network(n, seed, false);
            case "cubahet" -> Cuba.network(n, seed, true);
            case "small-het" -> smallHeterogeneous(n, seed, dtMs);
            default -> throw new InvalidInputException("network", name, NAMES);
        };
    }

    /**
     * A heterogeneous network that is not chaotic: per-neuron tau_m in [12, 28] ms, tau_e in
     * [3, 7] ms, tau_i in [7, 13] ms, t_ref in [1, 3] ms (on the grid), tonic bias in [0, 20] nA
     * with E_L = -65 mV, V_th = -50 mV (about a quarter of the neurons are driven above threshold),
     * weak sparse recurrence (p = 0.05, +0.5 nA / -2 nA) with delays on the dt grid in [1, 3] ms,
     * and 40 Poisson channels at 20 Hz (p = 0.1, +3 nA, delay 0.5 ms on the grid).
     */
    public static Network smallHeterogeneous(int n, long seed, double dtMs) {
        int ne = (int) (0.8 * n);
        PopulationSpec exc = het(PopulationSpec.lif("exc", ne).excitatory(), dtMs);
        PopulationSpec inh = het(PopulationSpec.lif("inh", n - ne).inhibitory(), dtMs);
        ParameterDistribution delay = gridUniform(1.0, 3.0, dtMs);
        return new NetworkBuilder(seed)
                .add(exc)
                .add(inh)
                .connect("exc", NetworkBuilder.ALL, new FixedProbability(0.05), constant(0.5), delay)
                .connect("inh", NetworkBuilder.ALL, new FixedProbability(0.05), constant(2.0), delay)
                .input("drive", new PoissonSource(40, 20.0), NetworkBuilder.ALL, new FixedProbability(0.1),
                        constant(3.0), constant(Math.round(0.5 / dtMs) * dtMs))
                .build();
    }

    private static PopulationSpec het(PopulationSpec s, double dtMs) {
        return s.set(NeuronParameter.MEMBRANE_TAU, uniform(12, 28))
                .set(NeuronParameter.EXCITATORY_TAU, uniform(3, 7))
                .set(NeuronParameter.INHIBITORY_TAU, uniform(7, 13))
                .set(NeuronParameter.THRESHOLD, -50)
                .set(NeuronParameter.RESET_POTENTIAL, -65)
                .set(NeuronParameter.LEAK_POTENTIAL, -65)
                .set(NeuronParameter.RESISTANCE, 1)
                .set(NeuronParameter.REFRACTORY_PERIOD, gridUniform(1.0, 3.0, dtMs))
                .set(NeuronParameter.BIAS_CURRENT, uniform(0, 20))
                .set(NeuronParameter.INITIAL_POTENTIAL, uniform(-65, -55));
    }

    /** Uniform over the multiples of dt in [low, high] (ms). */
    static ParameterDistribution gridUniform(double low, double high, double dtMs) {
        long a = Math.round(low / dtMs);
        long b = Math.round(high / dtMs);
        return new ParameterDistribution() {
            @Override
            public DoubleSupplier sampler(RandomGenerator rng) {
                return () -> (a + rng.nextInt((int) (b - a + 1))) * dtMs;
            }

            @Override
            public String describe() {
                return "uniform on the " + dtMs + " ms grid in [" + low + ", " + high + "]";
            }

            @Override
            public double mean() {
                return 0.5 * (a + b) * dtMs;
            }
        };
    }
}
