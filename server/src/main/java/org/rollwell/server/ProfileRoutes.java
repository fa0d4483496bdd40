package org.rollwell.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollwell.store.ProfileRepository;
import org.rollwell.store.StoredProfile;

/**
 * /api/profiles and /api/profiles/{id}, always inside the signed-in account: another account's
 * profile id answers 404 exactly as a missing one does, so ids cannot be probed.
 */
final class ProfileRoutes {
    /** Profile ids are the store's UUIDs; anything else cannot name a profile (and is not sent to the database). */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[0-9a-fA-F-]{1,64}");

    private final ProfileRepository profiles;
    private final Auth auth;

    ProfileRoutes(ProfileRepository profiles, Auth auth) {
        this.profiles = profiles;
        this.auth = auth;
    }

    void list(Context ctx) {
        String account = auth.require(ctx);
        List<Map<String, Object>> out = profiles.list(account).stream().map(ProfileRoutes::view).toList();
        JsonBodies.send(ctx, 200, out);
    }

    /** {@code {"name": …, "profile": {rollwell.profile document}}}; 201 with the stored profile. */
    void create(Context ctx) {
        String account = auth.require(ctx);
        ObjectNode body = JsonBodies.object(ctx);
        StoredProfile p = profiles.create(account, JsonBodies.text(body, "name"), JsonBodies.objectText(body, "profile"));
        ctx.header("Location", "/api/profiles/" + p.id());
        JsonBodies.send(ctx, 201, view(p));
    }

    void read(Context ctx) {
        String account = auth.require(ctx);
        String id = id(ctx);
        StoredProfile p = profiles.find(account, id).orElseThrow(() -> missing(id));
        JsonBodies.send(ctx, 200, view(p));
    }

    void update(Context ctx) {
        String account = auth.require(ctx);
        String id = id(ctx);
        ObjectNode body = JsonBodies.object(ctx);
        StoredProfile p = profiles.update(account, id, JsonBodies.text(body, "name"), JsonBodies.objectText(body, "profile"));
        JsonBodies.send(ctx, 200, view(p));
    }

    /** Deletes the profile with everything of theirs; 204. */
    void delete(Context ctx) {
        String account = auth.require(ctx);
        String id = id(ctx);
        if (!profiles.delete(account, id)) {
            throw missing(id);
        }
        ctx.status(204);
    }

    static String id(Context ctx) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches()) {
            throw missing(id);
        }
        return id;
    }

    static ApiProblem missing(String id) {
        return ApiProblem.notFound("path:id", "this account has no profile " + Auth.clip(id));
    }

    private static Map<String, Object> view(StoredProfile p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        try {
            m.put("profile", JsonBodies.MAPPER.readTree(p.json()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored profile is not JSON: " + p.id(), e);
        }
        m.put("createdAt", p.createdAt().toString());
        m.put("updatedAt", p.updatedAt().toString());
        return m;
    }
}
