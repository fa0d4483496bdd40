package org.rollwell.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.Set;

/**
 * Writes a double as a JSON number, or {@code null} when it is NaN or infinite: JSON has no such numbers
 * (RFC 8259 §6), and a session record's NaN means "does not apply" (a segment never reached has no force
 * or temperature error). A reader gets the same null back.
 */
final class FiniteDoubles extends StdSerializer<Double> {
    static final FiniteDoubles INSTANCE = new FiniteDoubles();
    /** How Jackson's default wrote non-finite numbers into records stored before this writer (as strings). */
    private static final Set<String> NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");

    private FiniteDoubles() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        if (value == null || !Double.isFinite(value)) {
            gen.writeNull();
        } else {
            gen.writeNumber(value);
        }
    }

    /**
     * A stored record as served: a non-finite number, or a string "NaN"/"Infinity"/"-Infinity" left by a
     * record stored before this writer, becomes null, in place.
     */
    static JsonNode nullNonFinite(JsonNode node) {
        if (node instanceof ObjectNode o) {
            var it = o.fields();
            while (it.hasNext()) {
                var e = it.next();
                if (nonFinite(e.getValue())) {
                    e.setValue(JsonNodeFactory.instance.nullNode());
                } else {
                    nullNonFinite(e.getValue());
                }
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (nonFinite(a.get(i))) {
                    a.set(i, JsonNodeFactory.instance.nullNode());
                } else {
                    nullNonFinite(a.get(i));
                }
            }
        }
        return node;
    }

    private static boolean nonFinite(JsonNode v) {
        return (v.isTextual() && NON_FINITE.contains(v.asText())) || (v.isNumber() && !Double.isFinite(v.asDouble()));
    }
}
