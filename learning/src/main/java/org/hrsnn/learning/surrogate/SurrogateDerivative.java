package org.hrsnn.learning.surrogate;

/**
 * Pseudo-derivative psi of the spike z = H(v - A) with respect to v, used in place of the
 * Dirac delta when gradients flow through a spike (MODELS.md section 4).
 *
 * <p>Both methods take the distance to threshold {@code d = v - A} (mV) and the neuron's base
 * threshold {@code vth} (mV), which sets the width. {@link #smoothStep} is the integral of
 * {@link #derivative} from minus infinity: a model that uses it as its forward pass (the
 * "smooth variant") has psi as its exact derivative, which makes finite-difference checks of
 * the gradient code possible.
 */
public interface SurrogateDerivative {
    /** psi(d), 1/mV. */
    double derivative(double distance, double vth);

    /** The integral of psi from minus infinity to d (dimensionless, rises from 0 to the total mass). */
    double smoothStep(double distance, double vth);

    /** Name used in configurations. */
    String name();

    /** The surrogate of that name: piecewise-linear (default), fast-sigmoid, exponential. */
    static SurrogateDerivative named(String name) {
        return switch (name) {
            case "piecewise-linear" -> new PiecewiseLinear(PiecewiseLinear.DEFAULT_GAMMA);
            case "fast-sigmoid" -> new FastSigmoid(PiecewiseLinear.DEFAULT_GAMMA, 1.0);
            case "exponential" -> new Exponential(PiecewiseLinear.DEFAULT_GAMMA);
            default -> throw new org.hrsnn.simulator.InvalidInputException("surrogate", name,
                    "one of piecewise-linear, fast-sigmoid, exponential");
        };
    }
}
