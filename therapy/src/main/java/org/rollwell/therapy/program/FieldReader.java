package org.rollwell.therapy.program;

import org.rollwell.therapy.input.Problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.rollwell.therapy.anatomy.Level;

/**
 * Reads typed values out of a JSON tree and records a {@link Problem} for each
 * one that is missing, of the wrong type or out of range, instead of throwing.
 * Every reader returns null when it recorded a problem.
 */
final class FieldReader {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String LEVELS = "C7, T1–T12, L1–L5, S1";

    private final List<Problem> problems;

    FieldReader(List<Problem> problems) {
        this.problems = problems;
    }

    void problem(String path, String reason) {
        problems.add(new Problem(path, reason));
    }

    int problemCount() {
        return problems.size();
    }

    /** The JSON path of {@code field} inside the object at {@code path}. */
    static String child(String path, String field) {
        if (PLAIN_NAME.matcher(field).matches()) {
            return path + "." + field;
        }
        return path + "['" + field.replace("'", "\\'") + "']";
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /** A required or optional string of at most {@code maxLength} characters, not blank. */
    String text(JsonNode object, String path, String field, int maxLength, boolean required) {
        String at = child(path, field);
        JsonNode node = object.get(field);
        if (node == null) {
            if (required) {
                problem(at, "missing; must be a text");
            }
            return null;
        }
        if (!node.isTextual()) {
            problem(at, "must be a text, was " + describe(node));
            return null;
        }
        String value = node.textValue();
        if (value.isBlank()) {
            problem(at, "must not be empty");
            return null;
        }
        if (value.length() > maxLength) {
            problem(at, "must be at most " + maxLength + " characters, was " + value.length());
            return null;
        }
        return value;
    }

    /** A number in {@code min–max unit}; whole numbers only when {@code whole}. */
    Double number(JsonNode object, String path, String field, double min, double max, String unit,
                  boolean whole, boolean required) {
        String at = child(path, field);
        JsonNode node = object.get(field);
        String range = range(min, max, unit, whole);
        if (node == null) {
            if (required) {
                problem(at, "missing; must be " + range);
            }
            return null;
        }
        if (!node.isNumber()) {
            problem(at, "must be " + range + ", was " + describe(node));
            return null;
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value) || value < min || value > max) {
            problem(at, "must be " + range + ", was " + describe(node));
            return null;
        }
        if (whole && value != Math.rint(value)) {
            problem(at, "must be a whole number, " + range(min, max, unit, false) + ", was " + describe(node));
            return null;
        }
        return value;
    }

    /** A vertebral level such as {@code "T8"}; {@code node} is the value itself. */
    Level level(JsonNode node, String at) {
        if (!node.isTextual()) {
            problem(at, "must be a level (" + LEVELS + "), was " + describe(node));
            return null;
        }
        // Level.parse would accept "t8" too; the format asks for the upper-case name so files read alike.
        String text = node.textValue();
        for (Level level : Level.values()) {
            if (level.name().equals(text)) {
                return level;
            }
        }
        problem(at, "unknown level " + quote(text) + "; levels are " + LEVELS);
        return null;
    }

    /** One constant of {@code type} named exactly by the text {@code node}. */
    <E extends Enum<E>> E constant(JsonNode node, String at, Class<E> type, String what) {
        String choices = names(type);
        if (!node.isTextual()) {
            problem(at, "must be a " + what + " (" + choices + "), was " + describe(node));
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(node.textValue())) {
                return constant;
            }
        }
        problem(at, "unknown " + what + " " + quote(node.textValue()) + "; must be one of " + choices);
        return null;
    }

    /**
     * Records a problem for every field of {@code object} not in {@code allowed};
     * {@code explain} may give a better reason for a known-but-misplaced field (or null).
     */
    void unknownFields(JsonNode object, String path, Collection<String> allowed, Function<String, String> explain) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (allowed.contains(name)) {
                continue;
            }
            String reason = explain.apply(name);
            if (reason == null) {
                reason = "unknown field" + suggestion(name, allowed);
            }
            if (!reason.isEmpty()) {
                problem(child(path, name), reason);
            }
        }
    }

    /** How a JSON value reads in a message: {@code 300}, {@code "fast"}, {@code a list}. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        } else if (node.isNull()) {
            return "null";
        } else if (node.isTextual()) {
            return "the text " + quote(node.textValue());
        } else if (node.isNumber()) {
            return number(node);
        } else if (node.isBoolean()) {
            return String.valueOf(node.booleanValue());
        } else if (node.isArray()) {
            return "a list";
        } else if (node.isObject()) {
            return "an object";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    static String quote(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "\"" + shown + "\"";
    }

    /** A number as a person writes it: 300, not 300.0. */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    static String range(double min, double max, String unit, boolean whole) {
        String text = format(min) + "–" + format(max) + (unit.isEmpty() ? "" : " " + unit);
        return whole ? "a whole number " + text : text;
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        StringBuilder out = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(constant.name());
        }
        return out.toString();
    }

    private static String number(JsonNode node) {
        String text = node.asText();
        if (text.length() > 24) {
            return text.substring(0, 24) + "…";
        }
        if (node.isFloatingPointNumber() && Double.isFinite(node.doubleValue())) {
            return format(node.doubleValue());
        }
        return text;
    }

    /** "; did you mean speedMmPerS?" when a known field is a couple of typos away. */
    private static String suggestion(String name, Collection<String> allowed) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : allowed) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best == null ? "" : "; did you mean " + best + "?";
    }

    /** Levenshtein distance, for suggestions only; long names are not worth comparing. */
    private static int distance(String a, String b) {
        if (a.length() > 64 || b.length() > 64) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
