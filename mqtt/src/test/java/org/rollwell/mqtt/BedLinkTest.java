package org.rollwell.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One bed on a real Mosquitto: Home Assistant sees it, may stop and pause it, and can never start it. */
class BedLinkTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private Mosquitto broker;
    private FakeBed bed;
    private BedLink link;

    @BeforeEach
    void start() throws Exception {
        Mosquitto.assumeInstalled();
        broker = Mosquitto.start();
        bed = new FakeBed();
        link = new BedLink(MqttSettings.parse(broker.url(), null, null, "bed1", tmp.resolve("outbox")), 3, "test", bed, 1000);
    }

    @AfterEach
    void stop() throws Exception {
        if (link != null) {
            link.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void home_assistant_finds_every_entity_retained_and_the_bed_online() throws Exception {
        try (Listener ha = new Listener(broker.serverUri(), "homeassistant/#", "rollwell/bed1/availability")) {
            link.start();
            assertThat(ha.awaitTopic("rollwell/bed1/availability").text()).isEqualTo("online");
            for (Message config : link.discoveryConfigs()) {
                Listener.Received got = ha.awaitTopic(config.topic());
                assertThat(JSON.readTree(got.text())).isEqualTo(JSON.readTree(config.text()));
            }
        }
        // a Home Assistant that starts later still finds them: they are retained
        try (Listener late = new Listener(broker.serverUri(), "homeassistant/button/#")) {
            Listener.Received stop = late.awaitTopic("homeassistant/button/rollwell_bed1/stop/config");
            assertThat(stop.retained()).isTrue();
        }
    }

    @Test
    void the_state_every_entity_reads_arrives_retained_and_telemetry_counts_up() throws Exception {
        try (Listener ha = new Listener(broker.serverUri(), "rollwell/bed1/availability", "rollwell/bed1/state",
                "rollwell/bed1/telemetry")) {
            link.start();
            ha.awaitTopic("rollwell/bed1/availability");
            BedTelemetry running = new BedTelemetry("running", "KNEAD", 600, 412.5, 88.2, List.of(44.1, 45.0, 43.9), true, null, -2);
            link.publish(running);
            link.publish(running);
            JsonNode state = JSON.readTree(ha.awaitTopic("rollwell/bed1/state").text());
            assertThat(state.get("state").asText()).isEqualTo("running");
            assertThat(state.get("technique").asText()).isEqualTo("knead");
            assertThat(state.get("roller_temps_c").get(1).asDouble()).isEqualTo(45.0);
            JsonNode first = JSON.readTree(ha.awaitTopic("rollwell/bed1/telemetry").text());
            JsonNode second = JSON.readTree(ha.awaitTopic("rollwell/bed1/telemetry").text());
            assertThat(second.get("seq").asLong()).isEqualTo(first.get("seq").asLong() + 1);
            // the send time a hub counts its ingest lag from: ms since 1970, after the link's start
            assertThat(second.get("sent_ms").asLong()).isGreaterThanOrEqualTo(first.get("boot").asLong());
            assertThat(state.has("sent_ms")).isFalse();
        }
    }

    @Test
    void stop_pause_and_resume_buttons_reach_the_bed() throws Exception {
        try (Listener ha = new Listener(broker.serverUri(), "rollwell/bed1/availability", "rollwell/bed1/events")) {
            link.start();
            ha.awaitTopic("rollwell/bed1/availability");
            ha.publish("rollwell/bed1/command/pause", "PRESS");
            assertThat(JSON.readTree(ha.awaitTopic("rollwell/bed1/events").text()).get("command").asText()).isEqualTo("pause");
            ha.publish("rollwell/bed1/command/resume", "PRESS");
            ha.awaitTopic("rollwell/bed1/events");
            ha.publish("rollwell/bed1/command/stop", "PRESS");
            JsonNode stopped = JSON.readTree(ha.awaitTopic("rollwell/bed1/events").text());
            assertThat(stopped.get("result").asText()).startsWith("stopped");
            assertThat(bed.asked).containsExactly("pause", "resume", "stop");
        }
    }

    @Test
    void a_start_from_a_remote_is_refused_and_reported_and_moves_nothing() throws Exception {
        try (Listener ha = new Listener(broker.serverUri(), "rollwell/bed1/availability", "rollwell/bed1/events")) {
            link.start();
            ha.awaitTopic("rollwell/bed1/availability");
            ha.publish("rollwell/bed1/command/start", "{\"program\":\"relax\"}");
            JsonNode refused = JSON.readTree(ha.awaitTopic("rollwell/bed1/events").text());
            assertThat(refused.get("event").asText()).isEqualTo("COMMAND_REFUSED");
            assertThat(refused.get("command").asText()).isEqualTo("start");
            assertThat(refused.get("reason").asText()).contains("starts on the bed");
            assertThat(bed.asked).isEmpty();
        }
        assertThat(link.discoveryConfigs()).noneMatch(m -> m.topic().contains("start") || m.text().contains("/start"));
    }

    @Test
    void turning_mqtt_off_removes_the_entities_from_home_assistant() throws Exception {
        try (Listener ha = new Listener(broker.serverUri(), "homeassistant/#", "rollwell/bed1/availability")) {
            link.start();
            ha.awaitTopic("rollwell/bed1/availability");
            for (Message config : link.discoveryConfigs()) {
                ha.awaitTopic(config.topic());
            }
            link.removeFromHomeAssistant();
            for (Message config : link.discoveryConfigs()) {
                // an empty retained payload is the convention's "remove this entity"
                assertThat(ha.await(r -> r.topic().equals(config.topic()) && r.text().isEmpty())).isNotNull();
            }
        }
    }

    @Test
    void records_wait_on_disk_while_the_broker_is_away_and_arrive_in_order_after() throws Exception {
        // the hub: a persistent subscription (clean session off), so the broker keeps its QoS 1 messages across a restart
        Listener hub = new Listener(broker.serverUri(), "hub", null, null, false, "rollwell/bed1/records", "rollwell/bed1/availability");
        hub.close();
        link.start();
        try (Listener watch = new Listener(broker.serverUri(), "rollwell/bed1/availability")) {
            watch.awaitTopic("rollwell/bed1/availability");
        }
        broker.stop();
        // 60 s of a session go by on the bed with no broker: telemetry is dropped, records and events wait
        for (int s = 1; s <= 60; s++) {
            link.publish(new BedTelemetry("running", "ROLL", 60 - s, 300, 70, List.of(44.0, 44.0, 44.0), true, null, null));
            if (s % 20 == 0) {
                link.sendRecord("{\"session\":" + s / 20 + "}");
            }
        }
        assertThat(link.waiting()).isEqualTo(3);
        broker.restart();
        try (Listener back = new Listener(broker.serverUri(), "hub", null, null, false, "rollwell/bed1/records")) {
            for (int i = 1; i <= 3; i++) {
                assertThat(JSON.readTree(back.awaitTopic("rollwell/bed1/records").text()).get("session").asInt()).isEqualTo(i);
            }
        }
        assertThat(link.waiting()).isZero();
    }

    @Test
    void records_a_crash_left_on_disk_are_sent_at_the_next_start() throws Exception {
        Path outbox = tmp.resolve("left");
        new Outbox(outbox).append(new Message("rollwell/bed1/records", "{\"session\":7}".getBytes(), 1, false));
        Files.writeString(outbox.resolve("00000000000000000002.msg.tmp"), "half a message");
        try (Listener hub = new Listener(broker.serverUri(), "rollwell/bed1/records");
             BedLink again = new BedLink(MqttSettings.parse(broker.url(), null, null, "bed1", outbox), 3, "test", bed, 1000)) {
            again.start();
            assertThat(JSON.readTree(hub.awaitTopic("rollwell/bed1/records").text()).get("session").asInt()).isEqualTo(7);
        }
    }
}
