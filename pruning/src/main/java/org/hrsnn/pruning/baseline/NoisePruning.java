package org.hrsnn.pruning.baseline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hrsnn.pruning.ImportanceSampler;
import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.PruningStrategy;
import org.hrsnn.pruning.lyapunov.LifSurrogateDynamics;
import org.hrsnn.pruning.lyapunov.SurrogateOptions;
import org.hrsnn.pruning.noise.NoiseCovariance;
import org.hrsnn.pruning.noise.NoiseScores;
import org.hrsnn.pruning.noise.OperatingPoint;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Noise-prune (Moore and Chaudhuri 2020) without LNP's Lyapunov weighting: the same
 * linearisation and covariance as LNP step 1, scores |w| (C_ii + C_jj - 2 sign(w) C_ij),
 * independent sampling to the target count in expectation, kept weights divided by their
 * probability (stream "noise/sample").
 */
public final class NoisePruning implements PruningStrategy {
    @Override
    public String name() {
        return "noise";
    }

    @Override
    public PruningResult prune(Network net, double targetDensity, RandomStreams streams) {
        int target = PruningStrategy.targetCount(net, targetDensity);
        LifSurrogateDynamics f = new LifSurrogateDynamics(net, SurrogateOptions.DEFAULT);
        double[] gain = OperatingPoint.gains(net, f, 200, 500);
        NoiseCovariance cov = NoiseCovariance.of(net, gain);
        SynapseMatrix s = net.synapses();
        ImportanceSampler.Sample smp = ImportanceSampler.sample(NoiseScores.of(s, cov.covariance()), target,
                streams.stream("noise/sample"));
        SynapseMatrix out = s.filter(smp.keep(), ImportanceSampler.reweight(s.weight, smp));
        Map<String, Double> diag = new LinkedHashMap<>();
        diag.put("kept", (double) out.size());
        diag.put("covariance.shift", cov.shift());
        return PruningResult.synapsesOnly(net.withSynapses(out), diag);
    }
}
