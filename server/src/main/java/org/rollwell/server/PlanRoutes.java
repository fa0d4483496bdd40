package org.rollwell.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;
import org.rollwell.store.CheckInRepository;
import org.rollwell.store.ProgramRepository;
import org.rollwell.store.SessionRepository;
import org.rollwell.store.StoredCheckIn;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.output.PlanJson;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.SessionPlanner;
import org.rollwell.therapy.program.Program;
import org.rollwell.therapy.screening.Visit;

/**
 * POST /api/profiles/{id}/plan-preview: the plan a session would run now, as {@code rollwell plan
 * --json} writes it (status, reasons, envelope, segments with their {@code why}). Planned on the
 * profile's spine map (measured when one is stored in the profile, else the normative map),
 * today's last check-in (or the profile's answers standing in, as the CLI does without
 * {@code --check-in}), and the stored history, so it blocks for the daily limits as the start will.
 */
final class PlanRoutes {
    private final PersonInForce persons;
    private final CheckInRepository checkIns;
    private final SessionRepository sessions;
    private final ProgramRepository programs;
    private final java.time.Clock clock;
    private final Auth auth;

    PlanRoutes(PersonInForce persons, CheckInRepository checkIns, SessionRepository sessions, ProgramRepository programs,
            java.time.Clock clock, Auth auth) {
        this.persons = persons;
        this.checkIns = checkIns;
        this.sessions = sessions;
        this.programs = programs;
        this.clock = clock;
        this.auth = auth;
    }

    /** {@code {"goal":"RELIEVE_TENSION"} or {"program":"id"}, and "minutes" 10–60}; 200 with the plan, also a blocked one. */
    void preview(Context ctx) {
        String account = auth.require(ctx);
        String id = ProfileRoutes.id(ctx);
        ObjectNode body = JsonBodies.object(ctx);
        BodyFields.only(body, "", Set.of("goal", "program", "minutes"));
        Optional<String> goalText = BodyFields.optionalText(body, "goal", "goal");
        Optional<String> programId = BodyFields.optionalText(body, "program", "program");
        if (goalText.isPresent() == programId.isPresent()) {
            throw ApiProblem.badField(goalText.isPresent() ? "program" : "goal",
                    "give either a goal or a program, not both and not neither");
        }
        int minutes = BodyFields.whole(body, "minutes", SessionPlanner.MIN_MINUTES, SessionPlanner.MAX_MINUTES);
        Goal goal = goalText.map(PlanRoutes::goal).orElse(null);
        Program program = programId.map(p -> ProgramRoutes.find(programs, account, p).orElseThrow(() ->
                ApiProblem.badField("program", "no program " + Auth.clip(p) + "; GET /api/programs lists them"))).orElse(null);

        PersonInForce.Person p = persons.load(account, id);
        java.time.LocalDate today = persons.today();
        Optional<StoredCheckIn> checkIn = checkIns.latestOn(account, id, today);
        Visit visit = (checkIn.isPresent() ? new Visit(today, checkIn.get().checkIn()) : Visit.fromProfile(p.profile(), today))
                .with(sessions.history(account, id), Optional.of(LocalTime.now(clock)));
        SessionPlanner planner = new SessionPlanner(BedLimits.REFERENCE);
        SessionPlan plan = goal != null ? planner.plan(p.profile(), visit, goal, minutes)
                : planner.plan(p.profile(), visit, program, minutes);
        JsonBodies.send(ctx, 200, PlanJson.of(plan));
    }

    private static Goal goal(String text) {
        for (Goal g : Goal.values()) {
            if (g.name().equals(text)) {
                return g;
            }
        }
        StringBuilder names = new StringBuilder();
        for (Goal g : Goal.values()) {
            names.append(names.length() > 0 ? ", " : "").append(g.name());
        }
        throw ApiProblem.badField("goal", "unknown goal " + Auth.clip(text) + "; one of " + names);
    }
}
