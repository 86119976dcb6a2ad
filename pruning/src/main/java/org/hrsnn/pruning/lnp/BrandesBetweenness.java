package org.hrsnn.pruning.lnp;

import java.util.Arrays;
import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * Betweenness centrality of a weighted directed graph by Brandes' algorithm (2001), on
 * primitive arrays: one Dijkstra per source (binary heap with decrease-key on index arrays)
 * that counts shortest paths, then the dependency accumulation over predecessors in reverse
 * settling order. O(N M + N^2 log N) time, O(N + M) memory. Same definition as JGraphT's
 * {@code BetweennessCentrality(graph, false)} (unnormalised, directed, endpoints excluded),
 * against which it is tested; about an order of magnitude faster because it allocates
 * nothing per edge or per vertex.
 */
public final class BrandesBetweenness {
    private BrandesBetweenness() {
    }

    /**
     * Centrality of every vertex for edges j -&gt; target[k] (CSR rows by source) of the given
     * positive lengths. Parallel edges are fine (the shortest counts; equal ones count twice, as
     * separate paths); self-loops are ignored.
     */
    public static double[] compute(int n, int[] rowStart, int[] target, double[] length) {
        // Reverse CSR for the predecessor scan.
        int m = target.length;
        int[] inStart = new int[n + 1];
        for (int k = 0; k < m; k++) {
            inStart[target[k] + 1]++;
        }
        for (int i = 0; i < n; i++) {
            inStart[i + 1] += inStart[i];
        }
        int[] inSource = new int[m];
        double[] inLength = new double[m];
        int[] fill = Arrays.copyOf(inStart, n);
        for (int j = 0; j < n; j++) {
            for (int k = rowStart[j]; k < rowStart[j + 1]; k++) {
                int p = fill[target[k]]++;
                inSource[p] = j;
                inLength[p] = length[k];
            }
        }
        double[] cb = new double[n];
        double[] dist = new double[n];
        double[] sigma = new double[n];
        double[] delta = new double[n];
        int[] order = new int[n];
        int[] heap = new int[n];
        int[] pos = new int[n];
        for (int s = 0; s < n; s++) {
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            Arrays.fill(sigma, 0);
            Arrays.fill(delta, 0);
            Arrays.fill(pos, -1);
            dist[s] = 0;
            sigma[s] = 1;
            int size = 0;
            heap[size] = s;
            pos[s] = size++;
            int settled = 0;
            while (size > 0) {
                int v = heap[0];
                size--;
                if (size > 0) {
                    heap[0] = heap[size];
                    pos[heap[0]] = 0;
                    siftDown(heap, pos, dist, 0, size);
                }
                pos[v] = -2;
                order[settled++] = v;
                double dv = dist[v];
                for (int k = rowStart[v]; k < rowStart[v + 1]; k++) {
                    int w = target[k];
                    if (w == v || pos[w] == -2) {
                        continue;
                    }
                    double alt = dv + length[k];
                    if (alt < dist[w]) {
                        dist[w] = alt;
                        sigma[w] = sigma[v];
                        if (pos[w] == -1) {
                            heap[size] = w;
                            pos[w] = size;
                            siftUp(heap, pos, dist, size++);
                        } else {
                            siftUp(heap, pos, dist, pos[w]);
                        }
                    } else if (alt == dist[w]) {
                        sigma[w] += sigma[v];
                    }
                }
            }
            for (int q = settled - 1; q > 0; q--) {
                int w = order[q];
                double coeff = (1 + delta[w]) / sigma[w];
                for (int p = inStart[w]; p < inStart[w + 1]; p++) {
                    int v = inSource[p];
                    if (v != w && dist[v] + inLength[p] == dist[w]) {
                        delta[v] += sigma[v] * coeff;
                    }
                }
                cb[w] += delta[w];
            }
        }
        return cb;
    }

    /** Centrality on a synapse matrix with edge length 1/|w| (zero weights and self-loops left out). */
    public static double[] ofSynapses(SynapseMatrix s) {
        int n = s.sources;
        int[] rs = new int[n + 1];
        int[] t = new int[s.size()];
        double[] len = new double[s.size()];
        int c = 0;
        for (int j = 0; j < n; j++) {
            for (int k = s.rowStart[j]; k < s.rowStart[j + 1]; k++) {
                double w = Math.abs(s.weight[k]);
                if (w > 0 && s.target[k] != j) {
                    t[c] = s.target[k];
                    len[c++] = 1.0 / w;
                }
            }
            rs[j + 1] = c;
        }
        return compute(n, rs, Arrays.copyOf(t, c), Arrays.copyOf(len, c));
    }

    private static void siftUp(int[] heap, int[] pos, double[] key, int i) {
        int x = heap[i];
        double kx = key[x];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = heap[parent];
            if (key[p] <= kx) {
                break;
            }
            heap[i] = p;
            pos[p] = i;
            i = parent;
        }
        heap[i] = x;
        pos[x] = i;
    }

    private static void siftDown(int[] heap, int[] pos, double[] key, int i, int size) {
        int x = heap[i];
        double kx = key[x];
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                break;
            }
            int r = l + 1;
            int c = r < size && key[heap[r]] < key[heap[l]] ? r : l;
            if (key[heap[c]] >= kx) {
                break;
            }
            heap[i] = heap[c];
            pos[heap[i]] = i;
            i = c;
        }
        heap[i] = x;
        pos[x] = i;
    }
}
