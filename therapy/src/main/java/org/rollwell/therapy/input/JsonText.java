package org.rollwell.therapy.input;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Turns the text of a file a person wrote into a JSON tree, or records one {@link Problem} at
 * {@code $} saying why it is not one: empty, YAML ("only JSON is read"), or not valid JSON with
 * the line and column. A UTF-8 byte order mark (which Windows editors write) is skipped, not refused.
 */
public final class JsonText {

    /** U+FEFF, the byte order mark: as UTF-8 it is EF BB BF at the start of the file. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    // Duplicate keys would silently hide one value; trailing content means a broken file.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A first line that reads as YAML: a document marker, or {@code key:} / {@code - item} at the start. */
    private static final Pattern YAML_START = Pattern.compile(
            "(?s)(---|%YAML|([A-Za-z_][\\w-]*|\"[^\"]*\"|'[^']*')\\s*:(\\s|$)|- ).*");

    private JsonText() {
    }

    /**
     * Reads the text of {@code file} (empty: no file) with {@code reader}, which takes the root object and the
     * field reader and gives the value, or null after recording why: the value, or every problem found.
     */
    public static <T> ParseResult<T> read(String file, String text, String what,
                                          BiFunction<JsonNode, FieldReader, T> reader) {
        FieldReader fields = new FieldReader(file);
        JsonNode root = object(text, fields, what);
        T value = root == null ? null : reader.apply(root, fields);
        if (value == null && fields.problemCount() == 0) {
            // a reader that gives nothing says why; reaching this is a bug in that reader, not the person's file
            throw new IllegalStateException("a reader of " + what + " gave no value and no problem");
        }
        if (value == null || fields.problemCount() > 0) {
            return new ParseResult.Refused<>(fields.problems());
        }
        return new ParseResult.Parsed<>(value);
    }

    /**
     * The tree of {@code text}, an object as {@code what} describes it ({@code "a rollwell.profile/1 object"}),
     * or null after recording at {@code $} why it is not one.
     */
    public static JsonNode object(String text, FieldReader fields, String what) {
        JsonNode root = tree(text, fields, what);
        if (root != null && !root.isObject()) {
            fields.problem("$", "must be " + what + ", was " + Shown.value(root));
            return null;
        }
        return root;
    }

    /** The tree of {@code text} (any JSON value), or null after recording why there is none. */
    public static JsonNode tree(String text, FieldReader fields, String what) {
        String json = withoutByteOrderMark(text == null ? "" : text);
        if (json.isBlank()) {
            fields.problem("$", "empty; expected " + what);
            return null;
        }
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || root.isMissingNode()) {
                fields.problem("$", "empty; expected " + what);
                return null;
            }
            return root;
        } catch (JacksonException e) {
            if (looksLikeYaml(json)) {
                fields.problem("$", "only JSON is read, and this looks like YAML; write it as " + what
                        + " ({\"field\": value, ...})");
                return null;
            }
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            fields.problem("$", "not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()));
            return null;
        }
    }

    static String withoutByteOrderMark(String text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }

    /** Whether text that is not JSON reads as YAML: its first line that is not a comment starts like YAML. */
    static boolean looksLikeYaml(String text) {
        for (String line : text.split("\n", 50)) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            return YAML_START.matcher(stripped).matches();
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        String line = end < 0 ? message : message.substring(0, end);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
