package org.rollwell.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.store.Database;
import org.rollwell.store.StoredProfile;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.Reason;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.SessionPlanner;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.ProfileParser;
import org.rollwell.therapy.program.Program;
import org.rollwell.therapy.program.ProgramLibrary;
import org.rollwell.therapy.program.ProgramParser;
import org.rollwell.therapy.screening.Visit;

/**
 * The plan for a session started over the API: the stored profile, today's stored check-in (or the
 * profile's own answers), the stored history (daily limits, the 24 h thermal dose) and the spine map
 * the bed last measured for that profile (else the profile's own or the normative one), through the
 * same {@link SessionPlanner} as {@code rollwell plan}.
 */
final class SessionPlans {
    /** Without "minutes" a session lasts 20 min (choice: the middle of the planner's 10–60). */
    static final int DEFAULT_MINUTES = 20;
    /** Reasons that mean "not today": answered 409 daily-limit as {@link DailyLimits} does, not 403 (DOMAIN.md §5 "Per day"). */
    private static final List<String> DAILY = List.of("DAILY_LIMIT", "TOO_SOON");

    private final Database db;
    private final Clock clock;
    private final SessionPlanner planner;
    /** The last map a scan measured per profile id: a session plans on the measured map (issue 11 item 2). */
    private final Map<String, SpineMap> measured = new ConcurrentHashMap<>();

    SessionPlans(Database db, Clock clock, BedSpec spec) {
        this.db = db;
        this.clock = clock;
        this.planner = new SessionPlanner(spec.limits());
    }

    /** What a start asks for: the profile and its plan. */
    record Planned(StoredProfile profile, SessionPlan plan) {
    }

    void measured(String profileId, SpineMap map) {
        measured.put(profileId, map);
    }

    /** Plans the body's request; refuses a bad field with 400 and a blocked plan with 403, or 409 daily-limit, naming the reasons. */
    Planned plan(String account, ObjectNode body) {
        String profileId = JsonBodies.text(body, "profileId");
        StoredProfile stored = db.profiles().find(account, profileId)
                .orElseThrow(() -> ApiProblem.notFound("profileId", "this account has no profile " + Auth.clip(profileId)));
        int minutes = minutes(body);
        JsonNode goalNode = body.get("goal");
        JsonNode programNode = body.get("program");
        if ((goalNode == null || goalNode.isNull()) == (programNode == null || programNode.isNull())) {
            throw ApiProblem.badField("goal", "give either a goal or a program, not both and not neither");
        }
        Profile profile = parse(stored);
        LocalDate today = LocalDate.now(clock);
        Visit visit = db.checkIns().latestOn(account, profileId, today)
                .map(c -> new Visit(today, c.checkIn()))
                .orElseGet(() -> Visit.fromProfile(profile, today))
                .with(db.sessions().history(account, profileId), Optional.of(LocalTime.now(clock)));
        SpineMap map = measured.getOrDefault(profileId, profile.spineMapOrNormative());
        SessionPlan plan = goalNode != null && !goalNode.isNull()
                ? planner.plan(profile, visit, goal(goalNode), minutes, map)
                : planner.plan(profile, visit, program(account, programNode), minutes, map);
        if (plan.status() == SessionPlan.Status.BLOCKED) {
            throw blocked(plan);
        }
        return new Planned(stored, plan);
    }

    private static int minutes(ObjectNode body) {
        JsonNode m = body.get("minutes");
        if (m == null || m.isNull()) {
            return DEFAULT_MINUTES;
        }
        if (!m.isInt() || m.asInt() < SessionPlanner.MIN_MINUTES || m.asInt() > SessionPlanner.MAX_MINUTES) {
            throw ApiProblem.badField("minutes", "must be a whole number " + SessionPlanner.MIN_MINUTES + "–"
                    + SessionPlanner.MAX_MINUTES);
        }
        return m.asInt();
    }

    private static Goal goal(JsonNode node) {
        if (!node.isTextual()) {
            throw ApiProblem.badField("goal", "must be one of " + List.of(Goal.values()));
        }
        try {
            return Goal.valueOf(node.asText().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badField("goal", "must be one of " + List.of(Goal.values()) + ", was " + Auth.clip(node.asText()));
        }
    }

    private Program program(String account, JsonNode node) {
        if (!node.isTextual()) {
            throw ApiProblem.badField("program", "must be a program's id (GET /api/programs)");
        }
        String id = node.asText();
        Optional<Program> builtIn = ProgramLibrary.builtIn().find(id);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        return db.programs().find(account, id)
                .map(p -> ProgramParser.parse(p.json()))
                .filter(r -> r instanceof ParseResult.Parsed<Program>)
                .map(r -> ((ParseResult.Parsed<Program>) r).value())
                .orElseThrow(() -> ApiProblem.badField("program", "no program " + Auth.clip(id) + " (GET /api/programs)"));
    }

    private static Profile parse(StoredProfile stored) {
        ParseResult<Profile> r = ProfileParser.parse(stored.json());
        if (r instanceof ParseResult.Parsed<Profile> p) {
            return p.value();
        }
        throw new ApiProblem(409, "profile-unreadable", "The profile cannot be planned for", "profileId",
                "the stored profile no longer reads: " + r.problems().get(0).path() + ": " + r.problems().get(0).reason(),
                List.of());
    }

    private static ApiProblem blocked(SessionPlan plan) {
        StringBuilder why = new StringBuilder();
        boolean daily = false;
        for (Reason r : plan.reasons()) {
            why.append(why.length() == 0 ? "" : "; ").append(r.code()).append(": ").append(r.message());
            daily |= DAILY.contains(r.code());
        }
        return daily
                ? DailyLimits.refusal("profileId", why.toString())
                : ApiProblem.forbidden("plan-blocked", "profileId", why.toString());
    }

    /** The plan as the front shows it: status, length, segments, limits and reasons. */
    static Map<String, Object> view(SessionPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", plan.status().name());
        m.put("totalSeconds", plan.totalSeconds());
        m.put("segments", plan.segments().stream().map(SessionPlans::segment).toList());
        if (plan.envelope() != null) {
            m.put("maxForceN", plan.envelope().maxForceN().value());
            m.put("heatAllowed", plan.envelope().heatAllowed());
        }
        m.put("reasons", plan.reasons().stream().map(r -> Map.of("code", r.code(), "message", r.message())).toList());
        return m;
    }

    private static Map<String, Object> segment(PlanSegment s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("technique", s.technique().name());
        m.put("from", s.from().name());
        m.put("to", s.to().name());
        m.put("startMm", s.startMm());
        m.put("endMm", s.endMm());
        m.put("forceN", s.forceN());
        m.put("rollerTempC", s.rollerTempC());
        m.put("seconds", s.seconds());
        m.put("why", s.why());
        return m;
    }
}
