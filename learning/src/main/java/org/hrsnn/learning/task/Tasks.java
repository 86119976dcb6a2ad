package org.hrsnn.learning.task;

import java.util.List;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.random.RandomStreams;

/** The generated tasks by name, with their default (published) setups. */
public final class Tasks {
    public static final List<String> NAMES = List.of("pattern-generation", "evidence-accumulation", "store-recall",
            "delayed-match-to-sample", "n-parity", "copy");

    private Tasks() {
    }

    public static Task named(String name, RandomStreams streams) {
        return switch (name) {
            case "pattern-generation" -> new PatternGeneration(streams);
            case "evidence-accumulation" -> new EvidenceAccumulation();
            case "store-recall" -> new StoreRecall();
            case "delayed-match-to-sample" -> new DelayedMatchToSample();
            case "n-parity" -> new NParity();
            case "copy" -> new CopyTask();
            default -> throw new InvalidInputException("task", name, "one of " + NAMES);
        };
    }
}
