package org.hrsnn.learning.train;

/**
 * Per-iteration history of a training run.
 *
 * @param loss          mean loss per trial of each iteration's training batch
 * @param error         fraction of wrong decisions of each iteration's batch (classification), or NaN
 * @param meanRateHz    mean firing rate of each iteration's batch, Hz
 * @param seconds       wall time of the run
 * @param steps         model steps taken
 */
public record TrainingResult(double[] loss, double[] error, double[] meanRateHz, double seconds, long steps) {
    /** The first iteration from which the mean error over {@code window} iterations is below {@code level}, or -1. */
    public int iterationsToError(double level, int window) {
        for (int i = window - 1; i < error.length; i++) {
            double s = 0;
            for (int k = i - window + 1; k <= i; k++) {
                s += error[k];
            }
            if (s / window < level) {
                return i + 1;
            }
        }
        return -1;
    }
}
