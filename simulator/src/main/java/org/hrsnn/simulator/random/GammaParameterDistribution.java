package org.hrsnn.simulator.random;

import java.util.function.DoubleSupplier;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;

/** Gamma with shape k and scale theta (mean k theta): the LNP paper's time-constant law. */
public record GammaParameterDistribution(double shape, double scale) implements ParameterDistribution {
    public GammaParameterDistribution {
        Check.positive("gamma.shape", shape);
        Check.positive("gamma.scale", scale);
    }

    @Override
    public DoubleSupplier sampler(RandomGenerator rng) {
        GammaDistribution g = new GammaDistribution(rng, shape, scale);
        return g::sample;
    }

    @Override
    public String describe() {
        return "gamma(shape=" + shape + ", scale=" + scale + ")";
    }

    @Override
    public double mean() {
        return shape * scale;
    }
}
