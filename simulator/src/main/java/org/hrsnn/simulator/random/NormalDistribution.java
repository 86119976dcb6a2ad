package org.hrsnn.simulator.random;

import java.util.function.DoubleSupplier;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;

/** Normal(mean, sd); truncated to the parameter's valid range by {@link #fill}. */
public record NormalDistribution(double mean, double sd) implements ParameterDistribution {
    public NormalDistribution {
        Check.finite("normal.mean", mean);
        Check.nonNegative("normal.sd", sd);
    }

    @Override
    public DoubleSupplier sampler(RandomGenerator rng) {
        return () -> mean + sd * rng.nextGaussian();
    }

    @Override
    public String describe() {
        return "normal(mean=" + mean + ", sd=" + sd + ")";
    }
}
