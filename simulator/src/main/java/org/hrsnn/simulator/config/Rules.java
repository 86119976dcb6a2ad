package org.hrsnn.simulator.config;

import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.connectivity.ConnectivityRule;

/** Construction of the connectivity rules that a configuration names. */
final class Rules {
    private Rules() {
    }

    // TODO(cli): replace with the rule classes once they are merged from main.
    private static ConnectivityRule missing(String type) {
        throw new InvalidInputException("rule.type", type, "a rule available in this build (fixedProbability)");
    }

    static ConnectivityRule fixedInDegree(int k, boolean allowAutapses) {
        return missing("fixedInDegree");
    }

    static ConnectivityRule fixedOutDegree(int k, boolean allowAutapses) {
        return missing("fixedOutDegree");
    }

    static ConnectivityRule smallWorld(int k, double rewiring) {
        return missing("smallWorld");
    }

    static ConnectivityRule allToAll(boolean allowAutapses) {
        return missing("allToAll");
    }
}
