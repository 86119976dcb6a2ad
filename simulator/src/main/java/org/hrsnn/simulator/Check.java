package org.hrsnn.simulator;

/** Argument checks that throw {@link InvalidInputException} naming the field, value and range. */
public final class Check {
    private Check() {
    }

    public static double positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidInputException(field, value, "a finite number > 0");
        }
        return value;
    }

    public static double nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidInputException(field, value, "a finite number >= 0");
        }
        return value;
    }

    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidInputException(field, value, "a finite number (not NaN or infinite)");
        }
        return value;
    }

    public static double probability(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidInputException(field, value, "a probability in [0, 1]");
        }
        return value;
    }

    public static int positive(String field, int value) {
        if (value <= 0) {
            throw new InvalidInputException(field, value, "an integer > 0");
        }
        return value;
    }

    public static int nonNegative(String field, int value) {
        if (value < 0) {
            throw new InvalidInputException(field, value, "an integer >= 0");
        }
        return value;
    }

    public static double inRange(String field, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new InvalidInputException(field, value, "a number in [" + lo + ", " + hi + "]");
        }
        return value;
    }
}
