package org.rollwell.app.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Reads typed fields off a JSON object, collecting every problem as {@code PATH: reason}. */
final class Fields {

    private final List<String> problems = new ArrayList<>();

    void problem(String path, String reason) {
        problems.add(path + ": " + reason);
    }

    void problem(String line) {
        problems.add(line);
    }

    List<String> problems() {
        return problems;
    }

    void refuseUnknown(JsonNode object, String path, List<String> known) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(path + "." + name, "unknown field; known fields are " + String.join(", ", known));
            }
        }
    }

    String text(JsonNode object, String path, String name, boolean required) {
        JsonNode node = present(object, path, name, required);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            problem(path + "." + name, "must be text, was " + describe(node));
            return null;
        }
        return node.asText();
    }

    Boolean bool(JsonNode object, String path, String name, boolean required) {
        JsonNode node = present(object, path, name, required);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            problem(path + "." + name, "must be true or false, was " + describe(node));
            return null;
        }
        return node.asBoolean();
    }

    Double number(JsonNode object, String path, String name, boolean required, double min, double max) {
        JsonNode node = present(object, path, name, required);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            problem(path + "." + name, "must be a number, was " + describe(node));
            return null;
        }
        double value = node.asDouble();
        if (!(value >= min && value <= max)) {
            problem(path + "." + name, "must be " + plain(min) + "–" + plain(max) + ", was " + node.asText());
            return null;
        }
        return value;
    }

    Long integer(JsonNode object, String path, String name, boolean required, long min, long max) {
        JsonNode node = present(object, path, name, required);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            problem(path + "." + name, "must be a whole number, was " + describe(node));
            return null;
        }
        long value = node.asLong();
        if (value < min || value > max) {
            problem(path + "." + name, "must be " + min + "–" + max + ", was " + value);
            return null;
        }
        return value;
    }

    private JsonNode present(JsonNode object, String path, String name, boolean required) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                problem(path + "." + name, node == null ? "is missing" : "must not be null");
            }
            return null;
        }
        return node;
    }

    /** A JSON value as a person reads it in a message: {@code "abc"}, {@code 12}, {@code an array}. */
    static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "\"" + node.asText() + "\"";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.toString();
    }

    static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
