package org.rollwell.therapy.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.rollwell.therapy.anatomy.Level;

/**
 * The one field reader of Rollwell's JSON files. Reads typed values out of a tree and records a
 * {@link Problem} ({@code FILE: PATH: reason}) for each one that is missing, of the wrong type or
 * out of range, instead of throwing, so that a file is refused with all its problems at once.
 * Every reader returns null when it recorded a problem (or when an optional field is absent).
 *
 * <p>One wording throughout: {@code missing; must be 1–10}, {@code must be 30–65 °C, was 70},
 * {@code unknown field; did you mean speedMmPerS?}. An explicit {@code null} is a value, and refused
 * where a field needs a number, a text or a list: leave a field out to leave it unset.
 */
public final class FieldReader {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String LEVELS = "C7, T1–T12, L1–L5, S1";

    private final String file;
    private final List<Problem> problems;

    /** A reader for text that came from no file. */
    public FieldReader() {
        this("");
    }

    /** A reader whose problems name {@code file} (empty: none). */
    public FieldReader(String file) {
        this(file, new ArrayList<>());
    }

    /** A reader that records into {@code problems}, shared with its caller. */
    public FieldReader(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    public List<Problem> problems() {
        return problems;
    }

    public int problemCount() {
        return problems.size();
    }

    public void problem(String path, String reason) {
        problems.add(new Problem(file, path, reason));
    }

    /** Records a problem found by another reader (a profile inside a scenario); it keeps its own file if it has one. */
    public void add(Problem problem) {
        problems.add(file.isEmpty() ? problem : problem.inFile(file));
    }

    /** The path of {@code field} inside the object at {@code path}: {@code $.a.b}, or {@code $.a['odd name']}. */
    public static String child(String path, String field) {
        if (PLAIN_NAME.matcher(field).matches()) {
            return path + "." + field;
        }
        return path + "['" + field.replace("'", "\\'") + "']";
    }

    public static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /** The field's node; null when it is absent (after recording "missing" when {@code required}). */
    public JsonNode field(JsonNode parent, String path, String name, boolean required, String expected) {
        JsonNode node = parent.get(name);
        if (node == null) {
            if (required) {
                problem(child(path, name), "missing; must be " + expected);
            }
            return null;
        }
        return node;
    }

    /** Whether {@code node} is an object; records "must be {@code what}" when it is not. */
    public boolean object(JsonNode node, String path, String what) {
        if (!node.isObject()) {
            problem(path, "must be " + what + ", was " + Shown.value(node));
            return false;
        }
        return true;
    }

    /** Records a problem for every field of {@code object} not in {@code known}. */
    public void unknownFields(JsonNode object, String path, Collection<String> known) {
        unknownFields(object, path, known, name -> null);
    }

    /**
     * Records a problem for every field of {@code object} not in {@code known}; {@code explain} may give a
     * better reason for a known-but-misplaced field (null: none; empty: not a problem after all).
     */
    public void unknownFields(JsonNode object, String path, Collection<String> known, Function<String, String> explain) {
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (known.contains(name)) {
                continue;
            }
            String reason = explain.apply(name);
            if (reason == null) {
                String suggestion = Shown.suggestion(name, known);
                reason = "unknown field" + (suggestion.isEmpty() ? "; known fields are " + String.join(", ", known) : suggestion);
            }
            if (!reason.isEmpty()) {
                problem(child(path, name), reason);
            }
        }
    }

    /**
     * The file's {@code "format"} tag, one of {@code accepted} ({@code "rollwell.program/1"}), or null after
     * recording that it is missing or names a format this Rollwell does not read.
     */
    public String format(JsonNode root, String... accepted) {
        List<String> quoted = new ArrayList<>();
        for (String format : accepted) {
            quoted.add("\"" + format + "\"");
        }
        String expected = String.join(" or ", quoted);
        JsonNode node = field(root, "$", "format", true, expected);
        if (node == null) {
            return null;
        }
        for (String format : accepted) {
            if (node.isTextual() && format.equals(node.textValue())) {
                return format;
            }
        }
        problem("$.format", "must be " + expected + " (the format this Rollwell reads), was " + Shown.value(node));
        return null;
    }

    /** Any text, empty included. */
    public String text(JsonNode parent, String path, String name, boolean required) {
        JsonNode node = field(parent, path, name, required, "a text");
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            problem(child(path, name), "must be a text, was " + Shown.value(node));
            return null;
        }
        return node.textValue();
    }

    /** A text that is not blank and has at most {@code maxLength} characters. */
    public String text(JsonNode parent, String path, String name, int maxLength, boolean required) {
        String value = text(parent, path, name, required);
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            problem(child(path, name), "must not be empty");
            return null;
        }
        if (value.length() > maxLength) {
            problem(child(path, name), "must be at most " + maxLength + " characters, was " + value.length());
            return null;
        }
        return value;
    }

    /** A number in {@code min–max unit}. */
    public Double number(JsonNode parent, String path, String name, double min, double max, String unit,
                         boolean required) {
        return number(parent, path, name, min, max, unit, false, required);
    }

    /** A whole number in {@code min–max unit}; 6.0 (as some writers print 6) is 6, 5.5 is refused. */
    public Integer whole(JsonNode parent, String path, String name, int min, int max, String unit, boolean required) {
        Double value = number(parent, path, name, min, max, unit, true, required);
        return value == null ? null : value.intValue();
    }

    /** A number in {@code min–max unit}; whole numbers only when {@code whole}. */
    public Double number(JsonNode parent, String path, String name, double min, double max, String unit,
                         boolean whole, boolean required) {
        JsonNode node = field(parent, path, name, required, Shown.range(min, max, unit, whole));
        return node == null ? null : numberValue(node, child(path, name), min, max, unit, whole);
    }

    /** {@code node} itself as a number in {@code min–max unit}. */
    public Double numberValue(JsonNode node, String at, double min, double max, String unit, boolean whole) {
        String range = Shown.range(min, max, unit, whole);
        double value = node.isNumber() ? node.doubleValue() : Double.NaN;
        if (!Double.isFinite(value) || value < min || value > max) {
            problem(at, "must be " + range + ", was " + Shown.value(node));
            return null;
        }
        if (whole && value != Math.rint(value)) {
            problem(at, "must be a whole number, " + Shown.range(min, max, unit, false) + ", was " + Shown.value(node));
            return null;
        }
        return value;
    }

    /** Any finite number (a whole one that an int holds, when {@code whole}), for a record that checks its own ranges. */
    public Double finite(JsonNode parent, String path, String name, boolean whole, boolean required) {
        JsonNode node = field(parent, path, name, required, whole ? "a whole number" : "a number");
        if (node == null) {
            return null;
        }
        boolean ok = whole ? node.isIntegralNumber() && node.canConvertToInt()
                : node.isNumber() && Double.isFinite(node.doubleValue());
        if (!ok) {
            problem(child(path, name), "must be " + (whole ? "a whole number" : "a number") + ", was "
                    + Shown.value(node));
            return null;
        }
        return node.doubleValue();
    }

    /** Any whole number a long holds, exactly (a seed): never read through a double. */
    public Long integer(JsonNode parent, String path, String name, boolean required) {
        JsonNode node = field(parent, path, name, required, "a whole number");
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            problem(child(path, name), "must be a whole number, was " + Shown.value(node));
            return null;
        }
        return node.longValue();
    }

    public Boolean bool(JsonNode parent, String path, String name, boolean required) {
        JsonNode node = field(parent, path, name, required, "true or false");
        return node == null ? null : boolValue(node, child(path, name));
    }

    public Boolean boolValue(JsonNode node, String at) {
        if (!node.isBoolean()) {
            problem(at, "must be true or false, was " + Shown.value(node));
            return null;
        }
        return node.booleanValue();
    }

    /** A calendar date written {@code YYYY-MM-DD} (ISO 8601); {@code 2026-02-30} is no date. */
    public LocalDate date(JsonNode parent, String path, String name, boolean required) {
        JsonNode node = field(parent, path, name, required, "a date YYYY-MM-DD");
        if (node == null) {
            return null;
        }
        String at = child(path, name);
        if (!node.isTextual() || !ISO_DATE.matcher(node.textValue()).matches()) {
            problem(at, "must be a date YYYY-MM-DD, was " + Shown.value(node));
            return null;
        }
        try {
            return LocalDate.parse(node.textValue());
        } catch (DateTimeException e) {
            problem(at, "no such date " + Shown.quote(node.textValue()));
            return null;
        }
    }

    /** A vertebral level such as {@code "T8"}, in capitals. */
    public Level level(JsonNode parent, String path, String name, boolean required) {
        JsonNode node = field(parent, path, name, required, "a level (" + LEVELS + ")");
        return node == null ? null : levelValue(node, child(path, name));
    }

    /** {@code node} itself as a level. */
    public Level levelValue(JsonNode node, String at) {
        if (!node.isTextual()) {
            problem(at, "must be a level (" + LEVELS + "), was " + Shown.value(node));
            return null;
        }
        // Level.parse would accept "t8" too; the formats ask for the upper-case name so files read alike.
        for (Level level : Level.values()) {
            if (level.name().equals(node.textValue())) {
                return level;
            }
        }
        problem(at, "unknown level " + Shown.quote(node.textValue()) + "; levels are " + LEVELS);
        return null;
    }

    /** One constant of {@code type}, spelled exactly; {@code what} names it in messages ("technique"). */
    public <E extends Enum<E>> E constant(JsonNode parent, String path, String name, Class<E> type, String what,
                                          boolean required) {
        JsonNode node = field(parent, path, name, required, "one of " + Shown.names(type));
        return node == null ? null : constantValue(node, child(path, name), type, what);
    }

    /** {@code node} itself as one constant of {@code type}. */
    public <E extends Enum<E>> E constantValue(JsonNode node, String at, Class<E> type, String what) {
        String choices = Shown.names(type);
        if (!node.isTextual()) {
            problem(at, "must be a " + what + " (" + choices + "), was " + Shown.value(node));
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(node.textValue())) {
                return constant;
            }
        }
        problem(at, "unknown " + what + " " + Shown.quote(node.textValue()) + "; must be one of " + choices);
        return null;
    }

    /** A list field's node; null when absent (after "missing" when {@code required}) or not a list. */
    public JsonNode array(JsonNode parent, String path, String name, boolean required, String what) {
        JsonNode node = field(parent, path, name, required, "a list of " + what);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            problem(child(path, name), "must be a list of " + what + ", was " + Shown.value(node));
            return null;
        }
        return node;
    }

    /**
     * A list of distinct constants of {@code type}; empty when absent and not {@code required}, null after a
     * problem. A required list must hold at least one.
     */
    public <E extends Enum<E>> List<E> constants(JsonNode parent, String path, String name, Class<E> type, String what,
                                                 boolean required) {
        String at = child(path, name);
        if (!required && parent.get(name) == null) {
            return List.of();
        }
        JsonNode list = array(parent, path, name, required, what + "s (" + Shown.names(type) + ")");
        if (list == null) {
            return null;
        }
        if (required && list.isEmpty()) {
            problem(at, "must list at least one " + what + ": " + Shown.names(type));
            return null;
        }
        int before = problemCount();
        List<E> values = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            E value = constantValue(list.get(i), index(at, i), type, what);
            if (value != null && values.contains(value)) {
                problem(index(at, i), value + " is listed twice");
            } else if (value != null) {
                values.add(value);
            }
        }
        return problemCount() > before ? null : values;
    }
}
