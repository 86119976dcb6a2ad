package org.hrsnn.learning.optim;

/** Updates a parameter vector in place from a gradient (descent: the loss goes down). */
public interface Optimizer {
    void apply(double[] params, double[] gradient);

    String name();

    /** Multiplies the learning rate by {@code factor} (a learning-rate schedule step). */
    void scaleLearningRate(double factor);

    double learningRate();
}
