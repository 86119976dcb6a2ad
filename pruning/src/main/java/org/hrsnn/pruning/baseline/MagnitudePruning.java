package org.hrsnn.pruning.baseline;

import java.util.Map;
import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.PruningStrategy;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.random.RandomStreams;

/** Keeps the round(density x synapses) synapses of largest |w|; weights unchanged; no randomness. */
public final class MagnitudePruning implements PruningStrategy {
    @Override
    public String name() {
        return "magnitude";
    }

    @Override
    public PruningResult prune(Network net, double targetDensity, RandomStreams streams) {
        int target = PruningStrategy.targetCount(net, targetDensity);
        SynapseMatrix s = net.synapses();
        double[] score = new double[s.size()];
        for (int k = 0; k < score.length; k++) {
            score[k] = Math.abs(s.weight[k]);
        }
        return PruningResult.synapsesOnly(net.withSynapses(s.filter(TopScores.keep(score, target), null)),
                Map.of("kept", (double) target));
    }
}
