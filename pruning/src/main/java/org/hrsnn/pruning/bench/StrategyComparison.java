package org.hrsnn.pruning.bench;

import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.PruningStrategies;
import org.hrsnn.pruning.PruningStrategy;
import org.hrsnn.pruning.evaluation.EvaluationOptions;
import org.hrsnn.pruning.evaluation.EvaluationReport;
import org.hrsnn.pruning.evaluation.PruningEvaluation;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Prunes one heterogeneous network with every strategy and prints the evaluation table:
 * {@code java -cp ... org.hrsnn.pruning.bench.StrategyComparison [N] [p] [density] [seed]}
 * (defaults 300, 0.1, 0.5, 42). The dense network is evaluated first as the reference.
 */
public final class StrategyComparison {
    private StrategyComparison() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        double p = args.length > 1 ? Double.parseDouble(args[1]) : 0.1;
        double density = args.length > 2 ? Double.parseDouble(args[2]) : 0.5;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        Network dense = LnpScalingBenchmark.network(n, p, seed);
        System.out.println("strategy   neurons synapses density  lambda1   lapErr  rateHz  silent  synOps/s   MC     lorenz rossler mackey  seconds");
        print(PruningEvaluation.evaluate("dense", dense, PruningResult.synapsesOnly(dense, java.util.Map.of()),
                EvaluationOptions.DEFAULT, new RandomStreams(1)), 0);
        for (String name : PruningStrategies.names()) {
            PruningStrategy s = PruningStrategies.byName(name);
            long t0 = System.nanoTime();
            PruningResult r = s.prune(dense, density, new RandomStreams(seed));
            double sec = (System.nanoTime() - t0) / 1e9;
            print(PruningEvaluation.evaluate(name, dense, r, EvaluationOptions.DEFAULT, new RandomStreams(1)), sec);
        }
    }

    private static void print(EvaluationReport e, double seconds) {
        System.out.printf("%-10s %7d %8d %7.4f %8.4f %8.4f %7.2f %7.3f %9.3g %6.2f %7.4f %7.4f %7.4f %7.2f%n",
                e.strategy(), e.neurons(), e.synapses(), e.synapseDensity(), e.largestLyapunov(), e.laplacianError(),
                e.firing().meanRateHz(), e.firing().silentFraction(), e.firing().synOpsPerSecond(), e.memoryCapacity(),
                e.nrmseLorenz(), e.nrmseRossler(), e.nrmseMackeyGlass(), seconds);
    }
}
