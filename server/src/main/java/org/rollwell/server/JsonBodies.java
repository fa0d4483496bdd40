package org.rollwell.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

/** Reads request bodies as JSON objects and their fields, refusing anything else with the field and reason. */
final class JsonBodies {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        // a hostile body cannot nest deep enough to exhaust the stack (choice: far above any real document)
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
        // JSON has no NaN (RFC 8259 §6): a figure that does not apply (a segment never reached has no force error)
        // is written null, never Jackson's default string "NaN"
        SimpleModule finite = new SimpleModule("finite-numbers");
        finite.addSerializer(Double.class, FiniteDoubles.INSTANCE);
        finite.addSerializer(Double.TYPE, FiniteDoubles.INSTANCE);
        MAPPER.registerModule(finite);
    }

    private JsonBodies() {
    }

    /** The body as a JSON object. @throws ApiProblem 400 naming {@code $} if it is empty, not JSON or not an object */
    static ObjectNode object(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw ApiProblem.badField("$", "a JSON object body is required");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (StreamConstraintsException e) {
            throw ApiProblem.badField("$", "nested too deep or too large for a Rollwell document");
        } catch (JsonProcessingException e) {
            // a limit broken has no location; a syntax error has one
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw ApiProblem.badField("$", "not valid JSON" + where);
        }
        if (node == null || !node.isObject()) {
            throw ApiProblem.badField("$", "must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** A required string field. */
    static String text(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw ApiProblem.badField(field, "is required");
        }
        if (!v.isTextual()) {
            throw ApiProblem.badField(field, "must be a string");
        }
        return v.asText();
    }

    /** A required JSON object field, as its JSON text. */
    static String objectText(ObjectNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw ApiProblem.badField(field, "is required");
        }
        if (!v.isObject()) {
            throw ApiProblem.badField(field, "must be a JSON object (the profile document)");
        }
        return v.toString();
    }

    static void send(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a response", e);
        }
    }
}
