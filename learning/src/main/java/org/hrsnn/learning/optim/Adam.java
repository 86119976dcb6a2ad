package org.hrsnn.learning.optim;

import org.hrsnn.simulator.Check;

/**
 * Adam (Kingma and Ba 2015): bias-corrected first and second moment estimates,
 * theta <- theta - lr mhat / (sqrt(vhat) + eps).
 */
public final class Adam implements Optimizer {
    private double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private double[] m;
    private double[] v;
    private long t;
    /** Per-parameter multiplier of the learning rate (null: 1 everywhere). */
    private double[] rateScale;

    public Adam(double learningRate) {
        this(learningRate, 0.9, 0.999, 1e-8);
    }

    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this.learningRate = Check.positive("learningRate", learningRate);
        this.beta1 = Check.inRange("adam.beta1", beta1, 0, 0.999999);
        this.beta2 = Check.inRange("adam.beta2", beta2, 0, 0.999999);
        this.epsilon = Check.positive("adam.epsilon", epsilon);
    }

    /**
     * Multiplies the learning rate of parameters [from, to) by {@code factor} (e.g. a readout that
     * another parameterisation scales by (1 - kappa) takes Adam steps (1 - kappa) times as large:
     * Adam's step does not depend on the gradient's scale, only on the rate).
     */
    public Adam scaleRange(int from, int to, double factor) {
        Check.nonNegative("adam.rateScale", factor);
        if (from < 0 || to < from) {
            throw new org.hrsnn.simulator.InvalidInputException("adam.scaleRange", from + ".." + to,
                    "0 <= from <= to");
        }
        if (rateScale == null || rateScale.length < to) {
            double[] r = new double[Math.max(to, rateScale == null ? 0 : rateScale.length)];
            java.util.Arrays.fill(r, 1);
            if (rateScale != null) {
                System.arraycopy(rateScale, 0, r, 0, rateScale.length);
            }
            rateScale = r;
        }
        for (int k = from; k < to; k++) {
            rateScale[k] *= factor;
        }
        return this;
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
            double lr = rateScale == null || k >= rateScale.length ? learningRate : learningRate * rateScale[k];
            params[k] -= lr * (m[k] / c1) / (Math.sqrt(v[k] / c2) + epsilon);
        }
    }

    @Override
    public void scaleLearningRate(double factor) {
        learningRate = Check.positive("learningRate", learningRate * factor);
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public String name() {
        return "adam";
    }
}
