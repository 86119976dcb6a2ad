package org.hrsnn.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hrsnn.simulator.InvalidInputException;
import org.hrsnn.simulator.engine.Engine;

/** The engines the command line can run, by name. */
final class Engines {
    private static final Map<String, String> CLASSES = new LinkedHashMap<>();

    static {
        CLASSES.put("event", "org.hrsnn.simulator.engine.event.EventDrivenEngine");
        CLASSES.put("clock", "org.hrsnn.simulator.engine.clock.ClockDrivenEngine");
    }

    private Engines() {
    }

    static List<String> names() {
        return List.copyOf(CLASSES.keySet());
    }

    /** A new engine of that name; an unknown name is a user error naming {@code field}. */
    static Engine create(String field, String name) {
        String cls = CLASSES.get(name);
        if (cls == null) {
            throw new InvalidInputException(field, name, "one of " + names());
        }
        return supplier(field, name, cls).get();
    }

    // TODO(cli): construct EventDrivenEngine/ClockDrivenEngine directly once they are merged.
    private static Supplier<Engine> supplier(String field, String name, String cls) {
        return () -> {
            try {
                return (Engine) Class.forName(cls).getDeclaredConstructor().newInstance();
            } catch (ClassNotFoundException e) {
                throw new InvalidInputException(field, name, "an engine present in this build");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create engine " + cls, e);
            }
        };
    }
}
