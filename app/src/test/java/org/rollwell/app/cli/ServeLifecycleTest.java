package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollwell.store.Checkpoint;
import org.rollwell.store.Database;
import org.rollwell.store.NewSession;
import org.rollwell.store.SessionStatus;
import org.rollwell.store.StoredSession;

/**
 * The product as a process (issue 11 items 1 and 6): {@code rollwell} alone serves with the defaults;
 * SIGTERM closes the server and then the database cleanly; SIGKILL mid-session loses nothing that was
 * checkpointed, and the restart records the session as INTERRUPTED with the bed in the safe state.
 */
class ServeLifecycleTest {
    /** A JVM's exit status after SIGTERM once its shutdown hooks ran: 128 + 15. */
    static final int EXIT_SIGTERM = 143;
    static final Duration STOP = Duration.ofSeconds(60);
    static final String PASSWORD = "correct horse battery";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void rollwell_alone_serves_on_127_0_0_1_port_8080_with_the_data_in_the_home_folder() throws Exception {
        try (ServerProcess child = ServerProcess.start(home)) {
            // Port 8080 may be taken on a shared machine: then the refusal still shows serve's defaults.
            child.awaitLine(Pattern.compile("127\\.0\\.0\\.1:8080"), ServerProcess.START);
            child.process().destroy();
            List<String> out = child.outputUntilExit(STOP);
            if (out.stream().anyMatch(l -> l.startsWith("Rollwell serves"))) {
                assertThat(String.join("\n", out)).contains("Rollwell serves http://127.0.0.1:8080/",
                        "jdbc:sqlite:" + home.resolve(".rollwell").resolve(Database.SQLITE_FILE));
            } else {
                assertThat(String.join("\n", out)).contains("rollwell serve: cannot serve on 127.0.0.1:8080");
            }
        }
        assertThat(home.resolve(".rollwell").resolve(Database.SQLITE_FILE)).exists();
    }

    @Test
    void sigterm_closes_the_server_then_the_database_with_the_wal_folded_back() throws Exception {
        Path data = home.resolve("data");
        try (ServerProcess child = ServerProcess.start(home, "serve", "--port", "0", "--data-dir", data.toString())) {
            String address = child.awaitAddress();
            assertThat(address).matches("http://127\\.0\\.0\\.1:\\d+/").doesNotContain(":0/");
            assertThat(signUp(address, "anna").statusCode()).isEqualTo(201);

            child.process().destroy();
            List<String> out = child.outputUntilExit(STOP);

            assertThat(child.process().exitValue()).as("exit after SIGTERM; printed %s", out).isEqualTo(EXIT_SIGTERM);
            assertThat(out).contains("Rollwell stopped; the database is closed.");
        }
        Path wal = data.resolve(Database.SQLITE_FILE + "-wal");
        assertThat(!Files.exists(wal) || Files.size(wal) == 0).as("WAL checkpointed into rollwell.db").isTrue();
        try (Database db = Database.open(Database.sqliteUrl(data), null, null)) {
            assertThat(db.integrityCheck()).isEqualTo("ok");
            assertThat(db.accounts().findByLogin("anna")).isPresent();
        }
    }

    @Test
    void sigkill_mid_session_restarts_with_the_database_intact_and_the_session_interrupted_at_its_last_checkpoint()
            throws Exception {
        Path data = home.resolve("data");
        String url = Database.sqliteUrl(data);
        String accountId;
        String profileId;
        String sessionId;
        try (ServerProcess child = ServerProcess.start(home, "serve", "--port", "0", "--data-dir", data.toString(),
                // the twin at 100 × real time: past homing and the warm-up into the first segment within seconds
                "--time-scale", "100")) {
            String address = child.awaitAddress();
            assertThat(signUp(address, "anna").statusCode()).isEqualTo(201);
            Signed anna = signIn(address, "anna");
            accountId = JSON.readTree(ServerProcess.send("GET", address + "api/me", null, anna.headers()).body())
                    .get("id").asText();
            HttpResponse<String> made = ServerProcess.send("POST", address + "api/profiles",
                    "{\"name\":\"Anna\",\"profile\":" + Files.readString(Path.of("..", "examples", "profiles", "anna.json"))
                            + "}", anna.headers());
            assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
            profileId = JSON.readTree(made.body()).get("id").asText();

            sessionId = startSession(address, anna, profileId).orElseGet(() -> checkpointedSessionThroughTheStore(
                    url, accountId, profileId));
            awaitCheckpoint(url, accountId, sessionId);

            child.process().destroyForcibly();
            child.outputUntilExit(STOP);
        }
        double deliveredAtKill;
        try (Database db = Database.open(url, null, null)) {
            StoredSession cut = db.sessions().find(accountId, sessionId).orElseThrow();
            assertThat(cut.status()).isEqualTo(SessionStatus.RUNNING);
            deliveredAtKill = cut.deliveredS();
        }

        try (ServerProcess child = ServerProcess.start(home, "serve", "--port", "0", "--data-dir", data.toString())) {
            child.awaitLine(Pattern.compile("Recorded 1 session\\(s\\) cut off by a crash as INTERRUPTED"), ServerProcess.START);
            String address = child.awaitAddress();
            Signed anna = signIn(address, "anna");
            HttpResponse<String> bed = ServerProcess.send("GET", address + "api/bed", null, anna.headers());
            if (bed.statusCode() != 404) { // the bed's routes land with the companion module
                assertThat(bed.statusCode()).as(bed.body()).isEqualTo(200);
                assertThat(JSON.readTree(bed.body()).get("state").asText()).as("the bed starts safe").isIn("IDLE", "FAULTED");
            }
            child.process().destroy();
            child.outputUntilExit(STOP);
        }
        try (Database db = Database.open(url, null, null)) {
            assertThat(db.integrityCheck()).isEqualTo("ok");
            StoredSession after = db.sessions().find(accountId, sessionId).orElseThrow();
            assertThat(after.status()).isEqualTo(SessionStatus.INTERRUPTED);
            assertThat(after.deliveredS()).isPositive().isEqualTo(deliveredAtKill);
            assertThat(after.endedAt()).isEqualTo(after.checkpointAt());
            assertThat(db.profiles().list(accountId)).hasSize(1);
        }
    }

    /** A session through the API (the contract's POST /api/sessions); empty while that route does not exist. */
    private static Optional<String> startSession(String address, Signed who, String profileId) throws Exception {
        HttpResponse<String> body = ServerProcess.send("PUT", address + "api/sim/body", "{\"onBed\":true}", who.headers());
        if (body.statusCode() == 404) {
            return Optional.empty();
        }
        HttpResponse<String> started = ServerProcess.send("POST", address + "api/sessions",
                "{\"profileId\":" + JSON.writeValueAsString(profileId) + ",\"goal\":\"RELIEVE_TENSION\",\"minutes\":20}",
                who.headers());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return Optional.of(JSON.readTree(started.body()).get("id").asText());
    }

    /** Until the server runs sessions: a running session with one checkpoint, written as the server would. */
    private static String checkpointedSessionThroughTheStore(String url, String accountId, String profileId) {
        try (Database db = Database.open(url, null, null)) {
            StoredSession s = db.sessions().start(accountId, profileId, new NewSession(5, 1_200, "{\"segments\":[]}"));
            db.sessions().checkpoint(accountId, s.id(), new Checkpoint(312.5, 0.02, "{\"segment\":2}"));
            return s.id();
        }
    }

    /** Polls the database (another process may read it: WAL) until a checkpoint shows therapy delivered; at most 60 s. */
    private static void awaitCheckpoint(String url, String accountId, String sessionId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (Database db = Database.open(url, null, null)) {
            while (System.nanoTime() < deadline) {
                StoredSession s = db.sessions().find(accountId, sessionId).orElseThrow();
                // a checkpoint with therapy delivered (the first ones fall in homing and the warm-up, with none yet)
                if (s.checkpointAt().isPresent() && s.deliveredS() > 0) {
                    return;
                }
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("session " + sessionId + " has no checkpoint with therapy delivered after 60 s"
                + " (issue 11: at least every 5 s)");
    }

    record Signed(String cookie, String csrf) {
        String[] headers() {
            return new String[] {"Cookie", cookie, "X-CSRF-Token", csrf};
        }
    }

    private static HttpResponse<String> signUp(String address, String login) throws Exception {
        return ServerProcess.send("POST", address + "api/accounts", credentials(login));
    }

    private static Signed signIn(String address, String login) throws Exception {
        HttpResponse<String> in = ServerProcess.send("POST", address + "api/session", credentials(login));
        assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(in.body());
        return new Signed(in.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0], body.get("csrfToken").asText());
    }

    private static String credentials(String login) {
        return "{\"login\":\"" + login + "\",\"password\":\"" + PASSWORD + "\"}";
    }
}
