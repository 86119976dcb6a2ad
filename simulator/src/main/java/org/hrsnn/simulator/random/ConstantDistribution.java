package org.hrsnn.simulator.random;

import java.util.function.DoubleSupplier;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;

/** Every draw is the same value (a homogeneous parameter). Draws no random numbers. */
public record ConstantDistribution(double value) implements ParameterDistribution {
    public ConstantDistribution {
        Check.finite("constant.value", value);
    }

    @Override
    public DoubleSupplier sampler(RandomGenerator rng) {
        return () -> value;
    }

    @Override
    public String describe() {
        return Double.toString(value);
    }

    @Override
    public double mean() {
        return value;
    }
}
