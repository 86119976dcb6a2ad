package org.hrsnn.simulator;

/**
 * A user mistake in a configuration, a file, a builder call or a command-line flag.
 *
 * <p>The message always names the field, the value that was given and what is allowed, so the
 * command line can print it as it is (exit code 2) without a stack trace.
 */
public class InvalidInputException extends IllegalArgumentException {
    private final String field;
    private final String value;
    private final String allowed;

    public InvalidInputException(String field, Object value, String allowed) {
        super(field + " = " + render(value) + " is not allowed: " + allowed);
        this.field = field;
        this.value = render(value);
        this.allowed = allowed;
    }

    /** For errors that are not about one field's value (a missing file, an unreadable format). */
    public InvalidInputException(String message) {
        super(message);
        this.field = null;
        this.value = null;
        this.allowed = null;
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
        this.field = null;
        this.value = null;
        this.allowed = null;
    }

    private static String render(Object value) {
        if (value instanceof String) {
            return "'" + value + "'";
        }
        return String.valueOf(value);
    }

    /** The offending field (dotted path, with an index for per-neuron arrays), or null. */
    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    public String allowed() {
        return allowed;
    }
}
