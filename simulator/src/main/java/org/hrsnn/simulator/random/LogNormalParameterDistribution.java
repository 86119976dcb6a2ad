package org.hrsnn.simulator.random;

import java.util.function.DoubleSupplier;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;

/** Log-normal: exp(N(mu, sigma)). */
public record LogNormalParameterDistribution(double mu, double sigma) implements ParameterDistribution {
    public LogNormalParameterDistribution {
        Check.finite("lognormal.mu", mu);
        Check.positive("lognormal.sigma", sigma);
    }

    @Override
    public DoubleSupplier sampler(RandomGenerator rng) {
        LogNormalDistribution d = new LogNormalDistribution(rng, mu, sigma);
        return d::sample;
    }

    @Override
    public String describe() {
        return "lognormal(mu=" + mu + ", sigma=" + sigma + ")";
    }

    @Override
    public double mean() {
        return Math.exp(mu + 0.5 * sigma * sigma);
    }
}
