package org.rollwell.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading answers and building bodies in the API tests. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    static String field(String json, String name) {
        JsonNode v = tree(json).get(name);
        return v == null ? null : v.asText();
    }

    static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** examples/profiles/NAME.json of the repository. */
    static String sampleProfile(String name) {
        try {
            return Files.readString(Path.of("..", "examples", "profiles", name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of POST/PUT /api/profiles. */
    static String profileBody(String name, String profileJson) {
        return "{\"name\":" + quote(name) + ",\"profile\":" + profileJson + "}";
    }
}
