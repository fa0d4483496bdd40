package org.rollwell.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollwell.bed.session.Adjustment;
import org.rollwell.companion.BedRefusal;
import org.rollwell.companion.BedService;
import org.rollwell.companion.Owner;
import org.rollwell.companion.SessionHandle;
import org.rollwell.store.NewSession;
import org.rollwell.store.SessionRepository;
import org.rollwell.store.StoredSession;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.technique.Intensity;

/**
 * /api/sessions: start one on the bed, act on the current one (pause, resume, stop, one step of
 * intensity or heat, acknowledge a fault), and read the history with its records. Only the account
 * whose session runs can act on it or see it; to another it answers as if none ran.
 */
final class SessionRoutes {
    private final BedLink bed;
    private final SessionPlans plans;
    private final SessionRepository sessions;
    private final Auth auth;

    SessionRoutes(BedLink bed, SessionPlans plans, SessionRepository sessions, Auth auth) {
        this.bed = bed;
        this.plans = plans;
        this.sessions = sessions;
        this.auth = auth;
    }

    /** {@code {"profileId", "goal"|"program", "minutes"?}}: 201 with the stored id and the plan. */
    void start(Context ctx) {
        String account = auth.require(ctx);
        BedService service = bed.require();
        try {
            // one bed, one session: a busy bed answers before the plan does (the start checks again)
            service.requireFree();
        } catch (BedRefusal e) {
            throw BedLink.problem(e);
        }
        SessionPlans.Planned planned = plans.plan(account, JsonBodies.object(ctx));
        SessionBook book = new SessionBook(sessions, account);
        SessionHandle handle;
        try {
            handle = service.startSession(planned.plan(),
                    new Owner(account, planned.profile().id(), planned.profile().name()), book);
        } catch (BedRefusal e) {
            throw BedLink.problem(e);
        }
        StoredSession stored;
        try {
            stored = sessions.start(account, planned.profile().id(), new NewSession(intensity(planned.plan().segments()),
                    planned.plan().totalSeconds(), SessionBook.json(SessionPlans.view(planned.plan()))));
        } catch (RuntimeException e) {
            handle.stopSession("the session could not be stored");
            throw e;
        }
        book.stored(stored.id());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", stored.id());
        out.put("state", "RUNNING");
        out.put("plan", SessionPlans.view(planned.plan()));
        ctx.header("Location", "/api/sessions/" + stored.id());
        JsonBodies.send(ctx, 201, out);
    }

    void pause(Context ctx) {
        SessionHandle s = mine(ctx);
        s.pause();
        JsonBodies.send(ctx, 200, Map.of("state", "PAUSED"));
    }

    void resume(Context ctx) {
        SessionHandle s = mine(ctx);
        s.resume();
        JsonBodies.send(ctx, 200, Map.of("state", "RUNNING"));
    }

    void stop(Context ctx) {
        SessionHandle s = mine(ctx);
        s.stopSession();
        JsonBodies.send(ctx, 200, Map.of("state", "COOLDOWN"));
    }

    void acknowledge(Context ctx) {
        String account = auth.require(ctx);
        try {
            bed.require().acknowledge(account);
        } catch (BedRefusal e) {
            throw ApiProblem.conflict("$", e.getMessage());
        }
        JsonBodies.send(ctx, 200, Map.of("state", "IDLE"));
    }

    /** {@code {"intensity": +1|-1}} or {@code {"heat": +1|-1}}: 200 with the new setpoint, 409 naming the limit. */
    void adjust(Context ctx) {
        SessionHandle s = mine(ctx);
        ObjectNode body = JsonBodies.object(ctx);
        boolean intensity = body.has("intensity");
        if (intensity == body.has("heat")) {
            throw ApiProblem.badField("intensity", "give either intensity or heat, +1 or -1");
        }
        String field = intensity ? "intensity" : "heat";
        JsonNode v = body.get(field);
        if (!v.isInt() || Math.abs(v.asInt()) != 1) {
            throw ApiProblem.badField(field, "must be +1 or -1: one step at a time");
        }
        Adjustment a = intensity ? s.stepIntensity(v.asInt()) : s.stepHeat(v.asInt());
        if (!a.accepted()) {
            throw new ApiProblem(409, "at-limit", "At the limit", field, a.limit().name() + ": " + a.reason(), List.of());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("forceScale", s.forceScale());
        out.put("rollerTargetC", s.rollerTargetC());
        out.put("detail", a.reason());
        JsonBodies.send(ctx, 200, out);
    }

    /** {@code ?profileId=}: the profile's sessions, newest first. */
    void list(Context ctx) {
        String account = auth.require(ctx);
        String profileId = ctx.queryParam("profileId");
        if (profileId == null || profileId.isBlank()) {
            throw ApiProblem.badField("query:profileId", "is required");
        }
        JsonBodies.send(ctx, 200, sessions.list(account, profileId).stream().map(s -> view(s, false)).toList());
    }

    void read(Context ctx) {
        String account = auth.require(ctx);
        String id = ctx.pathParam("id");
        StoredSession s = sessions.find(account, id)
                .orElseThrow(() -> ApiProblem.notFound("path:id", "this account has no session " + Auth.clip(id)));
        JsonBodies.send(ctx, 200, view(s, true));
    }

    private SessionHandle mine(Context ctx) {
        String account = auth.require(ctx);
        return bed.require().session().filter(s -> s.owner().accountId().equals(account))
                .orElseThrow(() -> new ApiProblem(404, "no-session", "No session", "$",
                        "no session of this account is on the bed", List.of()));
    }

    /** The plan's working intensity: its strongest segment on the 1–10 scale. */
    private static int intensity(List<PlanSegment> segments) {
        double max = 0;
        for (PlanSegment s : segments) {
            max = Math.max(max, s.forceN());
        }
        return Math.max(Intensity.MIN, Math.min(Intensity.MAX, (int) Math.round(max / Intensity.STEP_N)));
    }

    private static Map<String, Object> view(StoredSession s, boolean withRecord) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("profileId", s.profileId());
        m.put("status", s.status().name());
        m.put("startedAt", s.startedAt().toString());
        m.put("endedAt", s.endedAt().map(Object::toString).orElse(null));
        m.put("intensity", s.intensity());
        m.put("plannedS", s.plannedS());
        m.put("deliveredS", s.deliveredS());
        m.put("cem43MaxBandMin", s.cem43MaxBandMin());
        if (withRecord) {
            m.put("plan", tree(s.planJson()));
            // a record stored before non-finite figures were written null may hold "NaN": served null all the same
            m.put("record", s.recordJson().map(SessionRoutes::tree).map(FiniteDoubles::nullNonFinite).orElse(null));
            m.put("checkpoint", s.checkpointJson().map(SessionRoutes::tree).orElse(null));
        }
        return m;
    }

    private static JsonNode tree(String json) {
        try {
            return JsonBodies.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored session holds text that is not JSON", e);
        }
    }
}
