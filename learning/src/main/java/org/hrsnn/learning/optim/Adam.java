package org.hrsnn.learning.optim;

import org.hrsnn.simulator.Check;

/**
 * Adam (Kingma and Ba 2015): bias-corrected first and second moment estimates,
 * theta <- theta - lr mhat / (sqrt(vhat) + eps).
 */
public final class Adam implements Optimizer {
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private double[] m;
    private double[] v;
    private long t;

    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = Check.positive("learningRate", learningRate);
        this.beta1 = Check.inRange("adam.beta1", beta1, 0, 0.999999);
        this.beta2 = Check.inRange("adam.beta2", beta2, 0, 0.999999);
        this.epsilon = Check.positive("adam.epsilon", epsilon);
    }

    @Override
    public void apply(double[] params, double[] g) {
        if (m == null || m.length != params.length) {
            m = new double[params.length];
            v = new double[params.length];
            t = 0;
        }
        t++;
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        for (int k = 0; k < params.length; k++) {
            double gk = g[k];
            m[k] = beta1 * m[k] + (1 - beta1) * gk;
            v[k] = beta2 * v[k] + (1 - beta2) * gk * gk;
            params[k] -= learningRate * (m[k] / c1) / (Math.sqrt(v[k] / c2) + epsilon);
        }
    }

    @Override
    public String name() {
        return "adam";
    }
}
