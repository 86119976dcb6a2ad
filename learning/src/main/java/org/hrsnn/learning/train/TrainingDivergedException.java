package org.hrsnn.learning.train;

/** Training produced a NaN or infinite loss or gradient; the model holds the last good parameters again. */
public final class TrainingDivergedException extends RuntimeException {
    private final int iteration;
    private final int checkpointIteration;
    private final double[] checkpoint;

    TrainingDivergedException(String message, int iteration, int checkpointIteration, double[] checkpoint) {
        super(message);
        this.iteration = iteration;
        this.checkpointIteration = checkpointIteration;
        this.checkpoint = checkpoint;
    }

    public int iteration() {
        return iteration;
    }

    /** The iteration after which the restored parameters were saved (0: the initial parameters). */
    public int checkpointIteration() {
        return checkpointIteration;
    }

    public double[] checkpoint() {
        return checkpoint.clone();
    }
}
