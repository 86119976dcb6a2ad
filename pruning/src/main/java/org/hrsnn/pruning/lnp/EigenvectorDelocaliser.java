package org.hrsnn.pruning.lnp;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.pruning.NetworkSurgery;
import org.hrsnn.simulator.network.DaleSign;
import org.hrsnn.simulator.network.Network;
import org.hrsnn.simulator.network.Population;
import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * LNP step 3: adds synapses that raise the degree heterogeneity of local neighbourhoods, which
 * spreads the leading eigenvectors over more neurons (delocalisation) and so keeps no small
 * group of neurons in charge of the network's stability.
 *
 * <p>Definitions and choices (the paper gives only the aim):
 * <ul>
 * <li>Graph: undirected, u ~ v when a synapse runs either way; degree d_u.</li>
 * <li>Local heterogeneity H = sum over neurons x of the variance of the degrees of x's
 * neighbours. Adding u ~ v changes d_u, d_v and the neighbourhoods of u, v and of their
 * neighbours; the change of H is computed exactly from running sums in O(d_u + d_v).</li>
 * <li>Greedy: for each new synapse, {@code candidates} random non-adjacent pairs are drawn and
 * the one with the largest increase of H is added, oriented from the first neuron drawn to
 * the second; the step stops early when no candidate increases H.</li>
 * <li>Weight of a new synapse: the source's mean |w| of its outgoing synapses (the network's
 * mean |w| if it has none), with the source population's Dale sign (for a mixed population,
 * the sign of the source's summed outgoing weight); delay = the network's mean delay.</li>
 * </ul>
 * The IPR of the leading eigenvectors of the symmetrised |W| is reported before and after.
 */
public final class EigenvectorDelocaliser {

    public record Outcome(Network network, int added, double heterogeneityBefore, double heterogeneityAfter,
                          double iprBefore, double iprAfter) {
    }

    public Outcome delocalise(Network net, int budget, int candidates, int iprVectors, RandomGenerator rng) {
        SynapseMatrix s = net.synapses();
        int n = net.size();
        double iprBefore = InverseParticipationRatio.mean(InverseParticipationRatio.leading(s, iprVectors));
        boolean[] adj = new boolean[n * n];
        int[] deg = new int[n];
        int[][] nb = new int[n][];
        int[] nbCount = new int[n];
        for (int j = 0; j < n; j++) {
            for (int k = s.rowStart[j]; k < s.rowStart[j + 1]; k++) {
                int i = s.target[k];
                if (i != j && !adj[i * n + j]) {
                    adj[i * n + j] = true;
                    adj[j * n + i] = true;
                    deg[i]++;
                    deg[j]++;
                }
            }
        }
        for (int u = 0; u < n; u++) {
            nb[u] = new int[Math.max(4, deg[u] + 4)];
        }
        for (int u = 0; u < n; u++) {
            for (int v = 0; v < n; v++) {
                if (adj[u * n + v]) {
                    nb[u][nbCount[u]++] = v;
                }
            }
        }
        double[] s1 = new double[n];
        double[] s2 = new double[n];
        for (int x = 0; x < n; x++) {
            for (int q = 0; q < nbCount[x]; q++) {
                int y = nb[x][q];
                s1[x] += deg[y];
                s2[x] += (double) deg[y] * deg[y];
            }
        }
        double hBefore = 0;
        for (int x = 0; x < n; x++) {
            hBefore += variance(s1[x], s2[x], nbCount[x]);
        }
        double h = hBefore;

        double meanAbs = 0;
        double meanDelay = 0;
        for (int k = 0; k < s.size(); k++) {
            meanAbs += Math.abs(s.weight[k]);
            meanDelay += s.delay[k];
        }
        meanAbs = s.size() == 0 ? 1.0 : meanAbs / s.size();
        meanDelay = s.size() == 0 ? 0.0 : meanDelay / s.size();
        int[] pre = new int[budget];
        int[] post = new int[budget];
        double[] w = new double[budget];
        double[] d = new double[budget];
        int added = 0;
        boolean fullGraph = (long) n * (n - 1) / 2 <= countEdges(deg) ;
        while (added < budget && !fullGraph) {
            int bu = -1;
            int bv = -1;
            double best = 0;
            for (int c = 0; c < candidates; c++) {
                int u = rng.nextInt(n);
                int v = rng.nextInt(n);
                if (u == v || adj[u * n + v]) {
                    continue;
                }
                double delta = delta(u, v, deg, nb, nbCount, s1, s2, adj, n);
                if (delta > best) {
                    best = delta;
                    bu = u;
                    bv = v;
                }
            }
            if (bu < 0) {
                break;
            }
            apply(bu, bv, deg, nb, nbCount, s1, s2, adj, n);
            h += best;
            pre[added] = bu;
            post[added] = bv;
            w[added] = newWeight(net, bu, meanAbs);
            d[added] = meanDelay;
            added++;
            fullGraph = (long) n * (n - 1) / 2 <= countEdges(deg);
        }
        SynapseMatrix out = added == 0 ? s : NetworkSurgery.addSynapses(s, pre, post, w, d, added);
        double iprAfter = InverseParticipationRatio.mean(InverseParticipationRatio.leading(out, iprVectors));
        return new Outcome(net.withSynapses(out), added, hBefore, h, iprBefore, iprAfter);
    }

    private static long countEdges(int[] deg) {
        long s = 0;
        for (int x : deg) {
            s += x;
        }
        return s / 2;
    }

    static double variance(double s1, double s2, int c) {
        if (c == 0) {
            return 0;
        }
        double m = s1 / c;
        return Math.max(0, s2 / c - m * m);
    }

    /** Exact change of H when u ~ v is added. */
    private static double delta(int u, int v, int[] deg, int[][] nb, int[] cnt, double[] s1, double[] s2,
                                boolean[] adj, int n) {
        double du = deg[u];
        double dv = deg[v];
        double change = 0;
        // Neighbours of u see d_u + 1; neighbours of v see d_v + 1; common neighbours see both.
        for (int q = 0; q < cnt[u]; q++) {
            int x = nb[u][q];
            double a1 = s1[x] + 1;
            double a2 = s2[x] + 2 * du + 1;
            if (adj[x * n + v]) {
                a1 += 1;
                a2 += 2 * dv + 1;
            }
            change += variance(a1, a2, cnt[x]) - variance(s1[x], s2[x], cnt[x]);
        }
        for (int q = 0; q < cnt[v]; q++) {
            int x = nb[v][q];
            if (adj[x * n + u]) {
                continue; // counted above
            }
            change += variance(s1[x] + 1, s2[x] + 2 * dv + 1, cnt[x]) - variance(s1[x], s2[x], cnt[x]);
        }
        // u gains neighbour v (degree d_v + 1) and v gains u.
        change += variance(s1[u] + dv + 1, s2[u] + (dv + 1) * (dv + 1), cnt[u] + 1) - variance(s1[u], s2[u], cnt[u]);
        change += variance(s1[v] + du + 1, s2[v] + (du + 1) * (du + 1), cnt[v] + 1) - variance(s1[v], s2[v], cnt[v]);
        return change;
    }

    private static void apply(int u, int v, int[] deg, int[][] nb, int[] cnt, double[] s1, double[] s2,
                              boolean[] adj, int n) {
        double du = deg[u];
        double dv = deg[v];
        for (int q = 0; q < cnt[u]; q++) {
            int x = nb[u][q];
            s1[x] += 1;
            s2[x] += 2 * du + 1;
        }
        for (int q = 0; q < cnt[v]; q++) {
            int x = nb[v][q];
            s1[x] += 1;
            s2[x] += 2 * dv + 1;
        }
        s1[u] += dv + 1;
        s2[u] += (dv + 1) * (dv + 1);
        s1[v] += du + 1;
        s2[v] += (du + 1) * (du + 1);
        deg[u]++;
        deg[v]++;
        adj[u * n + v] = true;
        adj[v * n + u] = true;
        push(nb, cnt, u, v);
        push(nb, cnt, v, u);
    }

    private static void push(int[][] nb, int[] cnt, int x, int y) {
        if (cnt[x] == nb[x].length) {
            nb[x] = java.util.Arrays.copyOf(nb[x], 2 * nb[x].length);
        }
        nb[x][cnt[x]++] = y;
    }

    /** Heterogeneity H of a synapse matrix (for tests and reports). */
    public static double heterogeneity(SynapseMatrix s) {
        int n = s.sources;
        boolean[] adj = new boolean[n * n];
        int[] deg = new int[n];
        for (int j = 0; j < n; j++) {
            for (int k = s.rowStart[j]; k < s.rowStart[j + 1]; k++) {
                int i = s.target[k];
                if (i != j && !adj[i * n + j]) {
                    adj[i * n + j] = true;
                    adj[j * n + i] = true;
                    deg[i]++;
                    deg[j]++;
                }
            }
        }
        double h = 0;
        for (int x = 0; x < n; x++) {
            double a1 = 0;
            double a2 = 0;
            int c = 0;
            for (int y = 0; y < n; y++) {
                if (adj[x * n + y]) {
                    a1 += deg[y];
                    a2 += (double) deg[y] * deg[y];
                    c++;
                }
            }
            h += variance(a1, a2, c);
        }
        return h;
    }

    private static double newWeight(Network net, int source, double fallbackAbs) {
        SynapseMatrix s = net.synapses();
        double sumAbs = 0;
        double sum = 0;
        int c = s.outDegree(source);
        for (int k = s.rowStart[source]; k < s.rowStart[source + 1]; k++) {
            sumAbs += Math.abs(s.weight[k]);
            sum += s.weight[k];
        }
        double mag = c == 0 ? fallbackAbs : sumAbs / c;
        Population p = net.populationOf(source);
        double sign;
        if (p.sign() == DaleSign.EXCITATORY) {
            sign = 1;
        } else if (p.sign() == DaleSign.INHIBITORY) {
            sign = -1;
        } else {
            sign = sum < 0 ? -1 : 1;
        }
        return sign * mag;
    }
}
