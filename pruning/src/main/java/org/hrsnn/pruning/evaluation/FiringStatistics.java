package org.hrsnn.pruning.evaluation;

import org.hrsnn.simulator.network.SynapseMatrix;

/**
 * Firing statistics of a run and the synaptic operations they cost.
 *
 * @param meanRateHz      mean over neurons of the firing rate
 * @param silentFraction  fraction of neurons with rate below 0.1 Hz
 * @param rateCv          coefficient of variation of the rates across neurons
 * @param synOpsPerSecond sum over neurons of rate (Hz) x out-degree: synaptic events per
 *                        biological second
 */
public record FiringStatistics(double meanRateHz, double silentFraction, double rateCv, double synOpsPerSecond) {

    public static FiringStatistics of(double[] ratesHz, SynapseMatrix synapses) {
        int n = ratesHz.length;
        double mean = 0;
        int silent = 0;
        double ops = 0;
        for (int i = 0; i < n; i++) {
            mean += ratesHz[i];
            if (ratesHz[i] < 0.1) {
                silent++;
            }
            ops += ratesHz[i] * synapses.outDegree(i);
        }
        mean /= n;
        double var = 0;
        for (double r : ratesHz) {
            var += (r - mean) * (r - mean);
        }
        var /= n;
        return new FiringStatistics(mean, silent / (double) n, mean > 0 ? Math.sqrt(var) / mean : 0, ops);
    }
}
