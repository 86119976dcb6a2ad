package org.hrsnn.pruning.baseline;

import java.util.Map;
import org.hrsnn.pruning.ImportanceSampler;
import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.PruningStrategy;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.random.RandomStreams;

/**
 * Spectral sparsification by effective resistances (Spielman and Srivastava 2008) on the
 * symmetrised |W|: synapse j -&gt; i is kept with probability proportional to |w| R_ij (clipped
 * at 1, scaled to the target count in expectation), kept weights divided by the probability
 * (stream "spectral/sample"). Each directed synapse is sampled on its own, with the resistance
 * of its undirected edge, so the directed network keeps its orientation.
 */
public final class SpectralSparsification implements PruningStrategy {
    @Override
    public String name() {
        return "spectral";
    }

    @Override
    public PruningResult prune(Network net, double targetDensity, RandomStreams streams) {
        int target = PruningStrategy.targetCount(net, targetDensity);
        SynapseMatrix s = net.synapses();
        double[] r = EffectiveResistance.ofSynapses(s);
        double[] score = new double[s.size()];
        for (int k = 0; k < score.length; k++) {
            score[k] = Math.abs(s.weight[k]) * r[k];
        }
        ImportanceSampler.Sample smp = ImportanceSampler.sample(score, target, streams.stream("spectral/sample"));
        SynapseMatrix out = s.filter(smp.keep(), ImportanceSampler.reweight(s.weight, smp));
        return PruningResult.synapsesOnly(net.withSynapses(out), Map.of("kept", (double) out.size()));
    }
}
