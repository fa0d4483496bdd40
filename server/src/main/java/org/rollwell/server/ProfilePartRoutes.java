package org.rollwell.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rollwell.store.ProfileRepository;
import org.rollwell.store.RefusedInputException;
import org.rollwell.store.StoredProfile;
import org.rollwell.therapy.input.Problem;

/**
 * /api/profiles/{id}/conditions, /painmap and /preferences: parts of the profile document
 * (docs/profile-format.md) read and replaced on their own. A change is written into the document
 * in one transaction and checked by the planner's own profile parser, so the API refuses exactly
 * what {@code rollwell plan} refuses, with the same reasons.
 */
final class ProfilePartRoutes {
    /** One part: the document fields it holds, and whether the body is the part itself (preferences) or wraps them. */
    enum Part {
        CONDITIONS(List.of("conditions"), false),
        PAIN_MAP(List.of("painMap", "triggerPoints"), false),
        PREFERENCES(List.of("preferences"), true);

        final List<String> fields;
        final boolean bodyIsField;

        Part(List<String> fields, boolean bodyIsField) {
            this.fields = fields;
            this.bodyIsField = bodyIsField;
        }
    }

    /** Every field of {@code preferences} (docs/profile-format.md). */
    private static final List<String> PREFERENCE_FIELDS = List.of("intensity", "maxRollerTempC", "heat");

    private final ProfileRepository profiles;
    private final PersonInForce persons;
    private final Auth auth;

    ProfilePartRoutes(ProfileRepository profiles, PersonInForce persons, Auth auth) {
        this.profiles = profiles;
        this.persons = persons;
        this.auth = auth;
    }

    void read(Context ctx, Part part) {
        String account = auth.require(ctx);
        StoredProfile p = persons.stored(account, ProfileRoutes.id(ctx));
        JsonBodies.send(ctx, 200, view(p, part));
    }

    void replace(Context ctx, Part part) {
        String account = auth.require(ctx);
        String id = ProfileRoutes.id(ctx);
        ObjectNode body = JsonBodies.object(ctx);
        if (!part.bodyIsField) {
            BodyFields.only(body, "", Set.copyOf(part.fields));
        }
        // a PUT replaces the whole part: every field is given (an empty array clears a list)
        for (String field : part.bodyIsField ? PREFERENCE_FIELDS : part.fields) {
            if (!body.has(field) || body.get(field).isNull()) {
                throw ApiProblem.badField(field, "is required (the whole part is replaced)");
            }
        }
        StoredProfile changed;
        try {
            changed = profiles.edit(account, id, json -> {
                ObjectNode doc = tree(json);
                if (part.bodyIsField) {
                    doc.set(part.fields.get(0), body);
                } else {
                    for (String field : part.fields) {
                        doc.set(field, body.get(field));
                    }
                }
                return doc.toString();
            });
        } catch (RefusedInputException e) {
            throw new RefusedInputException(e.problems().stream()
                    .map(problem -> new Problem(inBody(problem.path(), part), problem.reason())).toList());
        }
        JsonBodies.send(ctx, 200, view(changed, part));
    }

    /** The parser names {@code $.preferences.intensity}; for the preferences body that is {@code intensity}. */
    private static String inBody(String documentPath, Part part) {
        String prefix = "$." + part.fields.get(0);
        if (part.bodyIsField && documentPath.startsWith(prefix)) {
            String rest = documentPath.substring(prefix.length());
            return rest.isEmpty() ? "$" : rest.startsWith(".") ? rest.substring(1) : "$" + rest;
        }
        return documentPath.startsWith("$.") ? documentPath.substring(2) : documentPath;
    }

    private static Object view(StoredProfile p, Part part) {
        ObjectNode doc = tree(p.json());
        if (part.bodyIsField) {
            JsonNode v = doc.get(part.fields.get(0));
            return v == null ? JsonBodies.MAPPER.createObjectNode() : v;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (String field : part.fields) {
            JsonNode v = doc.get(field);
            m.put(field, v == null ? JsonBodies.MAPPER.createArrayNode() : v);
        }
        return m;
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JsonBodies.MAPPER.readTree(json);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("a stored profile is not a JSON object", e);
        }
    }
}
