package org.hrsnn.hardware;

/**
 * One finding of the quantiser or the mapper: what is wrong or approximated, where (a neuron,
 * projection, synapse or core), and why. ERROR means the network cannot run on the chip as
 * described (nothing is written); WARNING means it runs with the stated approximation.
 */
public record Issue(Severity severity, String what, String where, String why) {
    public enum Severity { WARNING, ERROR }

    public static Issue error(String what, String where, String why) {
        return new Issue(Severity.ERROR, what, where, why);
    }

    public static Issue warning(String what, String where, String why) {
        return new Issue(Severity.WARNING, what, where, why);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + ": " + what + " at " + where + ": " + why;
    }
}
