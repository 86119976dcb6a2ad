package org.hrsnn.pruning.lyapunov;

import org.hrsnn.simulator.Check;

/**
 * Settings of the rate surrogate of a LIF network ({@link LifSurrogateDynamics}).
 *
 * @param stepMs       time step of the discrete map, ms
 * @param widthFraction width Delta V of the sigmoid surrogate as a fraction of V_th - V_reset
 */
public record SurrogateOptions(double stepMs, double widthFraction) {
    public static final SurrogateOptions DEFAULT = new SurrogateOptions(1.0, 0.25);

    public SurrogateOptions {
        Check.positive("surrogate.stepMs", stepMs);
        Check.positive("surrogate.widthFraction", widthFraction);
    }
}
