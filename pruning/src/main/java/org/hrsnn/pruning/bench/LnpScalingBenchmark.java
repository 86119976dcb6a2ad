package org.hrsnn.pruning.bench;

import java.util.Map;
import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.lnp.LyapunovNoisePruning;
import org.hrsnn.simulator.connectivity.FixedProbability;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NetworkBuilder;
import org.hrsnn.simulator.network.NeuronParameter;
import org.hrsnn.simulator.network.PopulationSpec;
import org.hrsnn.simulator.random.RandomStreams;

import static org.hrsnn.simulator.random.ParameterDistribution.constant;
import static org.hrsnn.simulator.random.ParameterDistribution.gamma;
import static org.hrsnn.simulator.random.ParameterDistribution.uniform;

/**
 * Wall time of the full LNP pipeline (default options, target density 0.5) on heterogeneous
 * E/I networks of N neurons with connection probability p, per step, best of R repeats (each
 * repeat solves the covariance afresh):
 * {@code java -cp ... org.hrsnn.pruning.bench.LnpScalingBenchmark [p] [repeats] N...}
 * (defaults 0.1, 2, 250 500 1000 2000).
 */
public final class LnpScalingBenchmark {
    private LnpScalingBenchmark() {
    }

    /** N neurons, 80 % excitatory, probability p, tau_m ~ gamma(4, 5) ms. */
    public static Network network(int n, double p, long seed) {
        int ne = (int) Math.round(0.8 * n);
        // Weights scale like 1/sqrt(N p) so the surrogate's drive stays comparable across N.
        double scale = Math.sqrt(100.0 / (n * p));
        return new NetworkBuilder(seed)
                .add(spec(PopulationSpec.lif("exc", ne).excitatory()))
                .add(spec(PopulationSpec.lif("inh", n - ne).inhibitory()))
                .connect("exc", NetworkBuilder.ALL, new FixedProbability(p, false), uniform(0.5 * scale, 1.5 * scale), constant(1))
                .connect("inh", NetworkBuilder.ALL, new FixedProbability(p, false), uniform(1.5 * scale, 4.5 * scale), constant(1))
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

    public static void main(String[] args) {
        double p = args.length > 0 ? Double.parseDouble(args[0]) : 0.1;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int[] sizes = sizes(args);
        for (int n : sizes) {
            Network net = network(n, p, 42);
            double best = Double.POSITIVE_INFINITY;
            Map<String, Double> bestDiag = null;
            for (int r = 0; r < repeats; r++) {
                // The covariance solve is memoised per network: without this the repeats would skip it.
                org.hrsnn.pruning.noise.NoiseCovariance.clearMemo();
                PruningResult res = new LyapunovNoisePruning().prune(net, 0.5, new RandomStreams(7));
                double t = res.diagnostics().get("total.seconds");
                if (t < best) {
                    best = t;
                    bestDiag = res.diagnostics();
                }
            }
            StringBuilder sb = new StringBuilder();
            sb.append(String.format("N=%d synapses=%d total=%.2fs", n, net.synapses().size(), best));
            for (Map.Entry<String, Double> e : bestDiag.entrySet()) {
                if (e.getKey().endsWith(".seconds") && !e.getKey().startsWith("total")) {
                    sb.append(String.format(" %s=%.2f", e.getKey().replace(".seconds", ""), e.getValue()));
                }
            }
            sb.append(String.format(" | lambda1=%.4f shift=%.3g doublings=%.0f kept=%.0f removed=%.0f added=%.0f ipr %.4f->%.4f",
                    bestDiag.get("lyapunov.largest"), bestDiag.get("covariance.shift"), bestDiag.get("covariance.doublings"),
                    bestDiag.get("sampling.kept"), bestDiag.get("neurons.removed"), bestDiag.get("delocalise.added"),
                    bestDiag.get("ipr.before"), bestDiag.get("ipr.after")));
            System.out.println(sb);
        }
    }

    /** Network sizes from arguments 3.. (default 250, 500, 1000, 2000); shared with CovarianceSolveBenchmark. */
    static int[] sizes(String[] args) {
        if (args.length <= 2) {
            return new int[] {250, 500, 1000, 2000};
        }
        int[] sizes = new int[args.length - 2];
        for (int i = 2; i < args.length; i++) {
            sizes[i - 2] = Integer.parseInt(args[i]);
        }
        return sizes;
    }
}
