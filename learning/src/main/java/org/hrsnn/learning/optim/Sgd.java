package org.hrsnn.learning.optim;

import org.hrsnn.simulator.Check;

/** Plain gradient descent: theta <- theta - learningRate g. */
public final class Sgd implements Optimizer {
    private final double learningRate;

    public Sgd(double learningRate) {
        this.learningRate = Check.positive("learningRate", learningRate);
    }

    @Override
    public void apply(double[] params, double[] g) {
        for (int k = 0; k < params.length; k++) {
            params[k] -= learningRate * g[k];
        }
    }

    @Override
    public String name() {
        return "sgd";
    }
}
