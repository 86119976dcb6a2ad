package org.hrsnn.learning.gradient;

import java.util.List;
import org.hrsnn.learning.model.RecurrentSpikingModel;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;

/** Learning rules by name: bptt, tbptt-K, bptt-stop-gradient, rtrl, snap-N (snap-1 is the specialised loop), e-prop, e-prop-random. */
public final class Rules {
    public static final List<String> NAMES = List.of("bptt", "tbptt-<window>", "bptt-stop-gradient", "rtrl", "snap-1",
            "snap-2", "snap-<n>", "e-prop", "e-prop-random");

    private Rules() {
    }

    /**
     * The rule of that name. A suffix ":f32" asks for float traces and ":tN" for N threads where the
     * rule supports them (snap-1, e-prop), e.g. "e-prop:f32:t2"; ":lazy" updates the double traces of
     * quiet neurons (psi = 0 at t-1 and t) lazily instead of every step (exact; see LocalTraceEstimator);
     * ":syn" keeps e-prop's eps_v per synapse even when the network has few distinct membrane time constants.
     */
    public static GradientEstimator create(String name, RecurrentSpikingModel model, RandomStreams streams) {
        String[] parts = name.split(":");
        Precision precision = Precision.DOUBLE;
        int threads = 1;
        boolean lazy = false;
        boolean perSynapse = false;
        for (int k = 1; k < parts.length; k++) {
            if (parts[k].equals("f32")) {
                precision = Precision.FLOAT;
            } else if (parts[k].equals("lazy")) {
                lazy = true;
            } else if (parts[k].equals("syn")) {
                perSynapse = true;
            } else if (parts[k].matches("t[1-9][0-9]?")) {
                threads = Integer.parseInt(parts[k].substring(1));
            } else {
                throw new InvalidInputException("rule", name, "a rule name with optional suffixes :f32, :t<threads>, :lazy and :syn");
            }
        }
        if (parts.length > 1) {
            switch (parts[0]) {
                case "snap-1":
                    if (perSynapse) {
                        throw new InvalidInputException("rule", name, "snap-1 without :syn (its traces are always per synapse)");
                    }
                    return new SnapOne(model, precision, threads, lazy);
                case "e-prop":
                    return Eprop.symmetric(model, precision, threads, lazy, !perSynapse);
                default:
                    throw new InvalidInputException("rule", name, "suffixes :f32 / :t<threads> / :lazy / :syn only for snap-1 and e-prop");
            }
        }
        switch (name) {
            case "bptt":
                return new Bptt(model);
            case "bptt-stop-gradient":
                return new Bptt(model, Integer.MAX_VALUE, true);
            case "rtrl":
                return new Rtrl(model);
            case "snap-1":
                return new SnapOne(model);
            case "e-prop":
                return Eprop.symmetric(model);
            case "e-prop-random":
                return Eprop.randomFeedback(model, streams);
            default:
                break;
        }
        if (name.startsWith("snap-")) {
            return new SnapN(model, parse(name, "snap-"));
        }
        if (name.startsWith("tbptt-")) {
            return new TruncatedBptt(model, parse(name, "tbptt-"));
        }
        throw new InvalidInputException("rule", name, "one of " + NAMES);
    }

    private static int parse(String name, String prefix) {
        try {
            int v = Integer.parseInt(name.substring(prefix.length()));
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new InvalidInputException("rule", name, prefix + "<integer >= 1>");
    }
}
