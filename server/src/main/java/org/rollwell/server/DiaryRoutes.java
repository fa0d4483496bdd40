package org.rollwell.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rollwell.store.DiaryRepository;
import org.rollwell.store.NotFoundException;
import org.rollwell.store.StoredDiaryEntry;
import org.rollwell.therapy.diary.Diary;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.diary.DiaryParser;
import org.rollwell.therapy.diary.EntryKind;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.input.Problem;
import org.rollwell.therapy.output.ProgressJson;
import org.rollwell.therapy.outcomes.ProgressMeasure;

/**
 * /api/profiles/{id}/pain and /progress: the pain diary's entries in the {@code rollwell.diary/1}
 * kinds (docs/diary-format.md: NRS daily, before and after a session, PEG, PGIC, feedback), each
 * checked by the same {@link DiaryParser} as {@code rollwell progress}, and the progress stated
 * from the stored entries exactly as {@code rollwell progress --json} states it from a file. The
 * first session that delivered anything ends the baseline.
 */
final class DiaryRoutes {
    private final DiaryRepository diary;
    private final PersonInForce persons;
    private final Auth auth;

    DiaryRoutes(DiaryRepository diary, PersonInForce persons, Auth auth) {
        this.diary = diary;
        this.persons = persons;
        this.auth = auth;
    }

    /** {@code {"format","firstSessionDate","entries":[{"id","date","kind",…,"sessionId"}]}}, oldest first. */
    void list(Context ctx) {
        String account = auth.require(ctx);
        String id = ProfileRoutes.id(ctx);
        persons.stored(account, id);
        Optional<LocalDate> first = diary.firstSessionDay(account, id);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (StoredDiaryEntry e : diary.list(account, id)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.putAll(fields(e.entry()));
            m.put("sessionId", e.sessionId().orElse(null));
            entries.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", Diary.FORMAT);
        out.put("firstSessionDate", first.map(LocalDate::toString).orElse(null));
        out.put("entries", entries);
        JsonBodies.send(ctx, 200, out);
    }

    /**
     * One entry as a diary file holds it ({@code date} may be left out: today), optionally with the
     * {@code sessionId} it is about; 201 with the stored entry. 409 for a second NRS_DAILY, PEG or PGIC on a day.
     */
    void add(Context ctx) {
        String account = auth.require(ctx);
        String id = ProfileRoutes.id(ctx);
        ObjectNode body = JsonBodies.object(ctx);
        LocalDate today = persons.today();
        Optional<String> sessionId = BodyFields.optionalText(body, "sessionId", "sessionId");
        ObjectNode entryNode = body.deepCopy();
        entryNode.remove("sessionId");
        if (!entryNode.has("date")) {
            entryNode.put("date", today.toString());
        }
        persons.stored(account, id);
        Optional<LocalDate> first = diary.firstSessionDay(account, id);
        DiaryEntry entry = parse(entryNode, first, today);
        if (entry.date().isAfter(today)) {
            throw ApiProblem.badField("date", "is after today (" + today + "); the diary records what was felt");
        }
        StoredDiaryEntry stored;
        try {
            stored = diary.add(account, id, entry, sessionId);
        } catch (NotFoundException e) {
            // the profile was checked above: what is missing is the session (also when another account's)
            throw ApiProblem.badField("sessionId", "this profile has no session " + Auth.clip(sessionId.orElse("")));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", stored.id());
        out.putAll(fields(stored.entry()));
        out.put("sessionId", stored.sessionId().orElse(null));
        JsonBodies.send(ctx, 201, out);
    }

    /** {@code ?date=YYYY-MM-DD} (default today): the progress as {@code rollwell progress --json} writes it. */
    void progress(Context ctx) {
        String account = auth.require(ctx);
        String id = ProfileRoutes.id(ctx);
        LocalDate asOf = BodyFields.queryDate(ctx.queryParam("date"), "query:date", persons.today());
        persons.stored(account, id);
        // with no session yet, every entry so far is baseline: the first session is still to come
        LocalDate first = diary.firstSessionDay(account, id).orElse(asOf.plusDays(1));
        List<DiaryEntry> entries = diary.list(account, id).stream().map(StoredDiaryEntry::entry).toList();
        JsonBodies.send(ctx, 200, ProgressJson.of(ProgressMeasure.assess(new Diary(first, entries), asOf)));
    }

    /** The entry through the diary file's own parser, its problems named as fields of the body. */
    private static DiaryEntry parse(ObjectNode entryNode, Optional<LocalDate> first, LocalDate today) {
        String kindText = entryNode.path("kind").asText("");
        boolean aboutSession = false;
        for (EntryKind k : EntryKind.values()) {
            aboutSession |= k.name().equals(kindText) && k.aboutSessions();
        }
        if (aboutSession && first.isEmpty()) {
            throw ApiProblem.badField("kind", kindText + " is about a session, and this profile has had none yet");
        }
        ObjectNode file = JsonBodies.MAPPER.createObjectNode();
        file.put("format", Diary.FORMAT);
        file.put("firstSessionDate", first.orElse(today).toString());
        ArrayNode entries = file.putArray("entries");
        entries.add(entryNode);
        ParseResult<Diary> parsed = DiaryParser.parse(file.toString());
        if (parsed instanceof ParseResult.Parsed<Diary> ok) {
            return ok.value().entries().get(0);
        }
        List<Problem> problems = parsed.problems().stream()
                .map(p -> new Problem(inBody(p.path()), p.reason()))
                .toList();
        Problem firstProblem = problems.get(0);
        throw new ApiProblem(400, "invalid-field", "A field is not valid", firstProblem.path(),
                String.join("\n", problems.stream().map(p -> p.path() + ": " + p.reason()).toList()), problems);
    }

    /** {@code $.entries[0].nrs} of the wrapping file is {@code nrs} of the body; the entry itself is {@code $}. */
    private static String inBody(String filePath) {
        String prefix = "$.entries[0]";
        if (!filePath.startsWith(prefix)) {
            return filePath;
        }
        String rest = filePath.substring(prefix.length());
        return rest.isEmpty() ? "$" : rest.startsWith(".") ? rest.substring(1) : "$" + rest;
    }

    /** The entry's fields as a diary file writes them. */
    static Map<String, Object> fields(DiaryEntry entry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", entry.date().toString());
        m.put("kind", entry.kind().name());
        if (entry instanceof DiaryEntry.Nrs n) {
            m.put("nrs", n.nrs());
        } else if (entry instanceof DiaryEntry.Peg p) {
            m.put("pain", p.pain());
            m.put("enjoyment", p.enjoyment());
            m.put("activity", p.activity());
        } else if (entry instanceof DiaryEntry.Pgic g) {
            m.put("pgic", g.pgic());
        } else if (entry instanceof DiaryEntry.Feedback f) {
            m.put("pressure", f.pressure().name());
            m.put("heat", f.heat().name());
        }
        return m;
    }
}
