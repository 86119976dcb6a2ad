package org.hrsnn.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.engine.Engine;
import org.hrsnn.simulator.engine.clock.ClockDrivenEngine;
import org.hrsnn.simulator.engine.event.EventDrivenEngine;

/** The engines the command line can run, by name. */
final class Engines {
    private static final Map<String, Supplier<Engine>> ENGINES = new LinkedHashMap<>();

    static {
        ENGINES.put("event", EventDrivenEngine::new);
        ENGINES.put("clock", ClockDrivenEngine::new);
    }

    private Engines() {
    }

    static List<String> names() {
        return List.copyOf(ENGINES.keySet());
    }

    /** A new engine of that name; an unknown name is a user error naming {@code field}. */
    static Engine create(String field, String name) {
        Supplier<Engine> s = ENGINES.get(name);
        if (s == null) {
            throw new InvalidInputException(field, name, "one of " + names());
        }
        return s.get();
    }
}
