package org.hrsnn.pruning.noise;

import org.ejml.data.DMatrixRMaj;
import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * Moore and Chaudhuri's (NeurIPS 2020) noise-probe importance of synapse j -&gt; i:
 * |w| (C_ii + C_jj - 2 sign(w) C_ij), i.e. |w| Var(x_i - sign(w) x_j) under the stationary
 * covariance C. It is never negative (a variance); a synapse that joins strongly fluctuating,
 * weakly correlated neurons matters most for the network's noise response.
 */
public final class NoiseScores {
    private NoiseScores() {
    }

    public static double[] of(SynapseMatrix s, DMatrixRMaj c) {
        int n = c.numRows;
        double[] out = new double[s.size()];
        for (int j = 0; j < s.sources; j++) {
            double cjj = c.data[j * n + j];
            for (int k = s.rowStart[j]; k < s.rowStart[j + 1]; k++) {
                int i = s.target[k];
                double w = s.weight[k];
                double v = c.data[i * n + i] + cjj - 2 * Math.signum(w) * c.data[i * n + j];
                out[k] = Math.abs(w) * Math.max(0, v);
            }
        }
        return out;
    }
}
