package org.hrsnn.learning.surrogate;

import org.hrsnn.simulator.Check;

/**
 * Fast-sigmoid pseudo-derivative (SuperSpike, Zenke and Ganguli 2018):
 * psi = (gamma / vth) / (1 + s |d| / vth)^2, with slope s; total mass 2 gamma / s.
 */
public final class FastSigmoid implements SurrogateDerivative {
    private final double gamma;
    private final double slope;

    public FastSigmoid(double gamma, double slope) {
        this.gamma = Check.positive("surrogate.gamma", gamma);
        this.slope = Check.positive("surrogate.slope", slope);
    }

    @Override
    public double derivative(double d, double vth) {
        double q = 1 + slope * Math.abs(d) / vth;
        return gamma / vth / (q * q);
    }

    @Override
    public double smoothStep(double d, double vth) {
        double u = slope * d / vth;
        // integral of 1/(1+|u|)^2 from -inf: 1/(1-u) for u<0, 2 - 1/(1+u) for u>=0; then scale by gamma/s.
        double base = u < 0 ? 1 / (1 - u) : 2 - 1 / (1 + u);
        return gamma / slope * base;
    }

    @Override
    public String name() {
        return "fast-sigmoid";
    }
}
