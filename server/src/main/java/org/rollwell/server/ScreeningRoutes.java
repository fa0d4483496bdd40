package org.rollwell.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rollwell.store.CheckInRepository;
import org.rollwell.store.ScreeningRepository;
import org.rollwell.store.StoredCheckIn;
import org.rollwell.store.StoredClearance;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.profile.CheckIn;
import org.rollwell.therapy.profile.Clearance;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.screening.Screening;
import org.rollwell.therapy.screening.ScreeningId;
import org.rollwell.therapy.screening.Visit;

/**
 * /api/profiles/{id}/screening, /clearances and /checkin: the safety screening's answers and its
 * verdict, the clinician clearances that lift a history flag, and today's check-in, each inside the
 * signed-in account (another account's profile answers 404).
 */
final class ScreeningRoutes {
    private final PersonInForce persons;
    private final ScreeningRepository screening;
    private final CheckInRepository checkIns;
    private final DailyLimits limits;
    private final Auth auth;

    ScreeningRoutes(PersonInForce persons, ScreeningRepository screening, CheckInRepository checkIns, DailyLimits limits,
            Auth auth) {
        this.persons = persons;
        this.screening = screening;
        this.checkIns = checkIns;
        this.limits = limits;
        this.auth = auth;
    }

    /** The answers in force, the questions still unanswered, and the verdict as of today. */
    void readScreening(Context ctx) {
        String account = auth.require(ctx);
        JsonBodies.send(ctx, 200, screeningView(persons.load(account, ProfileRoutes.id(ctx))));
    }

    /** {@code {"answers":{"RF_…":true|false,…}}}: records the answers given (some or all), dated today. */
    void answer(Context ctx) {
        String account = auth.require(ctx);
        String id = ProfileRoutes.id(ctx);
        ObjectNode body = JsonBodies.object(ctx);
        BodyFields.only(body, "", Set.of("answers"));
        JsonNode answers = body.get("answers");
        if (answers == null || !answers.isObject()) {
            throw ApiProblem.badField("answers", "must be an object of screening id → true or false");
        }
        Map<ScreeningId, Boolean> given = new EnumMap<>(ScreeningId.class);
        answers.fields().forEachRemaining(e -> {
            ScreeningId sid = ScreeningId.parse(e.getKey()).orElseThrow(() -> ApiProblem.badField(
                    "answers." + Auth.clip(e.getKey()), "unknown screening id; the ids are listed by rollwell screening questions"));
            if (!e.getValue().isBoolean()) {
                throw ApiProblem.badField("answers." + sid, "must be true or false");
            }
            given.put(sid, e.getValue().asBoolean());
        });
        persons.stored(account, id);
        screening.recordAnswers(account, id, given, persons.today());
        JsonBodies.send(ctx, 200, screeningView(persons.load(account, id)));
    }

    void readClearances(Context ctx) {
        String account = auth.require(ctx);
        JsonBodies.send(ctx, 200, clearancesView(persons.load(account, ProfileRoutes.id(ctx))));
    }

    /** {@code {"clearances":[{"id","clinician","date","note"}]}}: replaces the recorded clearances, all or none. */
    void replaceClearances(Context ctx) {
        String account = auth.require(ctx);
        String id = ProfileRoutes.id(ctx);
        ObjectNode body = JsonBodies.object(ctx);
        BodyFields.only(body, "", Set.of("clearances"));
        JsonNode list = body.get("clearances");
        if (list == null || !list.isArray()) {
            throw ApiProblem.badField("clearances", "must be an array of {\"id\",\"clinician\",\"date\",\"note\"}");
        }
        List<Clearance> clearances = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            clearances.add(clearance(list.get(i), "clearances[" + i + "]"));
        }
        persons.stored(account, id);
        screening.replaceClearances(account, id, clearances);
        JsonBodies.send(ctx, 200, clearancesView(persons.load(account, id)));
    }

    /**
     * A {@code rollwell.checkin/1} document (docs/checkin-format.md; {@code format} and {@code date}
     * may be left out: this format and today). 201 with today's verdict and the daily limits.
     */
    void checkIn(Context ctx) {
        String account = auth.require(ctx);
        String id = ProfileRoutes.id(ctx);
        ObjectNode body = JsonBodies.object(ctx);
        LocalDate today = persons.today();
        if (!body.has("format")) {
            body.put("format", CheckIn.FORMAT);
        }
        if (!body.has("date")) {
            body.put("date", today.toString());
        } else if (BodyFields.date(body.get("date"), "date").isAfter(today)) {
            throw ApiProblem.badField("date", "a check-in cannot be dated after today (" + today + ")");
        }
        persons.stored(account, id);
        StoredCheckIn stored = checkIns.add(account, id, body.toString());
        PersonInForce.Person p = persons.load(account, id);
        Visit visit = new Visit(today, stored.checkIn());
        Profile person = visit.personToday(p.profile());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", stored.id());
        out.put("date", stored.checkIn().date().toString());
        out.put("painNowNrs", stored.checkIn().painNowNrs().isPresent() ? stored.checkIn().painNowNrs().getAsInt() : null);
        out.putAll(ScreeningVerdict.of(Screening.screen(p.profile(), visit, BedLimits.REFERENCE), person, true));
        out.put("dailyLimits", limits.check(account, id, 0).view());
        ctx.header("Location", "/api/profiles/" + id + "/checkin");
        JsonBodies.send(ctx, 201, out);
    }

    /** Whether a session may start now by the daily limits (DOMAIN.md §5), from the stored history. */
    void dailyLimits(Context ctx) {
        String account = auth.require(ctx);
        String id = ProfileRoutes.id(ctx);
        persons.stored(account, id);
        JsonBodies.send(ctx, 200, limits.check(account, id, 0).view());
    }

    private Map<String, Object> screeningView(PersonInForce.Person p) {
        LocalDate today = persons.today();
        Profile person = p.profile();
        Map<String, Object> answers = new LinkedHashMap<>();
        Map<String, Object> answeredOn = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ScreeningId sid : ScreeningId.values()) {
            Boolean a = person.answers().get(sid);
            if (a == null) {
                missing.add(sid.name());
                continue;
            }
            answers.put(sid.name(), a);
            answeredOn.put(sid.name(), p.recordedAnswers().containsKey(sid)
                    ? p.recordedAnswers().get(sid).answeredOn().toString() : null);
        }
        // screened on today's day with the profile's answers standing in for a check-in, so
        // clearances are dated against today; the check-in's own blocks are the check-in's business
        Visit visit = Visit.fromProfile(person, today);
        Map<String, Object> out = new LinkedHashMap<>(ScreeningVerdict.of(Screening.screen(person, visit, BedLimits.REFERENCE),
                person, false));
        out.put("answers", answers);
        out.put("answeredOn", answeredOn);
        out.put("missing", missing);
        return out;
    }

    private Map<String, Object> clearancesView(PersonInForce.Person p) {
        LocalDate today = persons.today();
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredClearance c : p.recordedClearances()) {
            out.add(clearanceView(c.clearance(), "RECORDED", today));
        }
        Profile document = PersonInForce.parse(p.stored());
        for (Clearance c : document.clearances()) {
            out.add(clearanceView(c, "PROFILE", today));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("clearances", out);
        return m;
    }

    private static Map<String, Object> clearanceView(Clearance c, String source, LocalDate today) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id().name());
        m.put("clinician", c.clinician());
        m.put("date", c.date().map(LocalDate::toString).orElse(null));
        m.put("note", c.note());
        m.put("validUntil", c.lastValidDay().map(LocalDate::toString).orElse(null));
        // DOMAIN.md §5: valid 12 months from its date; dated in the future or expired, it does not count
        m.put("countsToday", c.date().isPresent() && !c.date().get().isAfter(today)
                && !today.isAfter(c.lastValidDay().get()));
        m.put("source", source);
        return m;
    }

    private Clearance clearance(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw ApiProblem.badField(at, "must be an object {\"id\",\"clinician\",\"date\",\"note\"}");
        }
        ObjectNode o = (ObjectNode) node;
        BodyFields.only(o, at + ".", Set.of("id", "clinician", "date", "note"));
        String idText = BodyFields.optionalText(o, "id", at + ".id")
                .orElseThrow(() -> ApiProblem.badField(at + ".id", "is required"));
        ScreeningId sid = ScreeningId.parse(idText).orElseThrow(() -> ApiProblem.badField(at + ".id", "unknown screening id"));
        if (sid.effect() != ScreeningId.Effect.BLOCK_UNLESS_CLEARED) {
            throw ApiProblem.badField(at + ".id", sid + " cannot be cleared by a clinician"
                    + (sid.symptomNow() ? ": a symptom now is asked at every check-in and never cleared ahead" : ""));
        }
        String clinician = BodyFields.optionalText(o, "clinician", at + ".clinician").map(String::strip).orElse("");
        if (clinician.isEmpty() || clinician.length() > ScreeningRepository.MAX_CLINICIAN) {
            throw ApiProblem.badField(at + ".clinician",
                    "must name the clinician in 1–" + ScreeningRepository.MAX_CLINICIAN + " characters");
        }
        JsonNode dateNode = BodyFields.optional(o, "date")
                .orElseThrow(() -> ApiProblem.badField(at + ".date", "is required: a clearance counts for 12 months from its date"));
        LocalDate date = BodyFields.date(dateNode, at + ".date");
        if (date.isAfter(persons.today())) {
            throw ApiProblem.badField(at + ".date", "is after today; record a clearance once it is given");
        }
        String note = BodyFields.optionalText(o, "note", at + ".note").orElse("");
        if (note.length() > ScreeningRepository.MAX_NOTE) {
            throw ApiProblem.badField(at + ".note", "must be at most " + ScreeningRepository.MAX_NOTE + " characters");
        }
        return new Clearance(sid, clinician, Optional.of(date), note);
    }
}
