package org.rollwell.therapy.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How Rollwell writes numbers in the JSON it hands to people and scripts (the CLI's {@code --json}
 * and the companion API alike): half-up to a fixed number of places ({@link #tenths} renders 12.25
 * as {@code 12.3} and 120 as {@code 120.0}), so the same answer is byte-identical everywhere, and a
 * number that is not finite becomes {@code null}, which JSON can carry, never {@code NaN}.
 */
public final class JsonNumbers {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonNumbers() {
    }

    /** A new object node whose numbers keep their scale (120.0 stays {@code 120.0}). */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** {@code value} rounded half-up to 0.1 (mm, N, °C, s), or JSON null when it is not finite. */
    public static JsonNode tenths(double value) {
        return decimal(value, 1);
    }

    /** {@code value} rounded half-up to 0.01 (thermal dose, degrees of error), or null when not finite. */
    public static JsonNode hundredths(double value) {
        return decimal(value, 2);
    }

    /** {@code value} rounded half-up to {@code places} decimals, or JSON null when it is not finite. */
    public static JsonNode decimal(double value, int places) {
        if (!Double.isFinite(value)) {
            return NODES.nullNode();
        }
        // BigDecimal.valueOf uses the shortest decimal that names the double, so 0.05 rounds
        // to 0.1 as a person expects, and a negative zero becomes 0.0.
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
        if (rounded.signum() == 0) {
            rounded = BigDecimal.ZERO.setScale(places);
        }
        return NODES.numberNode(rounded);
    }
}
