package org.rollwell.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rollwell.companion.BedService;
import org.rollwell.companion.SessionHandle;
import org.rollwell.store.Database;

/**
 * GET /api/sessions/{id} tells the truth about how a session ended: a stopped one carries its STOP event and
 * reads as stopped, a faulted one its trip, and no figure is the string "NaN" (JSON has no NaN). On the twin,
 * seed {@link OnEachEngineWithBed#SEED}.
 */
class SessionRecordApiTest {
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
        Api anna;
        String annasProfile;

        String startRunning() {
            anna = client().signUpAndIn("anna", "correct horse battery");
            annasProfile = Json.field(anna.post("/api/profiles", Json.profileBody("Anna", Json.sampleProfile("anna"))).body(), "id");
            assertThat(anna.put("/api/sim/body", "{\"onBed\":true}").status()).isEqualTo(200);
            Api.Answer started = anna.post("/api/sessions",
                    "{\"profileId\":" + Json.quote(annasProfile) + ",\"goal\":\"RELIEVE_TENSION\",\"minutes\":10}");
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            until("the session runs", 60, () -> "RUNNING".equals(Json.field(anna.get("/api/bed").body(), "state")));
            return Json.field(started.body(), "id");
        }

        private static List<JsonNode> events(JsonNode record, String kind) {
            List<JsonNode> found = new ArrayList<>();
            record.get("events").forEach(e -> {
                if (e.get("kind").asText().equals(kind)) {
                    found.add(e);
                }
            });
            return found;
        }

        @Test
        void a_stopped_session_is_served_with_its_stop_event_as_stopped_and_without_nan() {
            String id = startRunning();
            assertThat(anna.post("/api/sessions/current/stop", "{}").status()).isEqualTo(200);
            until("the stopped session is recorded", 60, () ->
                    "STOPPED".equals(Json.field(anna.get("/api/sessions/" + id).body(), "status")));

            String body = anna.get("/api/sessions/" + id).body();
            JsonNode record = Json.tree(body).get("record");
            assertThat(record.get("outcome").asText()).isEqualTo("STOPPED");
            List<JsonNode> stops = events(record, "STOP");
            assertThat(stops).hasSize(1);
            assertThat(stops.get(0).get("detail").asText()).isEqualTo(SessionHandle.STOP_BY_PERSON);
            assertThat(stops.get(0).get("atNanos").asLong()).isPositive();
            List<JsonNode> states = events(record, "STATE");
            assertThat(states.get(states.size() - 1).get("detail").asText()).isEqualTo("COOLDOWN -> STOPPED");
            assertThat(body).doesNotContain("COMPLETED").doesNotContain("NaN").doesNotContain("Infinity");
            // stopped in its first segment: the last segment was never reached, so its errors do not apply
            JsonNode last = record.get("segments").get(record.get("segments").size() - 1);
            assertThat(last.get("deliveredS").asDouble()).isZero();
            assertThat(last.get("forceErrorPct").isNull()).as(last.toString()).isTrue();
            assertThat(last.get("tempErrorC").isNull()).as(last.toString()).isTrue();
            // and the API's schema says so for every such figure
            JsonNode segment = Json.tree(anna.get("/api/openapi.json").body()).at(
                    "/components/schemas/StoredSession/properties/record/properties/segments/items/properties");
            last.fields().forEachRemaining(f -> {
                if (f.getValue().isNull()) {
                    assertThat(segment.at("/" + f.getKey() + "/type").toString()).as(f.getKey()).contains("\"null\"");
                }
            });
        }

        @Test
        void a_faulted_session_is_served_with_its_trip_finished_once_and_no_listener_fails_after() {
            PrintStream err = System.err;
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            System.setErr(new PrintStream(new Tee(err, printed), true, StandardCharsets.UTF_8));
            try {
                String id = startRunning();
                assertThat(anna.post("/api/sim/faults", "{\"kind\":\"ESTOP\",\"zone\":0}").status()).isEqualTo(202);
                until("the faulted session is recorded", 20, () ->
                        "FAULTED".equals(Json.field(anna.get("/api/sessions/" + id).body(), "status")));
                // the fault stands unacknowledged, so the bed keeps ticking: let several checkpoint intervals pass
                double from = twin.simulatedS();
                until("the bed ticks on past the end", 30,
                        () -> twin.simulatedS() - from >= 2.5 * BedService.CHECKPOINT_S * TIME_SCALE);

                String body = anna.get("/api/sessions/" + id).body();
                JsonNode record = Json.tree(body).get("record");
                assertThat(record.get("outcome").asText()).isEqualTo("FAULTED");
                String code = record.get("fault").get("code").asText();
                assertThat(code).isNotBlank();
                List<JsonNode> trips = events(record, "FAULT");
                assertThat(trips).hasSize(1);
                assertThat(trips.get(0).get("detail").asText()).startsWith(code);
                assertThat(body).doesNotContain("NaN").doesNotContain("Infinity");
                assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("listener failed");
            } finally {
                System.setErr(err);
            }
            assertThat(anna.post("/api/sessions/current/acknowledge", "{}").status()).isEqualTo(200);
        }
    }

    /** Writes to the console and keeps a copy, so a test can read what was printed. */
    private static final class Tee extends OutputStream {
        private final OutputStream console;
        private final OutputStream copy;

        Tee(OutputStream console, OutputStream copy) {
            this.console = console;
            this.copy = copy;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            console.write(b);
            copy.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
            console.write(b, off, len);
            copy.write(b, off, len);
        }
    }
}
