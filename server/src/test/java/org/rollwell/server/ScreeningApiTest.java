package org.rollwell.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollwell.server.ApiTest.Contract.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rollwell.store.Database;
import org.rollwell.store.NewSession;
import org.rollwell.store.SessionStatus;

/**
 * Screening answers and their verdict, clinician clearances, today's check-in and the daily limits
 * through the API, once on SQLite and once on PostgreSQL. The server's clock stands at
 * 2026-11-30 08:00 in Berlin and is moved by the tests.
 */
class ScreeningApiTest {
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
        String profile;

        void annaWithHerProfile() {
            anna = client().signUpAndIn("anna", PASSWORD);
            profile = Json.field(anna.post("/api/profiles", Json.profileBody("Anna", Json.sampleProfile("anna"))).body(), "id");
        }

        JsonNode ok(Api.Answer a, int status) {
            assertThat(a.status()).as(a.body()).isEqualTo(status);
            assertThat(a.contentType()).startsWith("application/json");
            return Json.tree(a.body());
        }

        static JsonNode flag(JsonNode verdict, String code) {
            for (JsonNode f : verdict.get("flags")) {
                if (f.get("code").asText().equals(code)) {
                    return f;
                }
            }
            throw new AssertionError("no flag " + code + " in " + verdict);
        }

        @Test
        void a_person_with_every_answer_no_may_have_sessions() {
            annaWithHerProfile();
            JsonNode s = ok(anna.get("/api/profiles/" + profile + "/screening"), 200);
            assertThat(s.get("verdict").asText()).isEqualTo("OK");
            assertThat(s.get("missing")).isEmpty();
            assertThat(s.get("answers").get("RF_CAUDA_EQUINA").asBoolean()).isFalse();

            // pain now is the check-in's question, not the screening's
            String noPainToday = Json.sampleProfile("anna").replaceFirst("\"painTodayNrs\"\\s*:\\s*\\d+\\s*,", "");
            assertThat(noPainToday).doesNotContain("painTodayNrs");
            String other = Json.field(anna.post("/api/profiles", Json.profileBody("Anna 2", noPainToday)).body(), "id");
            assertThat(ok(anna.get("/api/profiles/" + other + "/screening"), 200).get("verdict").asText()).isEqualTo("OK");
        }

        @Test
        void saddle_numbness_stops_every_session_and_sends_the_person_to_an_emergency_department() {
            annaWithHerProfile();
            JsonNode s = ok(anna.put("/api/profiles/" + profile + "/screening", "{\"answers\":{\"RF_CAUDA_EQUINA\":true}}"), 200);
            assertThat(s.get("verdict").asText()).isEqualTo("STOP");
            JsonNode f = flag(s, "RF_CAUDA_EQUINA");
            assertThat(f.get("kind").asText()).isEqualTo("RED");
            assertThat(f.get("urgency").asText()).isEqualTo("EMERGENCY_NOW");
            assertThat(f.get("plain").asText()).contains("emergency department");
            assertThat(f.get("why").asText()).contains("saddle");
            assertThat(s.get("answeredOn").get("RF_CAUDA_EQUINA").asText()).isEqualTo("2026-11-30");
            // the answer is kept: a later read says the same
            assertThat(ok(anna.get("/api/profiles/" + profile + "/screening"), 200).get("verdict").asText()).isEqualTo("STOP");
        }

        @Test
        void a_history_flag_needs_a_clearance_which_lifts_it_for_twelve_months_from_its_date() {
            annaWithHerProfile();
            String path = "/api/profiles/" + profile;
            JsonNode s = ok(anna.put(path + "/screening", "{\"answers\":{\"RF_TRAUMA\":true}}"), 200);
            assertThat(s.get("verdict").asText()).isEqualTo("NEEDS_CLEARANCE");
            assertThat(flag(s, "RF_TRAUMA").get("kind").asText()).isEqualTo("HISTORY");
            assertThat(flag(s, "RF_TRAUMA").get("urgency").asText()).isEqualTo("SEE_CLINICIAN");

            JsonNode c = ok(anna.put(path + "/clearances", "{\"clearances\":[{\"id\":\"RF_TRAUMA\",\"clinician\":\"Dr. Weber\","
                    + "\"date\":\"2026-11-20\",\"note\":\"X-ray clear\"}]}"), 200);
            assertThat(c.get("clearances")).hasSize(1);
            assertThat(c.get("clearances").get(0).get("validUntil").asText()).isEqualTo("2027-11-19");
            assertThat(c.get("clearances").get(0).get("countsToday").asBoolean()).isTrue();
            JsonNode cleared = ok(anna.get(path + "/screening"), 200);
            assertThat(cleared.get("verdict").asText()).isEqualTo("OK");
            assertThat(flag(cleared, "RF_TRAUMA").get("cleared").asBoolean()).isTrue();
            assertThat(flag(cleared, "RF_TRAUMA").get("plain").asText()).contains("Dr. Weber");

            // a year later the clearance has run out and the flag blocks again
            clock.advance(Duration.ofDays(366));
            anna.signIn("anna", PASSWORD);
            assertThat(ok(anna.get(path + "/screening"), 200).get("verdict").asText()).isEqualTo("NEEDS_CLEARANCE");
            // replacing with none withdraws it
            assertThat(ok(anna.put(path + "/clearances", "{\"clearances\":[]}"), 200).get("clearances")).isEmpty();
        }

        @Test
        void a_clearance_for_a_symptom_now_in_the_future_or_without_a_clinician_is_refused_naming_the_field() {
            annaWithHerProfile();
            String path = "/api/profiles/" + profile + "/clearances";
            assertProblem(anna.put(path, "{\"clearances\":[{\"id\":\"RF_CAUDA_EQUINA\",\"clinician\":\"Dr. W\",\"date\":\"2026-11-01\"}]}"),
                    400, "clearances[0].id");
            assertProblem(anna.put(path, "{\"clearances\":[{\"id\":\"RF_TRAUMA\",\"clinician\":\"Dr. W\",\"date\":\"2026-12-24\"}]}"),
                    400, "clearances[0].date");
            assertProblem(anna.put(path, "{\"clearances\":[{\"id\":\"CI_DVT\",\"clinician\":\"Dr. W\",\"date\":\"2026-02-30\"}]}"),
                    400, "clearances[0].date");
            assertProblem(anna.put(path, "{\"clearances\":[{\"id\":\"RF_TRAUMA\",\"clinician\":\"Dr. W\",\"date\":\"2026-11-01\"},"
                    + "{\"id\":\"RF_TRAUMA\",\"clinician\":\" \",\"date\":\"2026-11-01\"}]}"), 400, "clearances[1].clinician");
            assertProblem(anna.put(path, "{\"clearances\":{}}"), 400, "clearances");
            // all or none: the good first clearance of the refused list was not kept
            assertThat(ok(anna.get(path), 200).get("clearances")).isEmpty();
        }

        @Test
        void screening_answers_that_are_not_ids_or_not_yes_or_no_are_refused() {
            annaWithHerProfile();
            String path = "/api/profiles/" + profile + "/screening";
            assertProblem(anna.put(path, "{\"answers\":{\"RF_UNKNOWN\":true}}"), 400, "answers.RF_UNKNOWN");
            assertProblem(anna.put(path, "{\"answers\":{\"CI_DVT\":\"yes\"}}"), 400, "answers.CI_DVT");
            assertProblem(anna.put(path, "{\"answers\":[]}"), 400, "answers");
            assertProblem(anna.put(path, "{\"answers\":{},\"extra\":1}"), 400, "extra");
            assertThat(ok(anna.get(path), 200).get("verdict").asText()).isEqualTo("OK");
        }

        @Test
        void a_check_in_with_a_symptom_now_stops_today_and_one_without_pain_now_is_incomplete() {
            annaWithHerProfile();
            String path = "/api/profiles/" + profile + "/checkin";
            JsonNode fine = ok(anna.post(path, "{\"answers\":{\"RF_CAUDA_EQUINA\":false,\"RF_PROGRESSIVE_DEFICIT\":false,"
                    + "\"RF_FEVER_INFECTION\":false},\"painNowNrs\":4}"), 201);
            assertThat(fine.get("verdict").asText()).isEqualTo("OK");
            assertThat(fine.get("date").asText()).isEqualTo("2026-11-30");
            assertThat(fine.get("dailyLimits").get("allowed").asBoolean()).isTrue();

            JsonNode fever = ok(anna.post(path, "{\"answers\":{\"RF_CAUDA_EQUINA\":false,\"RF_PROGRESSIVE_DEFICIT\":false,"
                    + "\"RF_FEVER_INFECTION\":true},\"painNowNrs\":4}"), 201);
            assertThat(fever.get("verdict").asText()).isEqualTo("STOP");
            assertThat(flag(fever, "RF_FEVER_INFECTION").get("urgency").asText()).isEqualTo("DOCTOR_TODAY");

            JsonNode noPain = ok(anna.post(path, "{\"answers\":{\"RF_CAUDA_EQUINA\":false,\"RF_PROGRESSIVE_DEFICIT\":false,"
                    + "\"RF_FEVER_INFECTION\":false}}"), 201);
            assertThat(noPain.get("verdict").asText()).isEqualTo("INCOMPLETE");
            assertThat(flag(noPain, "CHECK_IN_MISSING").get("kind").asText()).isEqualTo("CHECK_IN");

            // a change since last time reopens its question as yes
            JsonNode clot = ok(anna.post(path, "{\"answers\":{\"RF_CAUDA_EQUINA\":false,\"RF_PROGRESSIVE_DEFICIT\":false,"
                    + "\"RF_FEVER_INFECTION\":false},\"painNowNrs\":3,\"changes\":[\"CI_DVT\"]}"), 201);
            assertThat(clot.get("verdict").asText()).isEqualTo("NEEDS_CLEARANCE");
        }

        @Test
        void a_check_in_the_cli_would_refuse_is_refused_with_the_same_field() {
            annaWithHerProfile();
            String path = "/api/profiles/" + profile + "/checkin";
            Api.Answer a = anna.post(path, "{\"answers\":{\"RF_CAUDA_EQUINA\":false},\"painNowNrs\":12}");
            assertProblem(a, 400, "$.painNowNrs");
            assertProblem(anna.post(path, "{\"answers\":{},\"changes\":[\"RF_CAUDA_EQUINA\"]}"), 400, "$.changes[0]");
            assertProblem(anna.post(path, "{\"date\":\"2026-12-01\",\"answers\":{}}"), 400, "date");
        }

        @Test
        void the_daily_limits_allow_two_sessions_a_day_four_hours_apart() {
            annaWithHerProfile();
            String account = Json.field(anna.get("/api/me").body(), "id");
            String path = "/api/profiles/" + profile + "/daily-limits";
            assertThat(ok(anna.get(path), 200).get("allowed").asBoolean()).isTrue();

            session(account, 30);
            JsonNode soon = ok(anna.get(path), 200);
            assertThat(soon.get("code").asText()).isEqualTo("TOO_SOON");
            assertThat(soon.get("nextStartAt").asText()).isEqualTo("2026-11-30T11:00:00Z");
            DailyLimits limits = new DailyLimits(db.sessions(), clock);
            assertProblem(problemOf(() -> limits.require(account, profile, 30)), 409, "profileId");

            clock.advance(Duration.ofHours(4));
            assertThat(ok(anna.get(path), 200).get("allowed").asBoolean()).isTrue();
            session(account, 40);
            clock.advance(Duration.ofHours(5));
            JsonNode full = ok(anna.get(path), 200);
            assertThat(full.get("code").asText()).isEqualTo("DAILY_LIMIT");
            assertThat(full.get("sessionsToday").asInt()).isEqualTo(2);
            assertThat(full.get("minutesToday").asDouble()).isEqualTo(70.0);

            // the next day the count starts again (Berlin's midnight)
            clock.advance(Duration.ofHours(10));
            assertThat(ok(anna.get(path), 200).get("allowed").asBoolean()).isTrue();
        }

        @Test
        void another_household_reaches_none_of_a_profiles_therapy_routes_and_changes_nothing() {
            annaWithHerProfile();
            String p = "/api/profiles/" + profile;
            anna.put(p + "/screening", "{\"answers\":{\"RF_TRAUMA\":true}}");
            anna.post(p + "/pain", "{\"kind\":\"NRS_DAILY\",\"nrs\":5}");
            String mine = org.rollwell.therapy.program.ProgramWriter.toJson(org.rollwell.therapy.program.ProgramLibrary.builtIn()
                    .find("deep-tissue").orElseThrow()).replace("\"deep-tissue\"", "\"annas-own\"");
            assertThat(anna.post("/api/programs", mine).status()).isEqualTo(201);
            String before = anna.get(p + "/screening").body() + anna.get(p + "/pain").body() + anna.get(p).body()
                    + anna.get(p + "/clearances").body();

            Api ben = client().signUpAndIn("ben", PASSWORD);
            String checkIn = "{\"answers\":{\"RF_CAUDA_EQUINA\":false,\"RF_PROGRESSIVE_DEFICIT\":false,"
                    + "\"RF_FEVER_INFECTION\":false},\"painNowNrs\":2}";
            String[][] tries = {
                    {"GET", "/screening", null}, {"PUT", "/screening", "{\"answers\":{\"RF_TRAUMA\":false}}"},
                    {"GET", "/clearances", null},
                    {"PUT", "/clearances", "{\"clearances\":[{\"id\":\"RF_TRAUMA\",\"clinician\":\"Dr. M\",\"date\":\"2026-11-01\"}]}"},
                    {"POST", "/checkin", checkIn}, {"GET", "/daily-limits", null},
                    {"GET", "/conditions", null}, {"PUT", "/conditions", "{\"conditions\":[]}"},
                    {"GET", "/painmap", null}, {"PUT", "/painmap", "{\"painMap\":[],\"triggerPoints\":[]}"},
                    {"GET", "/preferences", null}, {"PUT", "/preferences", "{\"intensity\":1,\"maxRollerTempC\":40,\"heat\":false}"},
                    {"POST", "/plan-preview", "{\"goal\":\"STRESS\",\"minutes\":20}"},
                    {"GET", "/pain", null}, {"POST", "/pain", "{\"kind\":\"NRS_DAILY\",\"nrs\":9}"},
                    {"GET", "/progress", null}};
            for (String[] t : tries) {
                assertProblem(ben.send(t[0], p + t[1], t[2]), 404, "path:id");
            }
            // another household's program is neither listed, planned with, nor deleted
            assertThat(ben.get("/api/programs").body()).doesNotContain("annas-own");
            assertProblem(ben.delete("/api/programs/annas-own"), 404, "path:name");
            String bens = Json.field(ben.post("/api/profiles", Json.profileBody("Ben", Json.sampleProfile("ben"))).body(), "id");
            assertProblem(ben.post("/api/profiles/" + bens + "/plan-preview", "{\"program\":\"annas-own\",\"minutes\":30}"),
                    400, "program");

            String after = anna.get(p + "/screening").body() + anna.get(p + "/pain").body() + anna.get(p).body()
                    + anna.get(p + "/clearances").body();
            assertThat(after).isEqualTo(before);
            assertThat(anna.get("/api/programs").body()).contains("annas-own");
        }

        @Test
        void a_session_start_past_the_daily_limit_gets_the_same_409_as_the_daily_limits_check() {
            annaWithHerProfile();
            String account = Json.field(anna.get("/api/me").body(), "id");
            SessionPlans plans = new SessionPlans(db, clock, org.rollwell.bed.io.BedSpec.REFERENCE);
            DailyLimits limits = new DailyLimits(db.sessions(), clock);
            com.fasterxml.jackson.databind.node.ObjectNode start = (com.fasterxml.jackson.databind.node.ObjectNode) Json.tree(
                    "{\"profileId\":" + Json.quote(profile) + ",\"goal\":\"RELIEVE_TENSION\",\"minutes\":20}");
            assertThat(plans.plan(account, start).plan().status()).isNotEqualTo(org.rollwell.therapy.plan.SessionPlan.Status.BLOCKED);

            session(account, 30);
            Api.Answer tooSoon = problemOf(() -> plans.plan(account, start));
            assertProblem(tooSoon, 409, "profileId");
            assertThat(Json.field(tooSoon.body(), "type")).isEqualTo("urn:rollwell:problem:daily-limit");

            clock.advance(Duration.ofHours(4));
            session(account, 30);
            clock.advance(Duration.ofHours(5));
            Api.Answer planned = problemOf(() -> plans.plan(account, start));
            Api.Answer checked = problemOf(() -> limits.require(account, profile, 20));
            for (Api.Answer a : java.util.List.of(planned, checked)) {
                assertProblem(a, 409, "profileId");
                assertThat(Json.field(a.body(), "type")).isEqualTo("urn:rollwell:problem:daily-limit");
                assertThat(Json.field(a.body(), "title")).isEqualTo("Daily limit reached");
            }
            assertThat(Json.field(planned.body(), "detail")).contains("DAILY_LIMIT");
        }

        @Test
        void the_four_hour_gap_holds_across_midnight_though_the_day_count_starts_again() {
            annaWithHerProfile();
            String account = Json.field(anna.get("/api/me").body(), "id");
            DailyLimits limits = new DailyLimits(db.sessions(), clock);
            clock.advance(Duration.ofHours(14)); // 22:00 in Berlin
            session(account, 30);
            clock.advance(Duration.ofMinutes(150)); // 00:30 the next day
            DailyLimits.Check c = limits.check(account, profile, 30);
            assertThat(c.sessionsToday()).isZero();
            assertThat(c.code()).isEqualTo("TOO_SOON");
            assertThat(c.nextStartAt()).contains(java.time.Instant.parse("2026-11-30T01:00:00Z").plus(Duration.ofDays(1)));
            clock.advance(Duration.ofMinutes(90));
            assertThat(limits.check(account, profile, 30).allowed()).isTrue();
        }

        /** A session that ran {@code minutes} and completed, stored as the session start will store it. */
        void session(String account, int minutes) {
            String id = db.sessions().start(account, profile, new NewSession(4, minutes * 60.0, "{}")).id();
            db.sessions().finish(account, id, SessionStatus.COMPLETED, minutes * 60.0, 0.1, "{}");
        }

        /** The problem {@code call} refuses with, written as the server writes it. */
        Api.Answer problemOf(Runnable call) {
            try {
                call.run();
            } catch (ApiProblem p) {
                String body = "{\"type\":\"" + p.type() + "\",\"title\":\"" + p.title() + "\",\"status\":" + p.status()
                        + ",\"detail\":" + Json.quote(p.detail()) + ",\"field\":\"" + p.field() + "\"}";
                return new Api.Answer(p.status(), "application/problem+json", body, java.util.Map.of());
            }
            throw new AssertionError("not refused");
        }
    }
}
