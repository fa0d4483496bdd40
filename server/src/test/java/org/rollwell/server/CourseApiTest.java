package org.rollwell.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollwell.server.ApiTest.Contract.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rollwell.store.Database;
import org.rollwell.store.NewSession;
import org.rollwell.store.SessionStatus;

/**
 * The course a person follows through the API (issue 13 item 4), once on SQLite and once on
 * PostgreSQL, on a server clock starting Monday 2026-11-30 08:00 Berlin.
 */
class CourseApiTest {
    @Nested
    class OnSqlite extends Contract {
        @Override
        Database.Engine engine() {
            return Database.Engine.SQLITE;
        }
    }

    @Nested
    class OnPostgresql extends Contract {
        @Override
        Database.Engine engine() {
            return Database.Engine.POSTGRESQL;
        }
    }

    abstract static class Contract extends OnEachEngine {
        static final String PASSWORD = "correct horse battery";

        Api anna;
        String account;
        String profile;
        String path;

        void annaWithHerProfile() {
            anna = client().signUpAndIn("anna", PASSWORD);
            profile = Json.field(anna.post("/api/profiles", Json.profileBody("Anna", Json.sampleProfile("anna"))).body(), "id");
            path = "/api/profiles/" + profile;
            account = Json.field(anna.get("/api/me").body(), "id");
        }

        static JsonNode ok(Api.Answer a, int status) {
            assertThat(a.status()).as(a.body()).isEqualTo(status);
            return Json.tree(a.body());
        }

        static List<String> dueKinds(JsonNode status) {
            List<String> kinds = new ArrayList<>();
            status.get("due").forEach(d -> kinds.add(d.get("kind").asText()));
            return kinds;
        }

        /** A session of the stored records, the way the bed records one that delivered 30 min. */
        void sessionNow() {
            String id = db.sessions().start(account, profile, new NewSession(4, 2400, "{}")).id();
            db.sessions().finish(account, id, SessionStatus.COMPLETED, 1800, 0.1, "{}");
        }

        @Test
        void the_studied_course_is_chosen_with_one_request_and_says_what_is_due_today() {
            annaWithHerProfile();
            assertThat(ok(anna.get(path + "/course"), 200).get("chosen").asBoolean()).isFalse();

            JsonNode chosen = ok(anna.put(path + "/course", "{\"studied\":true}"), 200);
            assertThat(chosen.get("studied").asBoolean()).isTrue();
            assertThat(chosen.get("course").get("minutesPerSession").asInt()).isEqualTo(40);
            assertThat(chosen.get("course").get("days")).hasSize(5);
            assertThat(chosen.get("start").asText()).isEqualTo("2026-11-30");
            assertThat(chosen.get("phase").asText()).isEqualTo("RUNNING");
            assertThat(chosen.get("week").asInt()).isEqualTo(1);
            assertThat(chosen.get("day").asInt()).isEqualTo(1);
            assertThat(chosen.get("sessions").get("plannedTotal").asInt()).isEqualTo(20);
            assertThat(chosen.get("sessions").get("plannedSoFar").asInt()).isEqualTo(1);
            assertThat(chosen.get("sessions").get("deliveredSoFar").asInt()).isZero();
            assertThat(dueKinds(chosen)).containsExactly("SESSION", "NRS_DAILY", "PEG");

            // the day's session and rating done: only the week's PEG is left
            sessionNow();
            ok(anna.post(path + "/pain", "{\"kind\":\"NRS_DAILY\",\"nrs\":5}"), 201);
            JsonNode later = ok(anna.get(path + "/course"), 200);
            assertThat(later.get("sessions").get("deliveredSoFar").asInt()).isEqualTo(1);
            assertThat(dueKinds(later)).containsExactly("PEG");
            assertThat(later.get("progress").isNull()).isTrue();
        }

        @Test
        void ones_own_course_within_the_limits_is_kept_and_one_outside_is_refused_field_by_field() {
            annaWithHerProfile();
            JsonNode own = ok(anna.put(path + "/course", "{\"name\":\"evenings\",\"minutesPerSession\":30,"
                    + "\"sessionsPerDay\":1,\"days\":[\"FRIDAY\",\"MONDAY\",\"WEDNESDAY\"],\"weeks\":6,\"start\":\"2026-12-02\"}"), 200);
            assertThat(own.get("studied").asBoolean()).isFalse();
            assertThat(own.get("course").get("days").toString()).isEqualTo("[\"MONDAY\",\"WEDNESDAY\",\"FRIDAY\"]");
            assertThat(own.get("phase").asText()).isEqualTo("NOT_STARTED");
            assertThat(own.get("sessions").get("plannedTotal").asInt()).isEqualTo(18);
            assertThat(dueKinds(own)).isEmpty();

            String good = "\"name\":\"x\",\"minutesPerSession\":30,\"sessionsPerDay\":1,\"days\":[\"MONDAY\"],\"weeks\":4";
            assertProblem(anna.put(path + "/course", "{" + good.replace(":30", ":75") + "}"), 400, "minutesPerSession");
            assertProblem(anna.put(path + "/course", "{" + good.replace("\"sessionsPerDay\":1", "\"sessionsPerDay\":3") + "}"),
                    400, "sessionsPerDay");
            assertProblem(anna.put(path + "/course", "{" + good.replace("[\"MONDAY\"]", "[]") + "}"), 400, "days");
            assertProblem(anna.put(path + "/course", "{" + good.replace(":4", ":27") + "}"), 400, "weeks");
            assertProblem(anna.put(path + "/course", "{" + good + ",\"start\":\"2026-02-30\"}"), 400, "start");
            assertProblem(anna.put(path + "/course", "{" + good + ",\"start\":\"2028-01-05\"}"), 400, "start");
            assertProblem(anna.put(path + "/course", "{" + good + ",\"hours\":2}"), 400, "hours");
            assertProblem(anna.put(path + "/course", "{\"studied\":true,\"minutesPerSession\":60}"), 400, "minutesPerSession");
            // two reasons at once are both named
            JsonNode both = Json.tree(anna.put(path + "/course", "{" + good.replace(":30", ":75").replace(":4", ":27") + "}").body());
            assertThat(both.get("errors").toString()).contains("minutesPerSession").contains("weeks");
            // nothing refused replaced the course
            assertThat(ok(anna.get(path + "/course"), 200).get("course").get("name").asText()).isEqualTo("evenings");
        }

        @Test
        void an_ended_course_states_the_progress_verdict_with_sessions_delivered_against_planned() {
            annaWithHerProfile();
            // a baseline week of ratings before the course (DOMAIN.md §6: the days before the first session)
            for (int d = 7; d >= 1; d--) {
                db.diary().add(account, profile, nrsDaily(LocalDate.of(2026, 11, 30).minusDays(d), 6), java.util.Optional.empty());
            }
            ok(anna.put(path + "/course", "{\"studied\":true,\"start\":\"2026-11-30\"}"), 200);
            int delivered = 0;
            for (int d = 0; d < 28; d++) {
                LocalDate day = LocalDate.of(2026, 11, 30).plusDays(d);
                // weekdays of the first three weeks only: 15 of the 20 sessions
                if (d < 21 && day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()) {
                    sessionNow();
                    delivered++;
                }
                db.diary().add(account, profile, nrsDaily(day, d < 14 ? 5 : 3), java.util.Optional.empty());
                clock.advance(Duration.ofDays(1));
            }
            anna.signIn("anna", PASSWORD);
            JsonNode ended = ok(anna.get(path + "/course"), 200);
            assertThat(ended.get("phase").asText()).isEqualTo("FINISHED");
            assertThat(ended.get("week").asInt()).isEqualTo(4);
            assertThat(ended.get("sessions").get("deliveredSoFar").asInt()).isEqualTo(delivered);
            assertThat(ended.get("sessions").get("plannedSoFar").asInt()).isEqualTo(20);
            assertThat(ended.get("sessions").get("plannedTotal").asInt()).isEqualTo(20);
            JsonNode progress = ok(anna.get(path + "/progress"), 200);
            assertThat(ended.get("progress")).isEqualTo(progress);
            assertThat(ended.get("progress").get("verdict").asText()).isNotEqualTo("NOT_ENOUGH_DATA");
            assertThat(ended.has("reviewSuggested")).isTrue();
        }

        @Test
        void the_course_is_left_and_another_household_cannot_see_choose_or_leave_it() {
            annaWithHerProfile();
            ok(anna.put(path + "/course", "{\"studied\":true}"), 200);
            Api ben = client().signUpAndIn("ben", PASSWORD);
            assertProblem(ben.get(path + "/course"), 404, "path:id");
            assertProblem(ben.put(path + "/course", "{\"studied\":true}"), 404, "path:id");
            assertProblem(ben.delete(path + "/course"), 404, "path:id");
            assertThat(ok(anna.get(path + "/course"), 200).get("chosen").asBoolean()).isTrue();

            assertThat(anna.delete(path + "/course").status()).isEqualTo(204);
            assertThat(ok(anna.get(path + "/course"), 200).get("chosen").asBoolean()).isFalse();
            assertProblem(anna.delete(path + "/course"), 404, "path:id");
        }

        private static org.rollwell.therapy.diary.DiaryEntry nrsDaily(LocalDate day, int nrs) {
            return new org.rollwell.therapy.diary.DiaryEntry.Nrs(day, org.rollwell.therapy.diary.EntryKind.NRS_DAILY, nrs);
        }
    }
}
