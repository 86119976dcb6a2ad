package org.hrsnn.simulator.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.hrsnn.simulator.InvalidInputException;

/**
 * A node of a parsed configuration tree together with its path ("populations[1].membraneTau"),
 * so that every complaint names the exact place in the file. Objects are read with
 * {@link #keys}, which rejects any key not in the allowed set: a misspelt key never passes
 * silently as a default.
 */
final class ConfigNode {
    private final JsonNode node;
    private final String path;

    ConfigNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    String path() {
        return path;
    }

    JsonNode raw() {
        return node;
    }

    boolean isMissing() {
        return node == null || node.isMissingNode() || node.isNull();
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Requires an object whose keys are all in {@code allowed}. */
    ConfigNode keys(Set<String> allowed) {
        if (!node.isObject()) {
            throw new InvalidInputException(path.isEmpty() ? "(top level)" : path, describe(node),
                    "an object with the keys " + allowed);
        }
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                throw new InvalidInputException(child(k), "unknown key", "one of the keys " + allowed);
            }
        }
        return this;
    }

    boolean has(String key) {
        JsonNode c = node.get(key);
        return c != null && !c.isNull();
    }

    ConfigNode get(String key) {
        return new ConfigNode(node.get(key), child(key));
    }

    /** The named child, which must be present. */
    ConfigNode require(String key, String allowed) {
        ConfigNode c = get(key);
        if (c.isMissing()) {
            throw new InvalidInputException(c.path, "missing", allowed);
        }
        return c;
    }

    List<ConfigNode> elements(String allowed) {
        if (!node.isArray()) {
            throw new InvalidInputException(path, describe(node), allowed);
        }
        List<ConfigNode> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new ConfigNode(node.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    String asText(String allowed) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new InvalidInputException(path, describe(node), allowed);
        }
        return node.asText();
    }

    double asDouble(String allowed) {
        if (!node.isNumber()) {
            throw new InvalidInputException(path, describe(node), allowed);
        }
        double x = node.asDouble();
        if (!Double.isFinite(x)) {
            throw new InvalidInputException(path, x, allowed);
        }
        return x;
    }

    double asPositive() {
        double x = asDouble("a finite number > 0");
        if (!(x > 0)) {
            throw new InvalidInputException(path, x, "a finite number > 0");
        }
        return x;
    }

    double asNonNegative() {
        double x = asDouble("a finite number >= 0");
        if (!(x >= 0)) {
            throw new InvalidInputException(path, x, "a finite number >= 0");
        }
        return x;
    }

    long asLong(String allowed) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new InvalidInputException(path, describe(node), allowed);
        }
        return node.asLong();
    }

    int asInt(String allowed) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidInputException(path, describe(node), allowed);
        }
        return node.asInt();
    }

    int asPositiveInt() {
        int k = asInt("an integer > 0");
        if (k <= 0) {
            throw new InvalidInputException(path, k, "an integer > 0");
        }
        return k;
    }

    int asNonNegativeInt() {
        int k = asInt("an integer >= 0");
        if (k < 0) {
            throw new InvalidInputException(path, k, "an integer >= 0");
        }
        return k;
    }

    boolean asBoolean() {
        if (!node.isBoolean()) {
            throw new InvalidInputException(path, describe(node), "true or false");
        }
        return node.asBoolean();
    }

    /** How a bad value is shown in a message: the scalar itself, or its kind. */
    static Object describe(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return "missing";
        }
        if (n.isNumber()) {
            return n.numberValue();
        }
        if (n.isTextual()) {
            return n.asText();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        return n.isArray() ? "a list" : "an object";
    }
}
