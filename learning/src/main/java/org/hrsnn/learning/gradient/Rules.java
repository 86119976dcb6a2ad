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

    public static GradientEstimator create(String name, RecurrentSpikingModel model, RandomStreams streams) {
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
