package org.rollwell.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rollwell.server.ApiTest.Contract.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rollwell.store.Database;
import org.rollwell.store.NewSession;
import org.rollwell.store.SessionStatus;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.output.PlanJson;
import org.rollwell.therapy.plan.SessionPlanner;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.ProfileParser;
import org.rollwell.therapy.program.ProgramLibrary;
import org.rollwell.therapy.program.ProgramWriter;
import org.rollwell.therapy.screening.Visit;

/**
 * Conditions, pain map, preferences, programs, plan preview, the pain diary and progress through
 * the API, once on SQLite and once on PostgreSQL, on a server clock at 2026-11-30 08:00 Berlin.
 */
class TherapyApiTest {
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
        String path;

        void annaWithHerProfile() {
            anna = client().signUpAndIn("anna", PASSWORD);
            profile = Json.field(anna.post("/api/profiles", Json.profileBody("Anna", Json.sampleProfile("anna"))).body(), "id");
            path = "/api/profiles/" + profile;
        }

        /** A day later; the browser signs in again (a session ends after 12 h unused). */
        void nextDay() {
            clock.advance(Duration.ofDays(1));
            anna.signIn("anna", PASSWORD);
        }

        static JsonNode ok(Api.Answer a, int status) {
            assertThat(a.status()).as(a.body()).isEqualTo(status);
            return Json.tree(a.body());
        }

        @Test
        void conditions_pain_map_and_preferences_are_read_and_replaced_inside_the_profile() {
            annaWithHerProfile();
            assertThat(ok(anna.get(path + "/conditions"), 200).get("conditions").get(0).asText()).isEqualTo("SCIATICA");
            ok(anna.put(path + "/conditions", "{\"conditions\":[\"FIBROMYALGIA\",\"DEGENERATION\"]}"), 200);
            assertThat(ok(anna.get(path), 200).get("profile").get("conditions")).hasSize(2);

            JsonNode map = ok(anna.put(path + "/painmap", "{\"painMap\":[{\"level\":\"L3\",\"side\":\"RIGHT\",\"nrs\":7}],"
                    + "\"triggerPoints\":[]}"), 200);
            assertThat(map.get("painMap")).hasSize(1);
            assertThat(map.get("triggerPoints")).isEmpty();
            assertThat(ok(anna.get(path), 200).get("profile").get("painMap").get(0).get("level").asText()).isEqualTo("L3");

            JsonNode prefs = ok(anna.put(path + "/preferences", "{\"intensity\":3,\"maxRollerTempC\":42,\"heat\":true}"), 200);
            assertThat(prefs.get("maxRollerTempC").asInt()).isEqualTo(42);
            assertThat(ok(anna.get(path + "/preferences"), 200).get("intensity").asInt()).isEqualTo(3);
        }

        @Test
        void a_part_the_profile_parser_refuses_is_refused_with_its_reason_and_nothing_changes() {
            annaWithHerProfile();
            assertProblem(anna.put(path + "/painmap", "{\"painMap\":[{\"level\":\"L9\",\"side\":\"LEFT\",\"nrs\":3}],\"triggerPoints\":[]}"),
                    400, "painMap[0].level");
            assertProblem(anna.put(path + "/painmap", "{\"painMap\":[{\"level\":\"L3\",\"side\":\"LEFT\",\"nrs\":12}],\"triggerPoints\":[]}"),
                    400, "painMap[0].nrs");
            assertProblem(anna.put(path + "/preferences", "{\"intensity\":11,\"maxRollerTempC\":45,\"heat\":true}"), 400, "intensity");
            assertProblem(anna.put(path + "/preferences", "{\"intensity\":3,\"heat\":true}"), 400, "maxRollerTempC");
            assertProblem(anna.put(path + "/painmap", "{\"painMap\":[]}"), 400, "triggerPoints");
            assertProblem(anna.put(path + "/conditions", "{\"conditions\":[\"FLU\"]}"), 400, "conditions[0]");
            assertProblem(anna.put(path + "/conditions", "{\"illnesses\":[]}"), 400, "illnesses");
            assertThat(ok(anna.get(path), 200).get("profile")).isEqualTo(Json.tree(Json.sampleProfile("anna")));
        }

        @Test
        void programs_list_the_built_in_ones_import_a_file_and_delete_only_the_households_own() {
            annaWithHerProfile();
            JsonNode list = ok(anna.get("/api/programs"), 200);
            assertThat(list).hasSize(ProgramLibrary.builtIn().programs().size());
            assertThat(list.get(0).get("source").asText()).isEqualTo("BUILT_IN");

            String mine = ProgramWriter.toJson(ProgramLibrary.builtIn().find("deep-tissue").orElseThrow())
                    .replace("\"deep-tissue\"", "\"annas-deep\"").replace("\"Deep tissue\"", "\"Anna's deep\"");
            JsonNode made = ok(anna.post("/api/programs", mine), 201);
            assertThat(made.get("id").asText()).isEqualTo("annas-deep");
            assertThat(made.get("source").asText()).isEqualTo("OWN");
            assertThat(ok(anna.get("/api/programs"), 200)).hasSize(list.size() + 1);
            assertProblem(anna.post("/api/programs", mine), 409, "$.id");
            assertProblem(anna.post("/api/programs", mine.replace("\"annas-deep\"", "\"deep-tissue\"")), 409, "id");

            JsonNode plan = ok(anna.post(path + "/plan-preview", "{\"program\":\"annas-deep\",\"minutes\":40}"), 200);
            assertThat(plan.get("segments").size()).isPositive();

            assertProblem(anna.delete("/api/programs/deep-tissue"), 409, "path:name");
            assertThat(anna.delete("/api/programs/annas-deep").status()).isEqualTo(204);
            assertProblem(anna.delete("/api/programs/annas-deep"), 404, "path:name");
        }

        @Test
        void a_program_file_the_cli_would_refuse_is_refused_naming_its_field() {
            annaWithHerProfile();
            String bad = ProgramWriter.toJson(ProgramLibrary.builtIn().find("deep-tissue").orElseThrow())
                    .replace("\"deep-tissue\"", "\"mine\"").replaceFirst("\"seconds\"\\s*:\\s*\\d+", "\"seconds\": -5");
            Api.Answer a = anna.post("/api/programs", bad);
            assertThat(a.status()).as(a.body()).isEqualTo(400);
            assertThat(Json.field(a.body(), "field")).contains("seconds");
            assertThat(ok(anna.get("/api/programs"), 200)).hasSize(ProgramLibrary.builtIn().programs().size());
        }

        @Test
        void the_plan_preview_is_the_plan_rollwell_plan_writes_for_the_same_profile_and_day() {
            annaWithHerProfile();
            JsonNode plan = ok(anna.post(path + "/plan-preview", "{\"goal\":\"RELIEVE_TENSION\",\"minutes\":30}"), 200);
            Profile annaFile = ((ParseResult.Parsed<Profile>) ProfileParser.parse(Json.sampleProfile("anna"))).value();
            // what PlanCommand computes for --profile anna.json --goal RELIEVE_TENSION --minutes 30 --date 2026-11-30
            JsonNode cli = Json.tree(PlanJson.of(new SessionPlanner(BedLimits.REFERENCE)
                    .plan(annaFile, Visit.fromProfile(annaFile, LocalDate.of(2026, 11, 30)), Goal.RELIEVE_TENSION, 30)).toString());
            assertThat(plan).isEqualTo(cli);
            assertThat(plan.get("status").asText()).isEqualTo("OK");
            assertThat(plan.get("segments").get(0).get("why").asText()).isNotBlank();

            // a red flag answered through the API blocks the preview with the same words
            anna.put(path + "/screening", "{\"answers\":{\"RF_PROGRESSIVE_DEFICIT\":true}}");
            JsonNode blocked = ok(anna.post(path + "/plan-preview", "{\"goal\":\"RELIEVE_TENSION\",\"minutes\":30}"), 200);
            assertThat(blocked.get("status").asText()).isEqualTo("BLOCKED");
            assertThat(blocked.get("reasons").toString()).contains("RF_PROGRESSIVE_DEFICIT");
        }

        @Test
        void the_plan_preview_cools_the_rollers_after_a_session_the_person_called_too_hot() {
            annaWithHerProfile();
            String account = Json.field(anna.get("/api/me").body(), "id");
            String session = db.sessions().start(account, profile, new NewSession(4, 1800, "{}")).id();
            clock.advance(Duration.ofMinutes(30));
            db.sessions().finish(account, session, SessionStatus.COMPLETED, 1800, 0.1, "{}");
            clock.advance(Duration.ofHours(5)); // past the 4 h between two sessions
            String before = ok(anna.post(path + "/plan-preview", "{\"goal\":\"RELIEVE_TENSION\",\"minutes\":30}"), 200).toString();
            ok(anna.post(path + "/pain", "{\"kind\":\"FEEDBACK\",\"pressure\":\"RIGHT\",\"heat\":\"TOO_HOT\",\"sessionId\":\""
                    + session + "\"}"), 201);

            JsonNode plan = ok(anna.post(path + "/plan-preview", "{\"goal\":\"RELIEVE_TENSION\",\"minutes\":30}"), 200);
            // DOMAIN.md §6: 2 °C cooler on "too hot", said in the plan as `rollwell plan --history` says it
            assertThat(before).doesNotContain("too hot");
            assertThat(plan.toString()).contains("too hot").contains("2026-11-30");
        }

        @Test
        void a_plan_preview_without_a_goal_or_with_minutes_out_of_range_is_refused() {
            annaWithHerProfile();
            assertProblem(anna.post(path + "/plan-preview", "{\"minutes\":30}"), 400, "goal");
            assertProblem(anna.post(path + "/plan-preview", "{\"goal\":\"RELIEVE_TENSION\",\"program\":\"deep-tissue\",\"minutes\":30}"),
                    400, "program");
            assertProblem(anna.post(path + "/plan-preview", "{\"goal\":\"RELIEVE_TENSION\",\"minutes\":61}"), 400, "minutes");
            assertProblem(anna.post(path + "/plan-preview", "{\"goal\":\"RELIEVE_TENSION\",\"minutes\":30.5}"), 400, "minutes");
            assertProblem(anna.post(path + "/plan-preview", "{\"goal\":\"SLEEP\",\"minutes\":30}"), 400, "goal");
            assertProblem(anna.post(path + "/plan-preview", "{\"program\":\"nothing\",\"minutes\":30}"), 400, "program");
        }

        @Test
        void the_diary_keeps_entries_and_progress_is_stated_from_them() {
            annaWithHerProfile();
            String account = Json.field(anna.get("/api/me").body(), "id");
            // a baseline week: daily pain 6, one PEG
            for (int day = 0; day < 7; day++) {
                ok(anna.post(path + "/pain", "{\"kind\":\"NRS_DAILY\",\"nrs\":6}"), 201);
                if (day == 0) {
                    ok(anna.post(path + "/pain", "{\"kind\":\"PEG\",\"pain\":6,\"enjoyment\":6,\"activity\":6}"), 201);
                }
                nextDay();
            }
            JsonNode early = ok(anna.get(path + "/progress"), 200);
            assertThat(early.get("verdict").asText()).isEqualTo("NOT_ENOUGH_DATA");
            assertThat(early.get("baseline").get("nrs").asDouble()).isEqualTo(6.0);

            String session = db.sessions().start(account, profile, new NewSession(4, 1800, "{}")).id();
            db.sessions().finish(account, session, SessionStatus.COMPLETED, 1800, 0.1, "{}");
            JsonNode after = ok(anna.post(path + "/pain", "{\"kind\":\"NRS_AFTER\",\"nrs\":3,\"sessionId\":\"" + session + "\"}"), 201);
            assertThat(after.get("sessionId").asText()).isEqualTo(session);
            for (int day = 0; day < 14; day++) {
                ok(anna.post(path + "/pain", "{\"kind\":\"NRS_DAILY\",\"nrs\":" + (day % 2 == 0 ? 2 : 3) + "}"), 201);
                nextDay();
            }
            JsonNode progress = ok(anna.get(path + "/progress?date=" + LocalDate.of(2026, 12, 20)), 200);
            assertThat(progress.get("verdict").asText()).isEqualTo("LIKELY_BETTER");
            assertThat(progress.get("micReached").asBoolean()).isTrue();

            JsonNode diary = ok(anna.get(path + "/pain"), 200);
            assertThat(diary.get("format").asText()).isEqualTo("rollwell.diary/1");
            assertThat(diary.get("firstSessionDate").asText()).isEqualTo("2026-12-07");
            assertThat(diary.get("entries")).hasSize(7 + 1 + 1 + 14);
        }

        @Test
        void diary_entries_the_cli_would_refuse_are_refused_naming_the_field() {
            annaWithHerProfile();
            assertProblem(anna.post(path + "/pain", "{\"kind\":\"NRS_DAILY\",\"nrs\":11}"), 400, "nrs");
            assertProblem(anna.post(path + "/pain", "{\"kind\":\"PEG\",\"pain\":3,\"enjoyment\":3}"), 400, "activity");
            assertProblem(anna.post(path + "/pain", "{\"kind\":\"FEEDBACK\",\"pressure\":\"RIGHT\",\"heat\":\"RIGHT\"}"), 400, "kind");
            assertProblem(anna.post(path + "/pain", "{\"kind\":\"MOOD\",\"nrs\":3}"), 400, "kind");
            assertProblem(anna.post(path + "/pain", "{\"kind\":\"NRS_DAILY\",\"nrs\":3,\"date\":\"2026-12-24\"}"), 400, "date");
            assertProblem(anna.post(path + "/pain", "{\"kind\":\"NRS_DAILY\",\"nrs\":3,\"sessionId\":\"nope\"}"), 400, "sessionId");
            assertProblem(anna.get(path + "/progress?date=2026-13-01"), 400, "query:date");
            ok(anna.post(path + "/pain", "{\"kind\":\"NRS_DAILY\",\"nrs\":3}"), 201);
            Api.Answer twice = anna.post(path + "/pain", "{\"kind\":\"NRS_DAILY\",\"nrs\":4}");
            assertThat(twice.status()).isEqualTo(409);
            assertThat(ok(anna.get(path + "/pain"), 200).get("entries")).hasSize(1);
        }
    }
}
