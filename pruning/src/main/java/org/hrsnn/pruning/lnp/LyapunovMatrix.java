package org.hrsnn.pruning.lnp;

import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * The Lyapunov weight of every synapse: the harmonic mean of the per-neuron expansion factors
 * kappa_n = exp(lambda_n H) over the synapse's neighbourhood (LNP's Lyapunov matrix).
 *
 * <p>Choices the paper leaves open, and why:
 * <ul>
 * <li>Harmonic means need positive numbers, exponents are signed: we average the expansion
 * factor over a horizon H (ms), exp(lambda H), which is 1 at the edge of chaos, below 1 for
 * contracting neurons and above 1 for expanding ones. H defaults to the median tau_m, the
 * time over which a neuron's own leak matters.</li>
 * <li>The neighbourhood of synapse j -&gt; i is the multiset union of the closed neighbourhoods
 * of j and i (each neuron plus its in- and out-neighbours; a reciprocal partner counts twice).
 * As a multiset union the harmonic mean is (|N[i]| + |N[j]|) / (S_i + S_j) with S_n the sum of
 * 1/kappa over N[n], O(1) per synapse after one pass over the synapses.</li>
 * <li>The harmonic mean is dominated by the smallest factor: one strongly contracting
 * (short-memory) neuron in the neighbourhood lowers the weight, so synapses embedded among
 * slow, near-marginal neurons are preferred.</li>
 * </ul>
 */
public final class LyapunovMatrix {
    private LyapunovMatrix() {
    }

    public static double[] synapseWeights(SynapseMatrix s, double[] perNeuronExponents, double horizonMs) {
        int n = s.sources;
        double[] inv = new double[n];
        for (int i = 0; i < n; i++) {
            inv[i] = Math.exp(-perNeuronExponents[i] * horizonMs);
        }
        double[] sum = inv.clone();
        double[] count = new double[n];
        java.util.Arrays.fill(count, 1.0);
        for (int j = 0; j < n; j++) {
            for (int k = s.rowStart[j]; k < s.rowStart[j + 1]; k++) {
                int i = s.target[k];
                sum[j] += inv[i];
                count[j] += 1;
                sum[i] += inv[j];
                count[i] += 1;
            }
        }
        double[] out = new double[s.size()];
        for (int j = 0; j < n; j++) {
            for (int k = s.rowStart[j]; k < s.rowStart[j + 1]; k++) {
                int i = s.target[k];
                out[k] = (count[i] + count[j]) / (sum[i] + sum[j]);
            }
        }
        return out;
    }
}
