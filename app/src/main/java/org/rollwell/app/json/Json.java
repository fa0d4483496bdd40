package org.rollwell.app.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import org.rollwell.therapy.output.JsonNumbers;

/**
 * The one way Rollwell writes JSON for people and scripts: fields in the order
 * they were put, two-space indentation with {@code \n} line ends on every platform,
 * and numbers in a fixed form ({@link #tenths} renders 12.25 as {@code 12.3} and
 * 120 as {@code 120.0}), so the same answer is byte-identical on every run and
 * every machine. Numbers that are not finite become {@code null}, never
 * {@code NaN}, which JSON cannot carry.
 */
public final class Json {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final ObjectWriter WRITER;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("")
                        .withObjectEmptySeparator(""))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        WRITER = new ObjectMapper().writer(printer);
    }

    private Json() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** {@code value} rounded half-up to 0.1 (mm, N, °C, s), or JSON null when it is not finite. */
    public static JsonNode tenths(double value) {
        return JsonNumbers.tenths(value);
    }

    /** {@code value} rounded half-up to 0.01 (thermal dose, degrees of error), or null when not finite. */
    public static JsonNode hundredths(double value) {
        return JsonNumbers.hundredths(value);
    }

    /** {@code value} rounded half-up to {@code places} decimals, or JSON null when it is not finite (one rule: {@link JsonNumbers}). */
    public static JsonNode decimal(double value, int places) {
        return JsonNumbers.decimal(value, places);
    }

    /**
     * {@code value} as written in a file a person edits: whole numbers without a fraction
     * ({@code 300}), others in the shortest decimal that names them ({@code 1.5}).
     */
    public static JsonNode number(double value) {
        if (!Double.isFinite(value)) {
            return NODES.nullNode();
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return NODES.numberNode((long) value);
        }
        return NODES.numberNode(BigDecimal.valueOf(value));
    }

    /** The node as indented text, ending in a newline. */
    public static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            // A tree built of our own nodes always serialises; reaching this is a bug.
            throw new IllegalStateException("could not write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
