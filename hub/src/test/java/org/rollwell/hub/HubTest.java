package org.rollwell.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rollwell.mqtt.Listener;
import org.rollwell.mqtt.Mosquitto;
import org.rollwell.store.PostgresServer;

/** Many beds into PostgreSQL through a real Mosquitto: each message stored once, gaps found, nothing lost while the hub is away. */
class HubTest {
    private static final long WAIT_MS = 20_000;

    private Mosquitto broker;
    private HubStore store;
    private Hub hub;
    private Listener beds;

    @BeforeEach
    void start() throws Exception {
        Mosquitto.assumeInstalled();
        PostgresServer pg = PostgresServer.get().orElse(null);
        if (pg == null) {
            if (PostgresServer.required()) {
                throw new AssertionError(PostgresServer.REQUIRE + "=1 but " + PostgresServer.whyMissing());
            }
            org.junit.jupiter.api.Assumptions.abort(PostgresServer.whyMissing());
        }
        broker = Mosquitto.start();
        store = HubStore.open(pg.freshSchemaUrl(), pg.user(), pg.password());
        hub = Hub.start(store, broker.serverUri(), null, null, "hub-test", Clock.systemUTC());
        // stands for the beds: one raw client publishing on their topics
        beds = new Listener(broker.serverUri());
    }

    @AfterEach
    void stop() throws Exception {
        if (beds != null) {
            beds.close();
        }
        if (hub != null) {
            hub.close();
        }
        if (store != null) {
            store.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static String telemetry(long boot, long seq, String state, String fault) {
        return "{\"boot\":" + boot + ",\"seq\":" + seq + ",\"state\":\"" + state + "\",\"fault_code\":"
                + (fault == null ? "null" : "\"" + fault + "\"") + "}";
    }

    @Test
    void telemetry_and_records_are_stored_once_each_even_when_delivered_twice() throws Exception {
        for (int seq = 1; seq <= 5; seq++) {
            beds.publish("rollwell/bed1/telemetry", telemetry(1000, seq, "running", null));
        }
        beds.publish("rollwell/bed1/telemetry", telemetry(1000, 3, "running", null));
        // QoS 1 means at least once: the same record and event twice
        beds.publish("rollwell/bed1/records", "{\"id\":\"s-1\",\"delivered\":2400}");
        beds.publish("rollwell/bed1/records", "{\"id\":\"s-1\",\"delivered\":2400}");
        beds.publish("rollwell/bed1/events", "{\"event\":\"COMMAND\",\"command\":\"stop\"}");
        beds.publish("rollwell/bed1/events", "{\"event\":\"COMMAND\",\"command\":\"stop\"}");
        assertThat(hub.stats().awaitHandled(10, WAIT_MS)).isTrue();

        assertThat(store.telemetryCount("bed1")).isEqualTo(5);
        assertThat(store.stored("bed1", "records")).containsExactly("{\"id\":\"s-1\",\"delivered\":2400}");
        assertThat(store.stored("bed1", "events")).hasSize(1);
        assertThat(store.gaps("bed1")).isEmpty();
    }

    @Test
    void missing_telemetry_is_reported_as_gaps_and_a_restarted_bed_is_not_a_gap() throws Exception {
        for (long seq : new long[] {1, 2, 5, 6, 10}) {
            beds.publish("rollwell/bed2/telemetry", telemetry(1000, seq, "running", null));
        }
        // the bed restarts: its numbers begin again at 1 under a new boot
        beds.publish("rollwell/bed2/telemetry", telemetry(2000, 1, "idle", null));
        beds.publish("rollwell/bed2/telemetry", telemetry(2000, 2, "idle", null));
        assertThat(hub.stats().awaitHandled(7, WAIT_MS)).isTrue();

        assertThat(store.gaps("bed2")).containsExactly(new HubStore.Gap("bed2", 1000, 3, 4), new HubStore.Gap("bed2", 1000, 7, 9));
        assertThat(store.telemetryCount("bed2")).isEqualTo(7);
    }

    @Test
    void records_sent_while_the_hub_is_away_are_stored_when_it_comes_back() throws Exception {
        hub.close();
        for (int i = 1; i <= 3; i++) {
            beds.publish("rollwell/bed3/records", "{\"id\":\"s-" + i + "\"}");
        }
        hub = Hub.start(store, broker.serverUri(), null, null, "hub-test", Clock.systemUTC());
        assertThat(hub.stats().awaitHandled(3, WAIT_MS)).isTrue();
        assertThat(store.stored("bed3", "records")).hasSize(3);
    }

    @Test
    void telemetry_sent_while_the_hub_is_away_is_stored_once_when_it_comes_back() throws Exception {
        beds.publish("rollwell/bed4/telemetry", telemetry(1000, 1, "running", null));
        assertThat(hub.stats().awaitHandled(1, WAIT_MS)).isTrue();
        hub.close();
        // QoS 1 on the hub's persistent session: the broker keeps what comes meanwhile
        for (int seq = 2; seq <= 4; seq++) {
            beds.publish("rollwell/bed4/telemetry", telemetry(1000, seq, "running", null));
        }
        hub = Hub.start(store, broker.serverUri(), null, null, "hub-test", Clock.systemUTC());
        // and a redelivery of a row stored before the restart, in a batch with new ones
        beds.publish("rollwell/bed4/telemetry", telemetry(1000, 1, "running", null));
        beds.publish("rollwell/bed4/telemetry", telemetry(1000, 5, "running", null));
        assertThat(hub.stats().awaitHandled(5, WAIT_MS)).isTrue();

        assertThat(store.telemetryCount("bed4")).isEqualTo(5);
        assertThat(store.gaps("bed4")).isEmpty();
    }

    @Test
    void a_bed_that_faults_shows_its_fault_at_once_and_recovers_from_it() throws Exception {
        beds.publish("rollwell/bed-d/telemetry", telemetry(1, 1, "running", null));
        assertThat(hub.stats().awaitHandled(1, WAIT_MS)).isTrue();
        // the next second's row would be skipped as unchanged; a fault is a change, and so is its end
        beds.publish("rollwell/bed-d/telemetry", telemetry(1, 2, "faulted", "LOAD_CELL_FAIL"));
        assertThat(hub.stats().awaitHandled(2, WAIT_MS)).isTrue();
        assertThat(store.beds()).singleElement().extracting(HubStore.Bed::faultCode).isEqualTo("LOAD_CELL_FAIL");
        beds.publish("rollwell/bed-d/telemetry", telemetry(1, 3, "idle", null));
        assertThat(hub.stats().awaitHandled(3, WAIT_MS)).isTrue();
        assertThat(store.beds()).singleElement().satisfies(b -> {
            assertThat(b.state()).isEqualTo("idle");
            assertThat(b.faultCode()).isNull();
        });
    }

    @Test
    void ingest_lag_counts_from_the_beds_send_time_to_the_commit() throws Exception {
        hub.close();
        Instant commit = Instant.parse("2026-11-30T12:00:00Z");
        hub = Hub.start(store, broker.serverUri(), null, null, "hub-test", Clock.fixed(commit, ZoneOffset.UTC));
        long sentMs = commit.toEpochMilli() - 1_500;
        beds.publish("rollwell/bed5/telemetry", "{\"boot\":7,\"seq\":1,\"sent_ms\":" + sentMs + ",\"state\":\"idle\",\"fault_code\":null}");
        assertThat(hub.stats().awaitHandled(1, WAIT_MS)).isTrue();
        assertThat(hub.stats().lagQuantileMs(0.99)).isEqualTo(1_500);
    }

    @Test
    void the_clinic_list_shows_faulted_beds_first_with_their_availability() throws Exception {
        beds.publish("rollwell/bed-a/availability", "online");
        beds.publish("rollwell/bed-a/telemetry", telemetry(1, 1, "running", null));
        beds.publish("rollwell/bed-b/availability", "online");
        beds.publish("rollwell/bed-b/telemetry", telemetry(1, 1, "faulted", "HEATER_RUNAWAY"));
        beds.publish("rollwell/bed-c/availability", "offline");
        // malformed telemetry is dropped and counted, never stored
        beds.publish("rollwell/bed-c/telemetry", "{not json");
        assertThat(hub.stats().awaitHandled(6, WAIT_MS)).isTrue();

        List<HubStore.Bed> list = store.beds();
        assertThat(list).extracting(HubStore.Bed::bedId).containsExactly("bed-b", "bed-a", "bed-c");
        assertThat(list.get(0).faultCode()).isEqualTo("HEATER_RUNAWAY");
        assertThat(list.get(2).availability()).isEqualTo("offline");
        assertThat(hub.stats().malformed()).isEqualTo(1);
    }

    @Test
    void the_clinic_page_lists_beds_faults_first_and_shows_a_beds_gaps_escaped() throws Exception {
        beds.publish("rollwell/bed-a/telemetry", telemetry(1, 1, "running", null));
        beds.publish("rollwell/bed-b/telemetry", telemetry(1, 1, "faulted", "<b>HEATER_RUNAWAY</b>"));
        beds.publish("rollwell/bed-b/telemetry", telemetry(1, 4, "faulted", "<b>HEATER_RUNAWAY</b>"));
        assertThat(hub.stats().awaitHandled(3, WAIT_MS)).isTrue();
        try (ClinicPage page = ClinicPage.start(store, "127.0.0.1", 0)) {
            var http = java.net.http.HttpClient.newHttpClient();
            String list = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + page.port() + "/")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(list.indexOf("bed-b")).isLessThan(list.indexOf("bed-a"));
            // what a bed sends is shown, never run
            assertThat(list).contains("&lt;b&gt;HEATER_RUNAWAY&lt;/b&gt;").doesNotContain("<b>HEATER");
            String bed = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + page.port() + "/beds/bed-b")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(bed).contains("messages 2–3 never arrived");
            var missing = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + page.port() + "/beds/..%2Fetc")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(missing.statusCode()).isEqualTo(404);
        }
    }
}
