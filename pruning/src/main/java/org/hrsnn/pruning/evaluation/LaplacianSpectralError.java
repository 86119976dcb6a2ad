package org.hrsnn.pruning.evaluation;

import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * Relative spectral error of the graph Laplacian quadratic form, max over probe vectors x of
 * |x^T L' x - x^T L x| / x^T L x, where L is the Laplacian of the symmetrised |W| of the
 * dense network and L' that of the pruned one, embedded on the kept neurons (a removed neuron
 * has no edges in L'). Probes are i.i.d. Gaussian on the kept neurons (zero elsewhere, so a
 * removed neuron's edges to kept ones still count as lost). A Monte-Carlo lower bound of the
 * epsilon of a (1 +- epsilon) spectral approximation; every form is a sum over synapses,
 * x^T L x = sum |w| (x_i - x_j)^2, O(synapses) per probe.
 */
public final class LaplacianSpectralError {
    private LaplacianSpectralError() {
    }

    public static double of(SynapseMatrix dense, SynapseMatrix pruned, int[] keptNeurons, int probes, RandomGenerator rng) {
        int n = dense.sources;
        double worst = 0;
        double[] x = new double[n];
        double[] xs = new double[keptNeurons.length];
        for (int p = 0; p < probes; p++) {
            java.util.Arrays.fill(x, 0);
            for (int k = 0; k < keptNeurons.length; k++) {
                xs[k] = rng.nextGaussian();
                x[keptNeurons[k]] = xs[k];
            }
            double q = form(dense, x);
            double qp = form(pruned, xs);
            if (q > 0) {
                worst = Math.max(worst, Math.abs(qp - q) / q);
            }
        }
        return worst;
    }

    static double form(SynapseMatrix s, double[] x) {
        double q = 0;
        for (int j = 0; j < s.sources; j++) {
            for (int k = s.rowStart[j]; k < s.rowStart[j + 1]; k++) {
                double d = x[s.target[k]] - x[j];
                q += Math.abs(s.weight[k]) * d * d;
            }
        }
        return q;
    }
}
