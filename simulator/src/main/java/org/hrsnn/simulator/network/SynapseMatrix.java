package org.hrsnn.simulator.network;

import java.util.Arrays;
import org.hrsnn.simulator.InvalidInputException;

/**
 * Synapses in compressed sparse rows by presynaptic index: the synapses of source {@code j} are
 * {@code k = rowStart[j] .. rowStart[j+1]-1}, each with {@code target[k]}, {@code weight[k]}
 * (nA jump of the target's synaptic current; a positive weight drives I_e, a negative one I_i)
 * and {@code delay[k]} (ms, >= 0). Within a row, synapses are sorted by target (ties keep the
 * order in which they were added), so deliveries happen in a fixed order.
 *
 * <p>The arrays are shared, not copied: read them, never write them.
 */
public final class SynapseMatrix {
    public final int sources;
    public final int targets;
    public final int[] rowStart;
    public final int[] target;
    public final double[] weight;
    public final double[] delay;

    private SynapseMatrix(int sources, int targets, int[] rowStart, int[] target, double[] weight, double[] delay) {
        this.sources = sources;
        this.targets = targets;
        this.rowStart = rowStart;
        this.target = target;
        this.weight = weight;
        this.delay = delay;
    }

    /** An empty matrix (no synapses). */
    public static SynapseMatrix empty(int sources, int targets) {
        return new SynapseMatrix(sources, targets, new int[sources + 1], new int[0], new double[0], new double[0]);
    }

    /**
     * Builds the CSR form from edge arrays (the first {@code count} entries are used). Weights
     * must be finite, delays finite and >= 0, indices in range: otherwise the offending synapse
     * is named in an {@link InvalidInputException}.
     */
    public static SynapseMatrix fromEdges(int sources, int targets, int[] pre, int[] post,
                                          double[] w, double[] d, int count) {
        for (int e = 0; e < count; e++) {
            if (pre[e] < 0 || pre[e] >= sources) {
                throw new InvalidInputException("synapse[" + e + "].source", pre[e], "an index in [0, " + sources + ")");
            }
            if (post[e] < 0 || post[e] >= targets) {
                throw new InvalidInputException("synapse[" + e + "].target", post[e], "an index in [0, " + targets + ")");
            }
            if (!Double.isFinite(w[e])) {
                throw new InvalidInputException("synapse[" + e + "].weight", w[e], "a finite number");
            }
            if (!(d[e] >= 0) || Double.isInfinite(d[e])) {
                throw new InvalidInputException("synapse[" + e + "].delay", d[e], "a finite number of ms >= 0");
            }
        }
        // Two stable counting sorts: by target, then by source, give rows sorted by target.
        int[] byTarget = countingOrder(post, count, targets, null);
        int[] order = countingOrder(pre, count, sources, byTarget);
        int[] rowStart = new int[sources + 1];
        for (int e = 0; e < count; e++) {
            rowStart[pre[e] + 1]++;
        }
        for (int j = 0; j < sources; j++) {
            rowStart[j + 1] += rowStart[j];
        }
        int[] t = new int[count];
        double[] ww = new double[count];
        double[] dd = new double[count];
        for (int k = 0; k < count; k++) {
            int e = order[k];
            t[k] = post[e];
            ww[k] = w[e];
            dd[k] = d[e];
        }
        return new SynapseMatrix(sources, targets, rowStart, t, ww, dd);
    }

    /** Stable counting sort of {@code keys} (optionally of the permutation {@code in}). */
    private static int[] countingOrder(int[] keys, int count, int range, int[] in) {
        int[] start = new int[range + 1];
        for (int e = 0; e < count; e++) {
            start[keys[e] + 1]++;
        }
        for (int r = 0; r < range; r++) {
            start[r + 1] += start[r];
        }
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            int e = in == null ? k : in[k];
            out[start[keys[e]]++] = e;
        }
        return out;
    }

    /** Number of synapses. */
    public int size() {
        return target.length;
    }

    public int outDegree(int source) {
        return rowStart[source + 1] - rowStart[source];
    }

    /** In-degree of every target. */
    public int[] inDegrees() {
        int[] deg = new int[targets];
        for (int t : target) {
            deg[t]++;
        }
        return deg;
    }

    /** The source of synapse k (binary search on rowStart; for analyses, not hot loops). */
    public int sourceOf(int k) {
        int j = Arrays.binarySearch(rowStart, k);
        if (j >= 0) {
            while (j + 1 < rowStart.length && rowStart[j + 1] == k) {
                j++;
            }
            return j;
        }
        return -j - 2;
    }

    /** Source index of every synapse, in CSR order. */
    public int[] sourceIndices() {
        int[] src = new int[size()];
        for (int j = 0; j < sources; j++) {
            Arrays.fill(src, rowStart[j], rowStart[j + 1], j);
        }
        return src;
    }

    public double minDelay() {
        double m = Double.POSITIVE_INFINITY;
        for (double x : delay) {
            m = Math.min(m, x);
        }
        return m;
    }

    public double maxDelay() {
        double m = 0;
        for (double x : delay) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** A new matrix with the synapses where {@code keep[k]} holds, weights replaced by {@code newWeight} if not null. */
    public SynapseMatrix filter(boolean[] keep, double[] newWeight) {
        int n = 0;
        for (boolean b : keep) {
            if (b) {
                n++;
            }
        }
        int[] rs = new int[sources + 1];
        int[] t = new int[n];
        double[] ww = new double[n];
        double[] dd = new double[n];
        int p = 0;
        for (int j = 0; j < sources; j++) {
            for (int k = rowStart[j]; k < rowStart[j + 1]; k++) {
                if (keep[k]) {
                    t[p] = target[k];
                    ww[p] = newWeight == null ? weight[k] : newWeight[k];
                    dd[p] = delay[k];
                    p++;
                }
            }
            rs[j + 1] = p;
        }
        return new SynapseMatrix(sources, targets, rs, t, ww, dd);
    }

    /**
     * The synapses among a subset of neurons, renumbered: {@code keepSources} and
     * {@code keepTargets} are ascending index lists (null keeps all of that side).
     */
    public SynapseMatrix select(int[] keepSources, int[] keepTargets) {
        int[] newTarget = new int[targets];
        int nt;
        if (keepTargets == null) {
            for (int i = 0; i < targets; i++) {
                newTarget[i] = i;
            }
            nt = targets;
        } else {
            Arrays.fill(newTarget, -1);
            for (int k = 0; k < keepTargets.length; k++) {
                newTarget[keepTargets[k]] = k;
            }
            nt = keepTargets.length;
        }
        int ns = keepSources == null ? sources : keepSources.length;
        int[] rs = new int[ns + 1];
        int count = 0;
        for (int s = 0; s < ns; s++) {
            int j = keepSources == null ? s : keepSources[s];
            for (int k = rowStart[j]; k < rowStart[j + 1]; k++) {
                if (newTarget[target[k]] >= 0) {
                    count++;
                }
            }
            rs[s + 1] = count;
        }
        int[] t = new int[count];
        double[] ww = new double[count];
        double[] dd = new double[count];
        int p = 0;
        for (int s = 0; s < ns; s++) {
            int j = keepSources == null ? s : keepSources[s];
            for (int k = rowStart[j]; k < rowStart[j + 1]; k++) {
                int nt2 = newTarget[target[k]];
                if (nt2 >= 0) {
                    t[p] = nt2;
                    ww[p] = weight[k];
                    dd[p] = delay[k];
                    p++;
                }
            }
        }
        return new SynapseMatrix(ns, nt, rs, t, ww, dd);
    }
}
