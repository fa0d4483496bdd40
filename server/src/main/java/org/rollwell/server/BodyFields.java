package org.rollwell.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * The fields of the therapy routes' bodies, each refused with its name and reason exactly as the
 * document parsers name theirs: unknown fields, wrong types, numbers that are not whole, dates
 * that are not real days.
 */
final class BodyFields {
    private BodyFields() {
    }

    /** Refuses any field of {@code body} not in {@code allowed}. */
    static void only(ObjectNode body, String prefix, Set<String> allowed) {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiProblem.badField(prefix + Auth.clip(name), "unknown field; expected one of " + String.join(", ",
                        new java.util.TreeSet<>(allowed)));
            }
        }
    }

    static Optional<JsonNode> optional(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    static Optional<String> optionalText(ObjectNode body, String field, String name) {
        Optional<JsonNode> v = optional(body, field);
        if (v.isPresent() && !v.get().isTextual()) {
            throw ApiProblem.badField(name, "must be a string");
        }
        return v.map(JsonNode::asText);
    }

    /** A required whole number in {@code min..max}. */
    static int whole(ObjectNode body, String field, int min, int max) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw ApiProblem.badField(field, "is required");
        }
        if (!v.isNumber() || !v.canConvertToInt() || v.asDouble() != Math.rint(v.asDouble())) {
            throw ApiProblem.badField(field, "must be a whole number " + min + "–" + max);
        }
        int n = v.asInt();
        if (n < min || n > max) {
            throw ApiProblem.badField(field, "must be a whole number " + min + "–" + max + ", was " + n);
        }
        return n;
    }

    /** A date {@code YYYY-MM-DD} that is a real calendar day. */
    static LocalDate date(JsonNode v, String name) {
        if (!v.isTextual() || !v.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw ApiProblem.badField(name, "must be a date YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(v.asText());
        } catch (DateTimeException e) {
            throw ApiProblem.badField(name, "no such day " + Auth.clip(v.asText()));
        }
    }

    /** A query parameter date, or {@code otherwise} when absent. */
    static LocalDate queryDate(String text, String name, LocalDate otherwise) {
        if (text == null || text.isEmpty()) {
            return otherwise;
        }
        return date(com.fasterxml.jackson.databind.node.TextNode.valueOf(text), name);
    }
}
