package org.rollwell.therapy.input;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;

/** How values read in a message: {@code 300} not {@code 300.0}, {@code the text "fast"}, {@code a list}. */
public final class Shown {

    private Shown() {
    }

    /** How a JSON value reads after "was": {@code 300}, {@code the text "fast"}, {@code a list}, {@code an object}. */
    public static String value(JsonNode node) {
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

    /** {@code text} in quotes, cut at 40 characters. */
    public static String quote(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "\"" + shown + "\"";
    }

    /** A number as a person writes it: 300, not 300.0; 0.5 as 0.5. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /** {@code 1–10 N}, or {@code a whole number 1–10} when only whole numbers are taken. */
    public static String range(double min, double max, String unit, boolean whole) {
        String text = number(min) + "–" + number(max) + (unit.isEmpty() ? "" : " " + unit);
        return whole ? "a whole number " + text : text;
    }

    /** The constants of {@code type}, comma-separated, as a file spells them. */
    public static <E extends Enum<E>> String names(Class<E> type) {
        StringBuilder out = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(constant.name());
        }
        return out.toString();
    }

    /** "; did you mean speedMmPerS?" when a known name is a couple of typos away, else "". */
    static String suggestion(String name, Collection<String> known) {
        String best = null;
        // at most two typos, and fewer in a short name: "note" is not a misspelt "date" (choice)
        int bestDistance = Math.min(3, name.length() / 4 + 1);
        for (String candidate : known) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return best == null ? "" : "; did you mean " + best + "?";
    }

    private static String number(JsonNode node) {
        String text = node.asText();
        if (text.length() > 24) {
            return text.substring(0, 24) + "…";
        }
        if (node.isFloatingPointNumber() && Double.isFinite(node.doubleValue())) {
            return number(node.doubleValue());
        }
        return text;
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
