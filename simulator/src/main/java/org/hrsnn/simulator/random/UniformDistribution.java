package org.hrsnn.simulator.random;

import java.util.function.DoubleSupplier;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;

/** Uniform on [low, high]. */
public record UniformDistribution(double low, double high) implements ParameterDistribution {
    public UniformDistribution {
        Check.finite("uniform.low", low);
        Check.finite("uniform.high", high);
        if (!(high >= low)) {
            throw new InvalidInputException("uniform.high", high, "a number >= uniform.low (" + low + ")");
        }
    }

    @Override
    public DoubleSupplier sampler(RandomGenerator rng) {
        double width = high - low;
        return () -> low + width * rng.nextDouble();
    }

    @Override
    public String describe() {
        return "uniform(" + low + ", " + high + ")";
    }

    @Override
    public double mean() {
        return 0.5 * (low + high);
    }
}
