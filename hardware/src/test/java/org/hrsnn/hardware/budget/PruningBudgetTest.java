package org.hrsnn.hardware.budget;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.hardware.TestNetworks;
import org.hrsnn.hardware.preset.HardwarePreset;
import org.hrsnn.hardware.preset.HardwarePresets;
import org.hrsnn.hardware.quantise.QuantiserOptions;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.SynapseMatrix;
import org.hrsnn.simulator.random.ParameterDistribution;
import org.hrsnn.simulator.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * What pruning buys on hardware: a heterogeneous recurrent network before and after removing 80 %
 * of its recurrent synapses (the smallest magnitudes; a stand-in for the pruning module's
 * strategies, which the hardware module does not depend on), through the whole pipeline on the
 * small-core custom preset, where synaptic memory, not neuron count, sets the number of cores.
 */
class PruningBudgetTest {

    static Network pruneSmallest(Network net, double fraction) {
        SynapseMatrix s = net.synapses();
        double[] mag = new double[s.size()];
        for (int k = 0; k < mag.length; k++) {
            mag[k] = Math.abs(s.weight[k]);
        }
        double[] sorted = mag.clone();
        java.util.Arrays.sort(sorted);
        double cut = sorted[(int) (fraction * sorted.length)];
        boolean[] keep = new boolean[mag.length];
        RandomGenerator tie = new RandomStreams(9).stream("prune/ties");
        for (int k = 0; k < mag.length; k++) {
            keep[k] = mag[k] > cut || (mag[k] == cut && tie.nextBoolean());
        }
        return net.withSynapses(s.filter(keep, null));
    }

    @Test
    void pruningFreesCoresAndEnergy() {
        Network before = TestNetworks.heterogeneous(800, 200, 21, ParameterDistribution.uniform(0.05, 0.25),
                ParameterDistribution.uniform(0.2, 1.0), 0.1);
        Network after = pruneSmallest(before, 0.8);
        HardwarePreset preset = HardwarePresets.load("custom");
        List<BudgetComparison.Row> rows = new BudgetComparison().compare(List.of("before", "pruned 80 %"),
                List.of(before, after), preset, QuantiserOptions.defaults(1.0), 500, 3);
        rows.forEach(System.out::println);
        BudgetComparison.Row a = rows.get(0);
        BudgetComparison.Row b = rows.get(1);
        assertTrue(b.cores() < a.cores(), "cores " + a.cores() + " -> " + b.cores());
        assertTrue(b.synapseBits() < 0.3 * a.synapseBits());
        assertTrue(b.energyPerInferenceUj() < a.energyPerInferenceUj());
        assertTrue(a.rateCorrelation() > 0.9 && b.rateCorrelation() > 0.9, rows.toString());
    }
}
