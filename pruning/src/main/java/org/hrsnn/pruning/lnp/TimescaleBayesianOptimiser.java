package org.hrsnn.pruning.lnp;

import org.apache.commons.math3.distribution.GammaDistribution;
import org.hrsnn.pruning.bo.BayesianOptimiser;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.NeuronParameters;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * LNP step 4: re-tunes the membrane time constants by Bayesian optimisation of the gamma
 * distribution they follow (the paper's law), maximising {@link TimescaleObjective}.
 *
 * <p>Search space: shape k in [1, 12] and mean in [0.5, 2] x the current mean tau_m.
 * A candidate (k, mean) is applied by <i>quantile re-mapping</i>: the neuron whose tau_m has
 * rank r (of N) gets the gamma(k, mean / k) quantile at (r + 0.5) / N, clipped to [0.5, 1000]
 * ms. So each neuron keeps its place in the timescale order, the objective is a smooth,
 * deterministic function of (k, mean) (no fresh random draws per evaluation, which would make
 * the GP fit noise), and only tau_m changes (synaptic time constants stay). The result is the
 * best network seen, which may be the original one if no candidate beats it.
 */
public final class TimescaleBayesianOptimiser {
    public static final double MIN_TAU_MS = 0.5;
    public static final double MAX_TAU_MS = 1000;

    public record Outcome(Network network, double shape, double meanTauMs, double objective,
                          double initialObjective, double memoryCapacity, double largestExponent, int evaluations) {
    }

    public Outcome optimise(Network net, TimescaleObjective objective, int initialPoints, int iterations,
                            RandomStreams streams) {
        double[] tau = net.parameters().membraneTau;
        double mean = 0;
        for (double t : tau) {
            mean += t;
        }
        mean /= tau.length;
        double[] base = objective.evaluate(net);
        BayesianOptimiser bo = new BayesianOptimiser(new double[] {1, 0.5 * mean}, new double[] {12, 2 * mean},
                initialPoints, iterations);
        BayesianOptimiser.Result r = bo.maximise(p -> objective.evaluate(retune(net, p[0], p[1]))[0],
                streams.stream("bo"));
        if (r.bestValue() <= base[0]) {
            return new Outcome(net, Double.NaN, mean, base[0], base[0], base[1], base[2], initialPoints + iterations + 1);
        }
        Network best = retune(net, r.best()[0], r.best()[1]);
        double[] v = objective.evaluate(best);
        return new Outcome(best, r.best()[0], r.best()[1], v[0], base[0], v[1], v[2], initialPoints + iterations + 2);
    }

    /** tau_m by quantile re-mapping onto gamma(shape, mean / shape). */
    public static Network retune(Network net, double shape, double meanMs) {
        NeuronParameters p = net.parameters();
        int n = p.size;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] tau = p.membraneTau;
        java.util.Arrays.sort(order, (a, b) -> tau[a] != tau[b] ? Double.compare(tau[a], tau[b]) : Integer.compare(a, b));
        GammaDistribution g = new GammaDistribution(null, shape, meanMs / shape);
        NeuronParameters q = p.copy();
        for (int r = 0; r < n; r++) {
            double t = g.inverseCumulativeProbability((r + 0.5) / n);
            q.membraneTau[order[r]] = Math.min(MAX_TAU_MS, Math.max(MIN_TAU_MS, t));
        }
        return net.withParameters(q);
    }
}
