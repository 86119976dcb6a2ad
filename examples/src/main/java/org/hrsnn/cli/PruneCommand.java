package org.hrsnn.cli;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.PruningStrategies;
import org.hrsnn.pruning.PruningStrategy;
import org.hrsnn.pruning.bench.LnpScalingBenchmark;
import org.hrsnn.pruning.evaluation.EvaluationOptions;
import org.hrsnn.pruning.evaluation.EvaluationReport;
import org.hrsnn.pruning.evaluation.PruningEvaluation;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hrsnn prune}: prunes a generated heterogeneous E/I network with one strategy and
 * prints the diagnostics and (with --evaluate) the evaluation, as text or JSON. Self-contained
 * and not yet registered in the main command: the CLI owner wires it in (and may switch the
 * network source to the config reader).
 */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Prune a generated heterogeneous network with one strategy (lnp, random, magnitude, activity, noise, spectral).")
public final class PruneCommand implements Callable<Integer> {
    @Option(names = "--strategy", defaultValue = "lnp", description = "Strategy name (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--density", defaultValue = "0.5", description = "Fraction of the synapses to keep, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double density;

    @Option(names = "--neurons", defaultValue = "500", description = "Neurons of the generated network (default: ${DEFAULT-VALUE}).")
    int neurons;

    @Option(names = "--probability", defaultValue = "0.1", description = "Connection probability (default: ${DEFAULT-VALUE}).")
    double probability;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the network and of the pruning streams (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--evaluate", description = "Also evaluate the pruned network (Lyapunov, Laplacian error, memory, prediction).")
    boolean evaluate;

    @Option(names = "--json", description = "Print a JSON summary instead of text.")
    boolean json;

    @Override
    public Integer call() {
        try {
            PruningStrategy s = PruningStrategies.byName(strategy);
            if (neurons < 2) {
                throw new InvalidInputException("neurons", neurons, "an integer >= 2");
            }
            Network dense = LnpScalingBenchmark.network(neurons, probability, seed);
            PruningResult r = s.prune(dense, density, new RandomStreams(seed));
            EvaluationReport e = evaluate
                    ? PruningEvaluation.evaluate(strategy, dense, r, EvaluationOptions.DEFAULT, new RandomStreams(seed))
                    : null;
            System.out.println(json ? toJson(dense, r, e) : toText(dense, r, e));
            return 0;
        } catch (InvalidInputException ex) {
            System.err.println("error: " + ex.getMessage());
            return 2;
        }
    }

    private String toText(Network dense, PruningResult r, EvaluationReport e) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %d -> %d neurons, %d -> %d synapses%n", strategy, dense.size(),
                r.network().size(), dense.synapses().size(), r.network().synapses().size()));
        for (Map.Entry<String, Double> d : r.diagnostics().entrySet()) {
            sb.append(String.format(Locale.ROOT, "  %-28s %.6g%n", d.getKey(), d.getValue()));
        }
        if (e != null) {
            sb.append(String.format(Locale.ROOT,
                    "  lambda1 %.5f /ms, laplacian error %.4f, rate %.2f Hz, synOps %.4g /s, MC %.3f, NRMSE lorenz %.4f rossler %.4f mackey-glass %.4f%n",
                    e.largestLyapunov(), e.laplacianError(), e.firing().meanRateHz(), e.firing().synOpsPerSecond(),
                    e.memoryCapacity(), e.nrmseLorenz(), e.nrmseRossler(), e.nrmseMackeyGlass()));
        }
        return sb.toString().stripTrailing();
    }

    private String toJson(Network dense, PruningResult r, EvaluationReport e) {
        StringBuilder sb = new StringBuilder("{");
        sb.append("\"strategy\":\"").append(strategy).append('"');
        sb.append(",\"neuronsBefore\":").append(dense.size()).append(",\"neuronsAfter\":").append(r.network().size());
        sb.append(",\"synapsesBefore\":").append(dense.synapses().size());
        sb.append(",\"synapsesAfter\":").append(r.network().synapses().size());
        sb.append(",\"diagnostics\":{");
        boolean first = true;
        for (Map.Entry<String, Double> d : r.diagnostics().entrySet()) {
            sb.append(first ? "" : ",").append('"').append(d.getKey()).append("\":").append(number(d.getValue()));
            first = false;
        }
        sb.append('}');
        if (e != null) {
            sb.append(",\"evaluation\":{\"synapseDensity\":").append(number(e.synapseDensity()))
                    .append(",\"largestLyapunov\":").append(number(e.largestLyapunov()))
                    .append(",\"laplacianError\":").append(number(e.laplacianError()))
                    .append(",\"meanRateHz\":").append(number(e.firing().meanRateHz()))
                    .append(",\"synOpsPerSecond\":").append(number(e.firing().synOpsPerSecond()))
                    .append(",\"memoryCapacity\":").append(number(e.memoryCapacity()))
                    .append(",\"nrmseLorenz\":").append(number(e.nrmseLorenz()))
                    .append(",\"nrmseRossler\":").append(number(e.nrmseRossler()))
                    .append(",\"nrmseMackeyGlass\":").append(number(e.nrmseMackeyGlass())).append('}');
        }
        return sb.append('}').toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PruneCommand()).execute(args));
    }
}
