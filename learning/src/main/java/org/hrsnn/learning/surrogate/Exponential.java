package org.hrsnn.learning.surrogate;

import org.hrsnn.simulator.Check;

/** Exponential pseudo-derivative: psi = (gamma / vth) exp(-|d| / vth), total mass 2 gamma. Smooth away from d = 0. */
public final class Exponential implements SurrogateDerivative {
    private final double gamma;

    public Exponential(double gamma) {
        this.gamma = Check.positive("surrogate.gamma", gamma);
    }

    @Override
    public double derivative(double d, double vth) {
        return gamma / vth * Math.exp(-Math.abs(d) / vth);
    }

    @Override
    public double smoothStep(double d, double vth) {
        double u = d / vth;
        return u < 0 ? gamma * Math.exp(u) : gamma * (2 - Math.exp(-u));
    }

    @Override
    public String name() {
        return "exponential";
    }
}
