package org.hrsnn.simulator.engine.event;

import java.util.Arrays;
import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * The synapses of one matrix (recurrent or an input projection) in CSR with every row ordered by
 * delay, so a spike delivers its zero-delay synapses first and each later delay value as one
 * group. When every row is already in delay order (always so when all delays are equal, as in
 * CUBA) the matrix's own arrays are used, not copied: large networks pay no extra memory.
 * Otherwise the rows are copied, stably sorted by delay (target order kept within a delay).
 */
final class DelayRows {
    final int[] rowStart;
    final int[] target;
    final double[] weight;
    final double[] delay;

    private DelayRows(int[] rowStart, int[] target, double[] weight, double[] delay) {
        this.rowStart = rowStart;
        this.target = target;
        this.weight = weight;
        this.delay = delay;
    }

    static DelayRows of(SynapseMatrix m) {
        if (sortedByDelay(m)) {
            return new DelayRows(m.rowStart, m.target, m.weight, m.delay);
        }
        int size = m.size();
        int[] target = new int[size];
        double[] weight = new double[size];
        double[] delay = new double[size];
        for (int r = 0; r < m.sources; r++) {
            int from = m.rowStart[r];
            int len = m.rowStart[r + 1] - from;
            double[] d = Arrays.copyOfRange(m.delay, from, from + len);
            int[] order = IndexSort.byTimeThenTie(d, IndexSort.sequence(len));
            for (int s = 0; s < len; s++) {
                int src = from + order[s];
                target[from + s] = m.target[src];
                weight[from + s] = m.weight[src];
                delay[from + s] = m.delay[src];
            }
        }
        return new DelayRows(m.rowStart, target, weight, delay);
    }

    private static boolean sortedByDelay(SynapseMatrix m) {
        for (int r = 0; r < m.sources; r++) {
            for (int k = m.rowStart[r] + 1; k < m.rowStart[r + 1]; k++) {
                if (m.delay[k] < m.delay[k - 1]) {
                    return false;
                }
            }
        }
        return true;
    }
}
