package org.rollwell.therapy.profile;

import org.rollwell.therapy.input.Problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rollwell.therapy.anatomy.Level;

/**
 * Reads typed fields out of a Jackson tree and collects a {@link Problem} (JSON path and
 * reason) for every field that is missing, of the wrong type or out of range, so that
 * a file is refused with all its problems at once rather than the first.
 */
final class JsonChecks {

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return problems;
    }

    void problem(String path, String reason) {
        problems.add(new Problem(path, reason));
    }

    static String child(String path, String field) {
        return path + "." + field;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /** The node as it appeared in the file, for "was …" in a message. */
    static String shown(JsonNode node) {
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    /** Requires an object; reports every field not in {@code known}. */
    boolean object(JsonNode node, String path, Set<String> known) {
        if (!node.isObject()) {
            problem(path, "must be an object, was " + shown(node));
            return false;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(child(path, name), "unknown field (known: " + String.join(", ", known) + ")");
            }
        }
        return true;
    }

    /** The field's node, or null after reporting it missing when {@code required}. */
    JsonNode field(JsonNode parent, String path, String name, boolean required) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                problem(child(path, name), "missing");
            }
            return null;
        }
        return node;
    }

    /** A number in [min, max]; empty (after reporting) when missing, mistyped or out of range. */
    Optional<Double> number(JsonNode parent, String path, String name, boolean required,
                            double min, double max, String unit) {
        JsonNode node = field(parent, path, name, required);
        if (node == null) {
            return Optional.empty();
        }
        return numberValue(node, child(path, name), min, max, unit);
    }

    Optional<Double> numberValue(JsonNode node, String path, double min, double max, String unit) {
        if (!node.isNumber()) {
            problem(path, "must be a number, was " + shown(node));
            return Optional.empty();
        }
        double value = node.asDouble();
        if (!(value >= min && value <= max)) {
            problem(path, "must be " + plain(min) + "–" + plain(max) + unit + ", was " + shown(node));
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A whole number in [min, max]. */
    Optional<Integer> whole(JsonNode parent, String path, String name, boolean required, int min, int max) {
        JsonNode node = field(parent, path, name, required);
        if (node == null) {
            return Optional.empty();
        }
        String at = child(path, name);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problem(at, "must be a whole number, was " + shown(node));
            return Optional.empty();
        }
        int value = node.asInt();
        if (value < min || value > max) {
            problem(at, "must be " + min + "–" + max + ", was " + value);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    Optional<Boolean> bool(JsonNode parent, String path, String name, boolean required) {
        JsonNode node = field(parent, path, name, required);
        if (node == null) {
            return Optional.empty();
        }
        return boolValue(node, child(path, name));
    }

    Optional<Boolean> boolValue(JsonNode node, String path) {
        if (!node.isBoolean()) {
            problem(path, "must be true or false, was " + shown(node));
            return Optional.empty();
        }
        return Optional.of(node.booleanValue());
    }

    Optional<String> text(JsonNode parent, String path, String name, boolean required) {
        JsonNode node = field(parent, path, name, required);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            problem(child(path, name), "must be a string, was " + shown(node));
            return Optional.empty();
        }
        return Optional.of(node.textValue());
    }

    /** A calendar date written {@code YYYY-MM-DD} (ISO 8601). */
    Optional<LocalDate> date(JsonNode parent, String path, String name, boolean required) {
        Optional<String> text = text(parent, path, name, required);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (!text.get().matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("shape", text.get(), 0);
            }
            return Optional.of(LocalDate.parse(text.get()));
        } catch (DateTimeParseException e) {
            problem(child(path, name), "must be a date YYYY-MM-DD, was \"" + text.get() + "\"");
            return Optional.empty();
        }
    }

    /** A vertebral level C7, T1–T12, L1–L5 or S1, spelled in capitals. */
    Optional<Level> level(JsonNode parent, String path, String name) {
        Optional<String> text = text(parent, path, name, true);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Level> level = Level.parse(text.get());
        if (level.isEmpty() || !level.get().name().equals(text.get())) {
            problem(child(path, name), "unknown level \"" + text.get() + "\" (levels: C7, T1–T12, L1–L5, S1)");
            return Optional.empty();
        }
        return level;
    }

    /** One constant of {@code type}, spelled exactly. */
    <E extends Enum<E>> Optional<E> constant(JsonNode parent, String path, String name, Class<E> type) {
        Optional<String> text = text(parent, path, name, true);
        return text.isEmpty() ? Optional.empty() : constantValue(text.get(), child(path, name), type);
    }

    <E extends Enum<E>> Optional<E> constantValue(String text, String path, Class<E> type) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text)) {
                return Optional.of(value);
            }
        }
        List<String> names = new ArrayList<>();
        for (E value : type.getEnumConstants()) {
            names.add(value.name());
        }
        problem(path, "unknown value \"" + text + "\" (one of " + String.join(", ", names) + ")");
        return Optional.empty();
    }

    /** An array field's node, or null (after reporting a wrong type). Missing is fine: empty. */
    JsonNode array(JsonNode parent, String path, String name) {
        JsonNode node = field(parent, path, name, false);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            problem(child(path, name), "must be an array, was " + shown(node));
            return null;
        }
        return node;
    }

    /** 12.0 as "12", 0.5 as "0.5". */
    static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
