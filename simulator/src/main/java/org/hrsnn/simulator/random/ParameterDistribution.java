package org.hrsnn.simulator.random;

import java.util.function.DoubleSupplier;
import org.apache.commons.math3.random.RandomGenerator;
import org.hrsnn.simulator.InvalidInputException;

/**
 * How one per-neuron (or per-synapse) parameter is spread across a population: the
 * "heterogeneous" in HRSNN. Samples are truncated to the parameter's valid range by rejection,
 * so a normal time constant never comes out negative.
 */
public interface ParameterDistribution {

    /** A sampler bound to {@code rng}; heavy set-up (gamma, lognormal) happens once here. */
    DoubleSupplier sampler(RandomGenerator rng);

    /** Short description for reports and error messages, e.g. "gamma(shape=3, scale=6.67)". */
    String describe();

    /** The mean of the untruncated distribution (for reports and prototypes). */
    double mean();

    /**
     * Fills {@code out[from .. from+count)} with draws inside [lower, upper] (inclusive; use
     * infinities for no bound). A draw outside is redrawn; if no valid value turns up within
     * 10 000 draws the distribution does not fit the range, and {@code field} is reported.
     */
    default void fill(double[] out, int from, int count, double lower, double upper,
                      RandomGenerator rng, String field) {
        DoubleSupplier s = sampler(rng);
        for (int i = 0; i < count; i++) {
            double x = s.getAsDouble();
            int attempts = 1;
            while (!(x >= lower && x <= upper)) {
                if (++attempts > 10_000) {
                    throw new InvalidInputException(field, describe(),
                            "a distribution with values inside [" + lower + ", " + upper + "]");
                }
                x = s.getAsDouble();
            }
            out[from + i] = x;
        }
    }

    static ParameterDistribution constant(double value) {
        return new ConstantDistribution(value);
    }

    static ParameterDistribution uniform(double low, double high) {
        return new UniformDistribution(low, high);
    }

    static ParameterDistribution normal(double mean, double sd) {
        return new NormalDistribution(mean, sd);
    }

    static ParameterDistribution gamma(double shape, double scale) {
        return new GammaParameterDistribution(shape, scale);
    }

    static ParameterDistribution lognormal(double mu, double sigma) {
        return new LogNormalParameterDistribution(mu, sigma);
    }
}
