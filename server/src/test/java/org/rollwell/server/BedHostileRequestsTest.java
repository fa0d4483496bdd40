package org.rollwell.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.rollwell.store.Database;
import org.rollwell.store.TestClock;

/**
 * Malformed and hostile bodies, ids, query parameters and cookies sent to every route of the bed
 * (status, scans, sessions, the simulator's controls): always a 4xx problem+json, never a 500 or a
 * stack trace, and the twin's person stays off the bed so nothing hostile can move it. Seeds: jqwik's
 * random ones, reported on failure.
 */
class BedHostileRequestsTest {
    private static Path dir;
    private static Database db;
    private static CompanionServer server;
    private static Api owner;
    private static String profileId;

    /** A route: {id} is replaced by the hostile id; {@code readsBody} sends the hostile body. */
    record Target(String method, String path, boolean readsBody) {
    }

    static final List<Target> TARGETS = List.of(
            new Target("GET", "/api/bed", false),
            new Target("POST", "/api/scans", true),
            new Target("GET", "/api/scans/{id}", false),
            new Target("POST", "/api/sessions", true),
            new Target("GET", "/api/sessions?profileId={id}", false),
            new Target("GET", "/api/sessions/{id}", false),
            new Target("POST", "/api/sessions/current/pause", true),
            new Target("POST", "/api/sessions/current/resume", true),
            new Target("POST", "/api/sessions/current/stop", true),
            new Target("POST", "/api/sessions/current/acknowledge", true),
            new Target("POST", "/api/sessions/current/adjust", true),
            new Target("PUT", "/api/sim/body", true),
            new Target("POST", "/api/sim/faults", true));

    record Attack(Target target, String body, String id, String cookie, String csrf, boolean signedIn) {
    }

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("rollwell-bed-hostile-");
        TestClock clock = new TestClock(Instant.parse("2026-11-30T07:00:00Z"), ZoneId.of("Europe/Berlin"));
        db = Database.open(Database.sqliteUrl(dir), null, null, clock);
        server = CompanionServer.start(db, new CompanionServer.Options("127.0.0.1", 0, OnEachEngine.TEST_COST), clock,
                OnEachEngineWithBed.twin(db, clock).link());
        owner = new Api(server.port()).signUpAndIn("owner@example.org", "a long enough password");
        profileId = Json.field(owner.post("/api/profiles", Json.profileBody("Owner", Json.sampleProfile("anna"))).body(), "id");
    }

    @AfterContainer
    static void stop() {
        server.close();
        db.close();
    }

    @Property(tries = 300, seed = "2026") // pinned: a CI failure can be rerun; explore by dropping the seed
    void every_hostile_request_to_the_bed_gets_a_4xx_problem(@ForAll("attacks") Attack a) {
        Map<String, String> headers = new LinkedHashMap<>();
        String cookie = a.signedIn() ? owner.cookie : a.cookie();
        if (!cookie.isEmpty()) {
            headers.put("Cookie", cookie);
        }
        headers.put(Auth.CSRF_HEADER, a.signedIn() ? owner.csrf : a.csrf());
        String path = a.target().path().replace("{id}", URLEncoder.encode(a.id(), StandardCharsets.UTF_8).replace("+", "%20"));
        Api.Answer answer = owner.raw(a.target().method(), path, a.target().readsBody() ? a.body() : null, headers);

        if (answer.status() == 200 && a.signedIn() && !a.target().readsBody()) {
            // GET /api/bed and a history read with a real session are allowed to answer; nothing else is
            assertThat(a.target().method()).isEqualTo("GET");
            return;
        }
        assertThat(answer.status()).as("%s %s %s -> %s", a.target().method(), path, a.body(), answer.body()).isBetween(400, 499);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(Json.tree(answer.body()).get("field").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("org.rollwell");
    }

    @Provide
    Arbitrary<Attack> attacks() {
        return Combinators.combine(Arbitraries.of(TARGETS), bodies(), HostileRequestsTest.ids(), HostileRequestsTest.cookies(),
                HostileRequestsTest.headerValues(), Arbitraries.of(true, false)).as(Attack::new);
    }

    /** Bodies no bed route can act on: the shared hostile ones and wrong shapes of the bed's own fields. */
    static Arbitrary<String> bodies() {
        Arbitrary<String> bed = Arbitraries.of("{\"profileId\":1}", "{\"profileId\":null,\"goal\":\"STRESS\"}",
                "{\"profileId\":\"x\",\"goal\":5}", "{\"profileId\":\"00000000-0000-0000-0000-000000000000\",\"goal\":\"STRESS\"}",
                "{\"intensity\":\"1\"}", "{\"intensity\":0}", "{\"heat\":2}", "{\"intensity\":1,\"heat\":1}", "{\"heat\":null}",
                "{\"intensity\":1e999}", "{\"onBed\":\"yes\"}", "{\"onBed\":null}", "{\"kind\":\"LOOP_STALL\"}",
                "{\"kind\":\"HEATER_DEAD\",\"zone\":99}", "{\"kind\":\"HEATER_DEAD\",\"zone\":-1}", "{\"kind\":\"HEATER_DEAD\",\"zone\":0.5}",
                "{\"kind\":[\"ESTOP\"]}", "{\"kind\":\"" + "E".repeat(500) + "\"}");
        Arbitrary<String> ownProfile = Arbitraries.of("\"goal\":\"NOT_A_GOAL\"", "\"goal\":\"STRESS\",\"program\":\"x\"",
                "\"goal\":\"STRESS\",\"minutes\":5", "\"goal\":\"STRESS\",\"minutes\":\"20\"", "\"program\":\"no-such-program\"",
                "\"minutes\":20")
                .map(rest -> "{\"profileId\":" + Json.quote(profileId) + "," + rest + "}");
        return Arbitraries.oneOf(HostileRequestsTest.bodies(), bed, ownProfile);
    }
}
