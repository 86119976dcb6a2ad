package org.hrsnn.pruning.lyapunov;

import org.hrsnn.simulator.Check;

/**
 * How to run the QR method.
 *
 * @param exponents      k, how many leading exponents (1 .. state dimension)
 * @param transientSteps steps run before measuring, so the state and the tangent basis settle
 *                       on the attractor and the leading Lyapunov directions
 * @param steps          measured steps T (the estimate converges like 1/(T h))
 * @param perNeuron      also compute the per-neuron exponents (an N-vector; costs N k per step)
 * @param checkpoints    how many running estimates to record for the convergence trace
 */
public record LyapunovOptions(int exponents, int transientSteps, int steps, boolean perNeuron, int checkpoints) {
    public LyapunovOptions {
        Check.positive("lyapunov.exponents", exponents);
        Check.nonNegative("lyapunov.transientSteps", transientSteps);
        Check.positive("lyapunov.steps", steps);
        Check.positive("lyapunov.checkpoints", checkpoints);
    }

    public static LyapunovOptions of(int exponents, int transientSteps, int steps) {
        return new LyapunovOptions(exponents, transientSteps, steps, false, 20);
    }

    public LyapunovOptions withPerNeuron(boolean b) {
        return new LyapunovOptions(exponents, transientSteps, steps, b, checkpoints);
    }
}
