package org.hrsnn.pruning.evaluation;

/**
 * The figures every strategy is compared on.
 *
 * @param strategy               strategy name
 * @param neurons                neurons kept
 * @param synapses               synapses kept
 * @param synapseDensity         synapses / (N (N - 1)) of the pruned network
 * @param relativeSynapses       synapses / synapses of the dense network
 * @param neuronDensity          neurons / neurons of the dense network
 * @param largestLyapunov        largest Lyapunov exponent of the surrogate, 1/ms
 * @param laplacianError         relative spectral error of the Laplacian quadratic form
 * @param firing                 firing statistics and synaptic operations per second
 * @param firingSource           "surrogate" or the engine's name
 * @param memoryCapacity         sum over delays of r^2
 * @param nrmseLorenz            one-step NRMSE on Lorenz x
 * @param nrmseRossler           one-step NRMSE on Rossler x
 * @param nrmseMackeyGlass       one-step NRMSE on Mackey-Glass (tau 17)
 */
public record EvaluationReport(String strategy, int neurons, int synapses, double synapseDensity,
                               double relativeSynapses, double neuronDensity, double largestLyapunov,
                               double laplacianError, FiringStatistics firing, String firingSource,
                               double memoryCapacity, double nrmseLorenz, double nrmseRossler, double nrmseMackeyGlass) {
}
