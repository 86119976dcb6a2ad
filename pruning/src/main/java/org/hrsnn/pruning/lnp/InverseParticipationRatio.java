package org.hrsnn.pruning.lnp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * Localisation of the leading eigenvectors of the symmetrised connectivity S = (|W| + |W|^T)/2:
 * IPR(v) = sum v_i^4 / (sum v_i^2)^2, from 1/N (spread evenly over all neurons, delocalised)
 * to 1 (on one neuron). "Leading" = the {@code count} largest eigenvalues of S (S is real
 * symmetric, so the eigenvectors are real; the directed W has complex ones). Dense symmetric
 * eigendecomposition (EJML), O(N^3).
 */
public final class InverseParticipationRatio {
    private InverseParticipationRatio() {
    }

    public static double of(double[] v) {
        double s2 = 0;
        double s4 = 0;
        for (double x : v) {
            double q = x * x;
            s2 += q;
            s4 += q * q;
        }
        return s2 == 0 ? 0 : s4 / (s2 * s2);
    }

    public static DMatrixRMaj symmetrisedAbs(SynapseMatrix s) {
        int n = s.sources;
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int j = 0; j < n; j++) {
            for (int k = s.rowStart[j]; k < s.rowStart[j + 1]; k++) {
                int i = s.target[k];
                double w = 0.5 * Math.abs(s.weight[k]);
                m.data[i * n + j] += w;
                m.data[j * n + i] += w;
            }
        }
        return m;
    }

    /** IPR of each of the {@code count} leading eigenvectors of S, largest eigenvalue first. */
    public static double[] leading(SynapseMatrix s, int count) {
        DMatrixRMaj m = symmetrisedAbs(s);
        int n = m.numRows;
        int c = Math.min(count, n);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(m)) {
            throw new IllegalStateException("symmetric eigendecomposition failed");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(eig.getEigenvalue(b).real, eig.getEigenvalue(a).real));
        double[] out = new double[c];
        for (int r = 0; r < c; r++) {
            out[r] = of(eig.getEigenVector(order[r]).data);
        }
        return out;
    }

    public static double mean(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x;
        }
        return a.length == 0 ? 0 : s / a.length;
    }
}
