package org.rollwell.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rollwell.store.Database;
import org.rollwell.store.SessionStatus;

/**
 * The bed over the API against a real server on a random port with the twin as the bed, once on SQLite
 * and once on PostgreSQL: presence-checked starts, the live socket, pause/resume/adjust/stop, one
 * session at a time, privacy between households, an injected fault and its acknowledgement, a scan.
 */
class LiveApiTest {
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

    abstract static class Contract extends OnEachEngineWithBed {
        static final String PASSWORD = "correct horse battery";

        static void assertProblem(Api.Answer a, int status, String type) {
            assertThat(a.status()).as(a.body()).isEqualTo(status);
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(Json.field(a.body(), "type")).isEqualTo("urn:rollwell:problem:" + type);
        }

        Api anna;
        String annasProfile;

        void annaSignsUp() {
            anna = client().signUpAndIn("anna", PASSWORD);
            annasProfile = Json.field(anna.post("/api/profiles", Json.profileBody("Anna", Json.sampleProfile("anna"))).body(), "id");
        }

        String startBody() {
            return "{\"profileId\":" + Json.quote(annasProfile) + ",\"goal\":\"RELIEVE_TENSION\",\"minutes\":10}";
        }

        String bedState(Api api) {
            return Json.field(api.get("/api/bed").body(), "state");
        }

        Api.Answer bodyOn(Api api, boolean on) {
            return api.put("/api/sim/body", "{\"onBed\":" + on + "}");
        }

        String startRunning() {
            assertThat(bodyOn(anna, true).status()).isEqualTo(200);
            Api.Answer started = anna.post("/api/sessions", startBody());
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            assertThat(Json.tree(started.body()).get("plan").get("segments").size()).isPositive();
            return Json.field(started.body(), "id");
        }

        @Test
        void a_start_on_an_empty_bed_is_refused_telling_the_person_to_lie_down() {
            annaSignsUp();
            Api.Answer a = anna.post("/api/sessions", startBody());
            assertProblem(a, 409, "bed-empty");
            assertThat(Json.field(a.body(), "detail")).contains("Lie down on the bed, then start again.");
            assertThat(Json.tree(anna.get("/api/bed").body()).get("personOnBed").asBoolean()).isFalse();
            assertProblem(anna.post("/api/scans", "{\"profileId\":" + Json.quote(annasProfile) + "}"), 409, "bed-empty");
            assertThat(Json.tree(anna.get("/api/sessions?profileId=" + annasProfile).body())).isEmpty();
        }

        @Test
        void a_session_streams_frames_pauses_resumes_stops_at_the_limit_and_lands_in_the_history() throws Exception {
            annaSignsUp();
            String id = startRunning();
            try (LiveClient live = new LiveClient(server.port(), anna.cookie)) {
                until("the session runs", 60, () -> "RUNNING".equals(bedState(anna)));
                int before = live.frames.size();
                until("frames stream while the bed moves", 10, () -> live.frames.size() >= before + 10);
                JsonNode frame = Json.tree(live.frames.get(live.frames.size() - 1));
                assertThat(frame.get("state").asText()).isEqualTo("RUNNING");
                assertThat(frame.get("rollerTempsC").size()).isPositive();
                assertThat(frame.get("technique").asText()).isNotBlank();
                assertThat(frame.get("secondsLeft").asInt()).isPositive();
                assertThat(frame.get("level").asText()).matches("[CTLS]\\d+");
            }
            JsonNode bed = Json.tree(anna.get("/api/bed").body());
            assertThat(bed.get("profileName").asText()).isEqualTo("Anna");
            // the loop's timing is reported (its figures are the bench's business, not a test's)
            JsonNode loop = bed.get("loop");
            assertThat(loop.get("periods").asLong()).isPositive();
            assertThat(loop.get("latenessP99Us").asLong()).isBetween(loop.get("latenessP50Us").asLong(),
                    Math.max(loop.get("latenessP50Us").asLong(), loop.get("latenessMaxUs").asLong()) + 50);
            assertThat(loop.get("overruns").asLong()).isNotNegative();
            // this test's bed asks for nothing (the serve command asks for more): the report says so
            assertThat(loop.get("scheduling").asText()).isEqualTo("NORMAL");
            assertThat(loop.get("schedulingDetail").asText()).contains("asked for nothing");
            until("a checkpoint is stored while the session runs", 10, () ->
                    !Json.tree(anna.get("/api/sessions/" + id).body()).get("checkpoint").isNull());

            assertThat(anna.post("/api/sessions/current/pause", "{}").status()).isEqualTo(200);
            until("the bed pauses", 10, () -> "PAUSED".equals(bedState(anna)));
            assertThat(anna.post("/api/sessions/current/resume", "{}").status()).isEqualTo(200);
            until("the bed runs again", 10, () -> "RUNNING".equals(bedState(anna)));

            Api.Answer last = null;
            for (int i = 0; i < 12; i++) {
                last = anna.post("/api/sessions/current/adjust", "{\"intensity\":1}");
                if (last.status() != 200) {
                    break;
                }
            }
            assertProblem(last, 409, "at-limit");
            assertThat(Json.field(last.body(), "field")).isEqualTo("intensity");
            assertThat(Json.field(last.body(), "detail")).contains("set by");
            assertProblem(anna.post("/api/sessions/current/adjust", "{\"intensity\":2}"), 400, "invalid-field");

            assertThat(anna.post("/api/sessions/current/stop", "{}").status()).isEqualTo(200);
            until("the stopped session is recorded", 60, () ->
                    "STOPPED".equals(Json.field(anna.get("/api/sessions/" + id).body(), "status")));
            JsonNode stored = Json.tree(anna.get("/api/sessions/" + id).body());
            assertThat(stored.get("record").get("outcome").asText()).isEqualTo("STOPPED");
            assertThat(stored.get("record").get("segments").size()).isPositive();
            assertThat(stored.get("deliveredS").asDouble()).isPositive();
            JsonNode history = Json.tree(anna.get("/api/sessions?profileId=" + annasProfile).body());
            assertThat(history).hasSize(1);
            assertThat(history.get(0).get("id").asText()).isEqualTo(id);
            until("the bed is free", 10, () -> "IDLE".equals(bedState(anna)));
        }

        @Test
        void a_second_start_while_one_runs_is_refused_naming_the_profile_and_another_household_sees_nothing_personal()
                throws Exception {
            annaSignsUp();
            String id = startRunning();
            Api ben = client().signUpAndIn("ben", PASSWORD);
            String bens = Json.field(ben.post("/api/profiles", Json.profileBody("Ben", Json.sampleProfile("ben"))).body(), "id");

            Api.Answer second = ben.post("/api/sessions", "{\"profileId\":" + Json.quote(bens) + ",\"goal\":\"STRESS\"}");
            assertProblem(second, 409, "bed-busy");
            assertThat(Json.field(second.body(), "detail")).contains("Anna");
            assertProblem(anna.post("/api/sessions", startBody()), 409, "bed-busy");

            assertProblem(ben.get("/api/sessions/" + id), 404, "not-found");
            assertProblem(ben.post("/api/sessions/current/stop", "{}"), 404, "no-session");
            assertProblem(ben.post("/api/sessions/current/adjust", "{\"heat\":1}"), 404, "no-session");
            JsonNode bed = Json.tree(ben.get("/api/bed").body());
            assertThat(bed.get("profileName").isNull()).isTrue();
            assertThat(bed.get("inUse").asBoolean()).isTrue();
            try (LiveClient bens1 = new LiveClient(server.port(), ben.cookie);
                 LiveClient nobody = new LiveClient(server.port(), null)) {
                assertThat(bens1.closedWith.get(10, TimeUnit.SECONDS)).isEqualTo(LiveSocket.NOT_YOURS);
                assertThat(nobody.closedWith.get(10, TimeUnit.SECONDS)).isEqualTo(LiveSocket.NOT_SIGNED_IN);
                assertThat(bens1.frames).isEmpty();
                assertThat(nobody.frames).isEmpty();
            }
            assertThat(anna.post("/api/sessions/current/stop", "{}").status()).isEqualTo(200);
        }

        @Test
        void an_injected_fault_ends_the_session_faulted_until_the_person_acknowledges_it() {
            annaSignsUp();
            String id = startRunning();
            until("the session runs", 60, () -> "RUNNING".equals(bedState(anna)));
            assertProblem(anna.post("/api/sim/faults", "{\"kind\":\"NO_SUCH_FAULT\"}"), 400, "invalid-field");
            assertThat(anna.post("/api/sim/faults", "{\"kind\":\"ESTOP\",\"zone\":0}").status()).isEqualTo(202);
            until("the bed faults", 20, () -> "FAULTED".equals(bedState(anna)));
            until("the faulted session is recorded", 20, () ->
                    SessionStatus.FAULTED.name().equals(Json.field(anna.get("/api/sessions/" + id).body(), "status")));
            assertProblem(anna.post("/api/sessions", startBody()), 409, "bed-faulted");

            assertThat(anna.post("/api/sessions/current/acknowledge", "{}").status()).isEqualTo(200);
            assertThat(bedState(anna)).isEqualTo("IDLE");
            assertProblem(anna.post("/api/sessions/current/acknowledge", "{}"), 409, "conflict");
        }

        @Test
        void a_scan_reports_progress_and_its_spine_map() {
            annaSignsUp();
            assertThat(bodyOn(anna, true).status()).isEqualTo(200);
            Api.Answer started = anna.post("/api/scans", "{\"profileId\":" + Json.quote(annasProfile) + "}");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            String id = Json.field(started.body(), "id");
            until("the scan is under way", 60, () -> Json.tree(anna.get("/api/scans/" + id).body()).get("progress").asDouble() > 0.1);
            until("the scan ends", 120, () -> !"RUNNING".equals(Json.field(anna.get("/api/scans/" + id).body(), "state")));
            JsonNode scan = Json.tree(anna.get("/api/scans/" + id).body());
            assertThat(scan.get("state").asText()).as(scan.toString()).isEqualTo("DONE");
            assertThat(scan.get("progress").asDouble()).isEqualTo(1.0);
            assertThat(scan.get("result").get("landmarks").get("C7").asDouble()).isPositive();
            Api ben = client().signUpAndIn("ben", PASSWORD);
            assertProblem(ben.get("/api/scans/" + id), 404, "not-found");
        }

        @Test
        void closing_the_server_mid_session_stops_it_safely_and_records_it() {
            annaSignsUp();
            String id = startRunning();
            String account = Json.field(anna.get("/api/me").body(), "id");
            until("the session runs", 60, () -> "RUNNING".equals(bedState(anna)));
            server.close();
            server = null;
            assertThat(db.sessions().find(account, id).orElseThrow().status()).isEqualTo(SessionStatus.STOPPED);
            assertThat(twin.trueForceN()).isLessThan(1.0);
        }
    }
}
