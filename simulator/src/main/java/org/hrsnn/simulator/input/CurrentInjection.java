package org.hrsnn.simulator.input;

import org.hrsnn.simulator.Check;
import org.hrsnn.simulator.InvalidInputException;

/**
 * A current step added to the bias of the given neurons: {@code amplitude} nA from
 * {@code startMs} (inclusive) to {@code stopMs} (exclusive; infinity for a constant current).
 * Piecewise-constant, so both engines integrate it exactly between its switching times.
 */
public record CurrentInjection(String name, int[] neurons, double amplitude, double startMs, double stopMs) {
    public CurrentInjection {
        Check.finite(name + ".amplitude", amplitude);
        Check.nonNegative(name + ".start", startMs);
        if (!(stopMs > startMs)) {
            throw new InvalidInputException(name + ".stop", stopMs, "a time > start (" + startMs + " ms)");
        }
    }

    public static CurrentInjection constant(String name, int[] neurons, double amplitude) {
        return new CurrentInjection(name, neurons, amplitude, 0, Double.POSITIVE_INFINITY);
    }
}
