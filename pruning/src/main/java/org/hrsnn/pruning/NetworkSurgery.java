package org.hrsnn.pruning;

import java.util.ArrayList;
import java.util.List;
import org.hrsnn.simulator.input.CurrentInjection;
import org.hrsnn.simulator.input.InputGroup;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.Population;
import org.hrsnn.simulator.network.SynapseMatrix;

/** Builds new network descriptions from old ones: removing neurons, adding synapses. */
public final class NetworkSurgery {
    private NetworkSurgery() {
    }

    /**
     * The sub-network of the neurons {@code keep} (ascending), renumbered in that order.
     * Populations keep their names and order (one may become empty); input projections and
     * current injections lose the removed targets.
     */
    public static Network keepNeurons(Network net, int[] keep) {
        int n = net.size();
        int[] newIndex = new int[n];
        java.util.Arrays.fill(newIndex, -1);
        for (int k = 0; k < keep.length; k++) {
            if (k > 0 && keep[k] <= keep[k - 1]) {
                throw new IllegalArgumentException("kept neurons must be ascending");
            }
            newIndex[keep[k]] = k;
        }
        List<Population> pops = new ArrayList<>();
        int start = 0;
        for (Population p : net.populations()) {
            int size = 0;
            for (int i = p.start(); i < p.end(); i++) {
                if (newIndex[i] >= 0) {
                    size++;
                }
            }
            pops.add(new Population(p.name(), start, size, p.model(), p.sign()));
            start += size;
        }
        SynapseMatrix syn = net.synapses().select(keep, keep);
        List<InputGroup> inputs = new ArrayList<>();
        for (InputGroup g : net.inputs()) {
            inputs.add(new InputGroup(g.name(), g.source(), g.projection().select(null, keep)));
        }
        List<CurrentInjection> currents = new ArrayList<>();
        for (CurrentInjection c : net.currents()) {
            int count = 0;
            for (int i : c.neurons()) {
                if (newIndex[i] >= 0) {
                    count++;
                }
            }
            int[] ids = new int[count];
            count = 0;
            for (int i : c.neurons()) {
                if (newIndex[i] >= 0) {
                    ids[count++] = newIndex[i];
                }
            }
            currents.add(new CurrentInjection(c.name(), ids, c.amplitude(), c.startMs(), c.stopMs()));
        }
        return new Network(pops, net.parameters().select(keep), syn, inputs, currents);
    }

    /** The network's synapses plus {@code count} new ones (source, target, weight nA, delay ms). */
    public static SynapseMatrix addSynapses(SynapseMatrix s, int[] pre, int[] post, double[] w, double[] d, int count) {
        int m = s.size();
        int[] ap = new int[m + count];
        int[] aq = new int[m + count];
        double[] aw = new double[m + count];
        double[] ad = new double[m + count];
        int[] src = s.sourceIndices();
        for (int k = 0; k < m; k++) {
            ap[k] = src[k];
            aq[k] = s.target[k];
            aw[k] = s.weight[k];
            ad[k] = s.delay[k];
        }
        System.arraycopy(pre, 0, ap, m, count);
        System.arraycopy(post, 0, aq, m, count);
        System.arraycopy(w, 0, aw, m, count);
        System.arraycopy(d, 0, ad, m, count);
        return SynapseMatrix.fromEdges(s.sources, s.targets, ap, aq, aw, ad, m + count);
    }
}
