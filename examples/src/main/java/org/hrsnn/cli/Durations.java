package org.hrsnn.cli;

import java.util.Locale;
import org.hrsnn.simulator.InvalidInputException;

/** Parses durations with a unit, as written on the command line: "500ms", "1s", "0.1ms", "2.5 s". */
final class Durations {
    static final String ALLOWED = "a duration > 0 with a unit, e.g. 0.1ms, 500ms or 1s";

    private Durations() {
    }

    /** The duration in ms; {@code field} names the flag in the error. */
    static double millis(String field, String text) {
        String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        double factor;
        String number;
        if (s.endsWith("ms")) {
            factor = 1.0;
            number = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s")) {
            factor = 1000.0;
            number = s.substring(0, s.length() - 1);
        } else {
            throw new InvalidInputException(field, text, ALLOWED);
        }
        double x;
        try {
            x = Double.parseDouble(number.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, text, ALLOWED);
        }
        double ms = x * factor;
        if (!(ms > 0) || Double.isInfinite(ms)) {
            throw new InvalidInputException(field, text, ALLOWED);
        }
        return ms;
    }
}
