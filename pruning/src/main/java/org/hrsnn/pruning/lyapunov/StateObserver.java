package org.hrsnn.pruning.lyapunov;

/** Sees the state at every measured step of a Lyapunov run (must not keep the array). */
@FunctionalInterface
public interface StateObserver {
    void observe(double[] state);
}
