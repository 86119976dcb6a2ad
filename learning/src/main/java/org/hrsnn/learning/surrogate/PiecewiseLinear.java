package org.hrsnn.learning.surrogate;

import org.hrsnn.simulator.Check;

/**
 * The e-prop pseudo-derivative (Bellec et al. 2020): psi = (gamma / vth) max(0, 1 - |d| / vth),
 * a triangle of half-width vth around the threshold with total mass gamma (default 0.3).
 */
public final class PiecewiseLinear implements SurrogateDerivative {
    public static final double DEFAULT_GAMMA = 0.3;
    private final double gamma;

    public PiecewiseLinear(double gamma) {
        this.gamma = Check.positive("surrogate.gamma", gamma);
    }

    public PiecewiseLinear() {
        this(DEFAULT_GAMMA);
    }

    @Override
    public double derivative(double d, double vth) {
        double u = Math.abs(d) / vth;
        return u >= 1 ? 0 : gamma / vth * (1 - u);
    }

    @Override
    public double smoothStep(double d, double vth) {
        double u = d / vth;
        if (u <= -1) {
            return 0;
        }
        if (u >= 1) {
            return gamma;
        }
        // Integral of the triangle: quadratic on each side of the apex.
        return u <= 0 ? gamma * 0.5 * (1 + u) * (1 + u) : gamma * (1 - 0.5 * (1 - u) * (1 - u));
    }

    @Override
    public String name() {
        return "piecewise-linear";
    }
}
