package org.hrsnn.learning.optim;

/** Updates a parameter vector in place from a gradient (descent: the loss goes down). */
public interface Optimizer {
    void apply(double[] params, double[] gradient);

    String name();

    /**
     * Multiplies the learning rate by {@code factor} (a learning-rate schedule step). Default: the
     * optimiser has no rate to scale (a schedule is then invalid input).
     */
    default void scaleLearningRate(double factor) {
        throw new org.hrsnn.simulator.InvalidInputException("lrDecay", factor,
                "1 (no schedule): optimiser " + name() + " has no learning rate to scale");
    }

    /** The current learning rate (NaN when the optimiser has none). */
    default double learningRate() {
        return Double.NaN;
    }
}
