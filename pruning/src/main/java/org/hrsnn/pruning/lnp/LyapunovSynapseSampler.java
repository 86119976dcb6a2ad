package org.hrsnn.pruning.lnp;

import org.apache.commons.math3.random.RandomGenerator;
import org.ejml.data.DMatrixRMaj;
import org.hrsnn.pruning.ImportanceSampler;
import org.hrsnn.pruning.noise.NoiseScores;
import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * LNP step 1: synapse sampling. Score of synapse j -&gt; i = Lyapunov weight L_ij
 * ({@link LyapunovMatrix}) times the noise importance |w| (C_ii + C_jj - 2 sign(w) C_ij)
 * ({@link NoiseScores}); the product is used because the two measure different things (local
 * stability and noise response) and either alone can be zero. Retention probabilities
 * p = min(1, c score) hit the target count in expectation, synapses are kept independently
 * ({@link ImportanceSampler}, the spectral-sparsification sampling), and kept weights are
 * rescaled by 1/p.
 */
public final class LyapunovSynapseSampler {

    /** The sparsified synapses, each original synapse's retention probability, and how many were kept. */
    public record Outcome(SynapseMatrix synapses, double[] retention, double[] lyapunovWeight, int kept) {
    }

    public Outcome sample(SynapseMatrix s, double[] perNeuronExponents, DMatrixRMaj covariance, double horizonMs,
                          int target, RandomGenerator rng) {
        double[] lw = LyapunovMatrix.synapseWeights(s, perNeuronExponents, horizonMs);
        double[] noise = NoiseScores.of(s, covariance);
        double[] score = new double[s.size()];
        for (int k = 0; k < score.length; k++) {
            score[k] = lw[k] * noise[k];
        }
        ImportanceSampler.Sample sample = ImportanceSampler.sample(score, target, rng);
        SynapseMatrix out = s.filter(sample.keep(), ImportanceSampler.reweight(s.weight, sample));
        return new Outcome(out, sample.probability(), lw, out.size());
    }
}
