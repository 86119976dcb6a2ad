package org.hrsnn.pruning.lnp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.PruningStrategy;
import org.hrsnn.pruning.lyapunov.LifSurrogateDynamics;
import org.hrsnn.pruning.lyapunov.LyapunovOptions;
import org.hrsnn.pruning.lyapunov.LyapunovResult;
import org.hrsnn.pruning.lyapunov.LyapunovSpectrum;
import org.hrsnn.pruning.noise.NoiseCovariance;
import org.hrsnn.pruning.noise.OperatingPoint;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Lyapunov noise pruning (Chakraborty et al., ICLR 2024), as four step classes run in order on
 * the dense network: {@link LyapunovSynapseSampler} (per-neuron Lyapunov exponents of the
 * surrogate and the noise covariance of its linearisation decide which synapses stay),
 * {@link BetweennessNeuronPruner}, {@link EigenvectorDelocaliser} and
 * {@link TimescaleBayesianOptimiser}. The target density applies to step 1; steps 2 and 3 then
 * remove and add synapses, and the diagnostics report every count. Streams used:
 * lnp/lyapunov, lnp/sample, lnp/delocalise, lnp/timescale/*.
 */
public final class LyapunovNoisePruning implements PruningStrategy {
    private final LnpOptions options;

    public LyapunovNoisePruning() {
        this(LnpOptions.DEFAULT);
    }

    public LyapunovNoisePruning(LnpOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "lnp";
    }

    @Override
    public PruningResult prune(Network net, double targetDensity, RandomStreams streams) {
        int target = PruningStrategy.targetCount(net, targetDensity);
        int n = net.size();
        int remove = (int) Math.round(options.neuronFraction() * n);
        if (n - remove < BetweennessNeuronPruner.MIN_NEURONS) {
            throw new InvalidInputException("lnp.neuronFraction", options.neuronFraction(),
                    "a fraction that leaves at least " + BetweennessNeuronPruner.MIN_NEURONS + " of the " + n
                            + " neurons (removes " + remove + ")");
        }
        Map<String, Double> diag = new LinkedHashMap<>();
        long t0 = System.nanoTime();

        LifSurrogateDynamics f = new LifSurrogateDynamics(net, options.surrogate());
        OperatingPoint op = new OperatingPoint(f);
        LyapunovOptions lo = new LyapunovOptions(Math.min(options.exponents(), n), options.transientSteps(),
                options.steps(), true, 10);
        LyapunovResult lyap = LyapunovSpectrum.compute(f, LifSurrogateDynamics.initialState(net), lo,
                streams.stream("lnp/lyapunov"), op);
        diag.put("lyapunov.largest", lyap.largest());
        diag.put("lyapunov.seconds", seconds(t0));

        long t1 = System.nanoTime();
        NoiseCovariance cov = NoiseCovariance.of(net, op.meanGain());
        diag.put("covariance.shift", cov.shift());
        diag.put("covariance.doublings", (double) cov.doublings());
        diag.put("covariance.seconds", seconds(t1));

        long t2 = System.nanoTime();
        double horizon = Double.isNaN(options.horizonMs()) ? median(net.parameters().membraneTau) : options.horizonMs();
        LyapunovSynapseSampler.Outcome sampled = new LyapunovSynapseSampler().sample(net.synapses(), lyap.perNeuron(),
                cov.covariance(), horizon, target, streams.stream("lnp/sample"));
        Network step1 = net.withSynapses(sampled.synapses());
        diag.put("sampling.target", (double) target);
        diag.put("sampling.kept", (double) sampled.kept());
        diag.put("sampling.seconds", seconds(t2));

        long t3 = System.nanoTime();
        BetweennessNeuronPruner.Outcome pruned = new BetweennessNeuronPruner().prune(step1, remove);
        diag.put("neurons.removed", (double) remove);
        diag.put("neurons.synapsesAfter", (double) pruned.network().synapses().size());
        diag.put("betweenness.seconds", seconds(t3));

        long t4 = System.nanoTime();
        int budget = (int) Math.round(options.delocalisationFraction() * sampled.kept());
        EigenvectorDelocaliser.Outcome deloc = new EigenvectorDelocaliser().delocalise(pruned.network(), budget,
                options.candidates(), options.iprVectors(), streams.stream("lnp/delocalise"));
        diag.put("delocalise.added", (double) deloc.added());
        diag.put("heterogeneity.before", deloc.heterogeneityBefore());
        diag.put("heterogeneity.after", deloc.heterogeneityAfter());
        diag.put("ipr.before", deloc.iprBefore());
        diag.put("ipr.after", deloc.iprAfter());
        diag.put("delocalise.seconds", seconds(t4));

        Network out = deloc.network();
        if (options.boInitial() + options.boIterations() > 0) {
            long t5 = System.nanoTime();
            double tauBar = Arrays.stream(net.parameters().membraneTau).average().orElse(1);
            RandomStreams ts = streams.child("lnp/timescale");
            TimescaleObjective objective = new TimescaleObjective(options.surrogate(), options.memory(),
                    LyapunovOptions.of(1, 200, 500), options.beta(), tauBar, ts);
            TimescaleBayesianOptimiser.Outcome bo = new TimescaleBayesianOptimiser().optimise(out, objective,
                    options.boInitial(), options.boIterations(), ts);
            out = bo.network();
            diag.put("timescale.shape", bo.shape());
            diag.put("timescale.meanTauMs", bo.meanTauMs());
            diag.put("timescale.objective", bo.objective());
            diag.put("timescale.initialObjective", bo.initialObjective());
            diag.put("timescale.memoryCapacity", bo.memoryCapacity());
            diag.put("timescale.largestExponent", bo.largestExponent());
            diag.put("timescale.seconds", seconds(t5));
        }
        diag.put("total.seconds", seconds(t0));
        return new PruningResult(out, pruned.kept(), diag);
    }

    static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
