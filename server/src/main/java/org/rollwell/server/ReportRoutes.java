package org.rollwell.server;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.rollwell.store.Database;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.envelope.SafetyEnvelopes;
import org.rollwell.therapy.history.HistoryWriter;
import org.rollwell.therapy.history.SessionHistory;
import org.rollwell.therapy.plan.DoseAdaptation;
import org.rollwell.therapy.profile.Profile;

/**
 * /api/profiles/{id}/report.pdf, export.zip and export.fhir.json: the same files as {@code rollwell
 * report} and {@code rollwell export --profile ID --account LOGIN}, rendered through the {@link
 * ReportRenderer} port from the signed-in account's own data (another account's profile is 404), and
 * the adaptation log the report lists, for the progress page.
 */
final class ReportRoutes {
    private final Database db;
    private final PersonInForce persons;
    private final ReportRenderer renderer;
    private final Clock clock;
    private final Auth auth;

    /** {@code renderer} may be null: a server without the reports module answers 501. */
    ReportRoutes(Database db, PersonInForce persons, ReportRenderer renderer, Clock clock, Auth auth) {
        this.db = db;
        this.persons = persons;
        this.renderer = renderer;
        this.clock = clock;
        this.auth = auth;
    }

    /** {@code ?date=YYYY-MM-DD} (default today): the file as an attachment named after the profile and day. */
    void send(Context ctx, ReportRenderer.Kind kind) {
        String account = auth.require(ctx);
        String id = ProfileRoutes.id(ctx);
        LocalDate asOf = BodyFields.queryDate(ctx.queryParam("date"), "query:date", persons.today());
        PersonInForce.Person person = persons.load(account, id);
        if (renderer == null) {
            throw new ApiProblem(501, "reports-unavailable", "Not available", "path",
                    "this server was started without the reports module; 'rollwell serve' has it", List.of());
        }
        ReportRenderer.Request request = new ReportRenderer.Request(person.stored().name(), person.profile(),
                db.diary().list(account, id), db.diary().firstSessionDay(account, id), db.sessions().list(account, id),
                asOf, clock.getZone());
        byte[] bytes = renderer.render(kind, request);
        String prefix = kind == ReportRenderer.Kind.PDF ? "rollwell-report-" : "rollwell-export-";
        String file = prefix + fileSafe(person.stored().name()) + "-" + asOf + "." + kind.ending();
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.contentType(kind.contentType());
        ctx.status(200).result(bytes);
    }

    /**
     * {@code {"adaptations":[{"date","change","why"}]}}: each change of dose the adaptation rules made from
     * the stored sessions and their feedback, the same log as the report's (choice: the reference bed's
     * limits and the profile's spine map, as the report states them).
     */
    void adaptations(Context ctx) {
        String account = auth.require(ctx);
        String id = ProfileRoutes.id(ctx);
        Profile profile = persons.load(account, id).profile();
        SessionHistory history = StoredHistory.of(db.sessions().list(account, id), db.diary().list(account, id),
                clock.getZone());
        BedLimits bed = BedLimits.REFERENCE;
        SafetyEnvelope envelope = SafetyEnvelopes.forProfile(profile, profile.spineMapOrNormative(), bed);
        List<Map<String, Object>> log = new ArrayList<>();
        for (DoseAdaptation.Change c : DoseAdaptation.log(profile, envelope, bed, history)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("date", c.after().toString());
            m.put("change", c.what());
            m.put("why", c.why());
            log.add(m);
        }
        JsonBodies.send(ctx, 200, Map.of("adaptations", log));
    }

    /**
     * The stored sessions with what the diary says about each as a {@code rollwell.history/1} file
     * (docs/history-format.md), the file {@code rollwell plan --history} and {@code report --history} read.
     */
    void history(Context ctx) {
        String account = auth.require(ctx);
        String id = ProfileRoutes.id(ctx);
        PersonInForce.Person person = persons.load(account, id);
        SessionHistory history = StoredHistory.of(db.sessions().list(account, id), db.diary().list(account, id),
                clock.getZone());
        ctx.header("Content-Disposition", "attachment; filename=\"rollwell-history-" + fileSafe(person.stored().name())
                + "-" + persons.today() + ".json\"");
        ctx.contentType("application/json").status(200).result(HistoryWriter.write(history));
    }

    /** A name as it may stand in a file name and a quoted header value: letters, digits and dashes (choice). */
    static String fileSafe(String name) {
        String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return safe.isEmpty() ? "profile" : safe.substring(0, Math.min(40, safe.length()));
    }
}
