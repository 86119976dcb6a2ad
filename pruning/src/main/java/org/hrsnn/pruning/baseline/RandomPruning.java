package org.hrsnn.pruning.baseline;

import java.util.Map;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.pruning.PruningResult;
import org.hrsnn.pruning.PruningStrategy;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.random.RandomStreams;

/** Keeps exactly round(density x synapses) synapses chosen uniformly at random (stream "random/synapses"); weights unchanged. */
public final class RandomPruning implements PruningStrategy {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public PruningResult prune(Network net, double targetDensity, RandomStreams streams) {
        int target = PruningStrategy.targetCount(net, targetDensity);
        SynapseMatrix s = net.synapses();
        int m = s.size();
        int[] idx = new int[m];
        for (int k = 0; k < m; k++) {
            idx[k] = k;
        }
        RandomGenerator rng = streams.stream("random/synapses");
        boolean[] keep = new boolean[m];
        for (int k = 0; k < target; k++) {
            int j = k + rng.nextInt(m - k);
            int t = idx[k];
            idx[k] = idx[j];
            idx[j] = t;
            keep[idx[k]] = true;
        }
        return PruningResult.synapsesOnly(net.withSynapses(s.filter(keep, null)), Map.of("kept", (double) target));
    }
}
