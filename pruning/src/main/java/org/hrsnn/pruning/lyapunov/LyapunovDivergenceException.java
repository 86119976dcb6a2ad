package org.hrsnn.pruning.lyapunov;

import org.hrsnn.simulator.InvalidInputException;

/** The dynamics or the tangent growth became NaN or infinite during a Lyapunov run. */
public final class LyapunovDivergenceException extends InvalidInputException {
    public LyapunovDivergenceException(String what, int step) {
        super("lyapunov." + what, "NaN or infinite at step " + step,
                "dynamics that stay finite (lower the coupling or the step, or check the network's weights)");
    }
}
