package org.hrsnn.learning.optim;

/** Updates a parameter vector in place from a gradient (descent: the loss goes down). */
public interface Optimizer {
    void apply(double[] params, double[] gradient);

    String name();
}
