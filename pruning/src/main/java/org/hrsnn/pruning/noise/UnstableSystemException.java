package org.hrsnn.pruning.noise;

import org.hrsnn.simulator.InvalidInputException;

/** A x has an eigenvalue with real part >= 0: no stationary covariance exists. */
public final class UnstableSystemException extends InvalidInputException {
    public UnstableSystemException(String detail) {
        super("noise.linearisation", detail, "a stable linearisation (every eigenvalue of A with negative real part)");
    }
}
