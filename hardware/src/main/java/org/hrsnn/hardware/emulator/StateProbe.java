package org.hrsnn.hardware.emulator;

/** Sees the integer state after every step (tests, traces). Must not keep or modify the arrays. */
@FunctionalInterface
public interface StateProbe {
    void afterStep(int step, int[] u, int[] v);
}
