package org.rollwell.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.rollwell.store.Database;
import org.rollwell.store.RefusedInputException;
import org.rollwell.store.StoredCourse;
import org.rollwell.store.StoredDiaryEntry;
import org.rollwell.therapy.course.Course;
import org.rollwell.therapy.course.CourseParser;
import org.rollwell.therapy.course.CourseStatus;
import org.rollwell.therapy.diary.Diary;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.input.Problem;
import org.rollwell.therapy.output.CourseStatusJson;

/**
 * /api/profiles/{id}/course: the course a person follows (docs/courses.md), chosen as the studied
 * one or set as their own, and where they stand in it on the server clock's day, as
 * {@code rollwell course --json} states it. Every rule is {@link Course}'s: a course of one's own
 * goes through the same {@link CourseParser} as a course file, so the API refuses exactly what the
 * command refuses. Sessions delivered are the stored sessions that delivered anything.
 */
final class CourseRoutes {
    /** A start may be this far from today either way (choice: a course already under way, or one a season ahead). */
    static final int START_WITHIN_DAYS = 366;

    private static final Set<String> FIELDS = Set.of("studied", "start", "name", "minutesPerSession", "sessionsPerDay",
            "days", "weeks");

    private final Database db;
    private final PersonInForce persons;
    private final Clock clock;
    private final Auth auth;

    CourseRoutes(Database db, PersonInForce persons, Clock clock, Auth auth) {
        this.db = db;
        this.persons = persons;
        this.clock = clock;
        this.auth = auth;
    }

    /** {@code ?date=YYYY-MM-DD} (default today): the course and where the person stands, or {@code {"chosen":false}}. */
    void read(Context ctx) {
        String account = auth.require(ctx);
        String id = ProfileRoutes.id(ctx);
        LocalDate asOf = BodyFields.queryDate(ctx.queryParam("date"), "query:date", persons.today());
        persons.stored(account, id);
        Optional<StoredCourse> course = db.courses().find(account, id);
        JsonBodies.send(ctx, 200, course.isPresent() ? status(account, id, course.get(), asOf) : none());
    }

    /**
     * {@code {"studied":true,"start"}} for the studied course, or {@code {"studied":false,"name",
     * "minutesPerSession","sessionsPerDay","days","weeks","start"}} for one's own; {@code start}
     * defaults to today. Replaces any course chosen before.
     */
    void choose(Context ctx) {
        String account = auth.require(ctx);
        String id = ProfileRoutes.id(ctx);
        ObjectNode body = JsonBodies.object(ctx);
        persons.stored(account, id); // another household's profile is 404 whatever the body
        BodyFields.only(body, "", FIELDS);
        LocalDate today = persons.today();
        boolean studied = BodyFields.optional(body, "studied").map(v -> {
            if (!v.isBoolean()) {
                throw ApiProblem.badField("studied", "must be true or false");
            }
            return v.asBoolean();
        }).orElse(false);
        LocalDate start = BodyFields.optional(body, "start").map(v -> BodyFields.date(v, "start")).orElse(today);
        if (Math.abs(java.time.temporal.ChronoUnit.DAYS.between(today, start)) > START_WITHIN_DAYS) {
            throw ApiProblem.badField("start", "must be within " + START_WITHIN_DAYS + " days of today (" + today
                    + "), was " + start);
        }
        Course course;
        if (studied) {
            for (String field : List.of("name", "minutesPerSession", "sessionsPerDay", "days", "weeks")) {
                if (body.has(field)) {
                    throw ApiProblem.badField(field, "the studied course has its own figures; leave it out or set"
                            + " \"studied\": false");
                }
            }
            course = Course.STUDIED;
        } else {
            course = own(body);
        }
        StoredCourse stored = db.courses().choose(account, id, course, studied, start);
        JsonBodies.send(ctx, 200, status(account, id, stored, today));
    }

    /** 204 when the course is left; 404 when there was none. */
    void leave(Context ctx) {
        String account = auth.require(ctx);
        String id = ProfileRoutes.id(ctx);
        persons.stored(account, id);
        if (!db.courses().leave(account, id)) {
            throw ApiProblem.notFound("path:id", "this profile follows no course");
        }
        ctx.status(204);
    }

    /** One's own course through the course file's parser, its problems named as fields of the body. */
    private static Course own(ObjectNode body) {
        ObjectNode file = body.deepCopy();
        file.remove("studied");
        file.remove("start");
        file.put("format", CourseParser.FORMAT);
        if (!file.has("name")) {
            file.put("name", "my own course");
        }
        ParseResult<Course> parsed = CourseParser.parse("body", file.toString());
        if (parsed instanceof ParseResult.Parsed<Course> ok) {
            return ok.value();
        }
        throw new RefusedInputException(parsed.problems().stream()
                .map(p -> new Problem(p.path().startsWith("$.") ? p.path().substring(2) : p.path(), p.reason()))
                .toList());
    }

    private ObjectNode status(String account, String id, StoredCourse stored, LocalDate asOf) {
        List<StoredDiaryEntry> storedEntries = db.diary().list(account, id);
        List<DiaryEntry> entries = storedEntries.stream().map(StoredDiaryEntry::entry).toList();
        // with no session yet, every entry so far is baseline (as /progress states it)
        LocalDate first = db.diary().firstSessionDay(account, id).orElse(asOf.plusDays(1));
        Diary diary = new Diary(first, entries);
        CourseStatus s = CourseStatus.on(stored.course(), stored.start(), diary,
                Optional.of(StoredHistory.of(db.sessions().list(account, id), storedEntries, clock.getZone())), asOf);
        ObjectNode root = JsonBodies.MAPPER.createObjectNode();
        root.put("chosen", true);
        root.put("studied", stored.studied());
        ObjectNode c = root.putObject("course");
        c.put("name", s.course().name());
        c.put("minutesPerSession", s.course().minutesPerSession());
        c.put("sessionsPerDay", s.course().sessionsPerDay());
        ArrayNode days = c.putArray("days");
        for (DayOfWeek d : DayOfWeek.values()) {
            if (s.course().days().contains(d)) {
                days.add(d.name());
            }
        }
        c.put("weeks", s.course().weeks());
        root.put("weeks", s.course().weeks());
        // the day of the course, 1-based; 0 before the start, the last day after the end
        long day = java.time.temporal.ChronoUnit.DAYS.between(s.start(), s.date()) + 1;
        root.put("day", Math.max(0, Math.min(day, s.course().lengthDays())));
        root.put("lengthDays", s.course().lengthDays());
        CourseStatusJson.into(root, s);
        return root;
    }

    private static ObjectNode none() {
        ObjectNode root = JsonBodies.MAPPER.createObjectNode();
        root.put("chosen", false);
        return root;
    }
}
