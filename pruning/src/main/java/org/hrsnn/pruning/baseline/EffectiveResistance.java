package org.hrsnn.pruning.baseline;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * Effective resistances R_uv = (e_u - e_v)^T L^+ (e_u - e_v) on the graph Laplacian L of the
 * symmetrised |W| (edge u ~ v of conductance |w_uv| + |w_vu|). Computed densely: with P the
 * sum over connected components c of 1_c 1_c^T / |c|, L + P is positive definite and
 * (L + P)^-1 acts as L^+ on every e_u - e_v with u, v in one component (which is the case for
 * every edge). O(N^3) time, O(N^2) memory.
 */
public final class EffectiveResistance {
    private EffectiveResistance() {
    }

    /** Dense Laplacian of the symmetrised |W|. */
    public static DMatrixRMaj laplacian(SynapseMatrix s) {
        int n = s.sources;
        DMatrixRMaj l = new DMatrixRMaj(n, n);
        for (int j = 0; j < n; j++) {
            for (int k = s.rowStart[j]; k < s.rowStart[j + 1]; k++) {
                int i = s.target[k];
                if (i == j) {
                    continue;
                }
                double w = Math.abs(s.weight[k]);
                l.data[i * n + j] -= w;
                l.data[j * n + i] -= w;
                l.data[i * n + i] += w;
                l.data[j * n + j] += w;
            }
        }
        return l;
    }

    /** Effective resistance across every synapse (0 for self-loops), in CSR order. */
    public static double[] ofSynapses(SynapseMatrix s) {
        int n = s.sources;
        DMatrixRMaj l = laplacian(s);
        int[] comp = components(s);
        int[] size = new int[n];
        for (int c : comp) {
            size[c]++;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (comp[i] == comp[j]) {
                    l.data[i * n + j] += 1.0 / size[comp[i]];
                }
            }
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(n);
        if (!solver.setA(l)) {
            throw new IllegalStateException("Laplacian + component projector is not positive definite");
        }
        DMatrixRMaj inv = new DMatrixRMaj(n, n);
        solver.invert(inv);
        double[] r = new double[s.size()];
        for (int j = 0; j < n; j++) {
            for (int k = s.rowStart[j]; k < s.rowStart[j + 1]; k++) {
                int i = s.target[k];
                if (i != j) {
                    r[k] = inv.data[i * n + i] + inv.data[j * n + j] - 2 * inv.data[i * n + j];
                }
            }
        }
        return r;
    }

    /** Connected component of every vertex in the undirected graph. */
    static int[] components(SynapseMatrix s) {
        int n = s.sources;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int j = 0; j < n; j++) {
            for (int k = s.rowStart[j]; k < s.rowStart[j + 1]; k++) {
                int a = find(parent, j);
                int b = find(parent, s.target[k]);
                if (a != b) {
                    parent[a] = b;
                }
            }
        }
        int[] id = new int[n];
        int[] label = new int[n];
        java.util.Arrays.fill(label, -1);
        int next = 0;
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            if (label[r] < 0) {
                label[r] = next++;
            }
            id[i] = label[r];
        }
        return id;
    }

    private static int find(int[] p, int x) {
        while (p[x] != x) {
            p[x] = p[p[x]];
            x = p[x];
        }
        return x;
    }
}
