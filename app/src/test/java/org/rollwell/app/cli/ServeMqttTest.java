package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollwell.mqtt.Listener;
import org.rollwell.mqtt.Mosquitto;
import picocli.CommandLine;

/** {@code rollwell serve --mqtt}: the running bed appears in Home Assistant, refuses a remote start, and says goodbye. */
class ServeMqttTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void the_served_bed_is_discovered_reports_its_state_refuses_a_start_and_goes_offline_when_stopped() throws Exception {
        Mosquitto.assumeInstalled();
        try (Mosquitto broker = Mosquitto.start();
             Listener ha = new Listener(broker.serverUri(), "homeassistant/button/#", "rollwell/ward-3/#")) {
            ServeCommand serve = new ServeCommand();
            CommandLine cl = new CommandLine(serve);
            StringWriter out = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            cl.parseArgs("--port", "0", "--data-dir", dir.toString(), "--mqtt", broker.url(), "--bed-id", "ward-3");
            ServeCommand.Running running = serve.start();
            try {
                assertThat(out.toString()).contains("Publishing the bed as 'ward-3'");
                assertThat(ha.await(r -> r.topic().equals("rollwell/ward-3/availability") && r.text().equals("online")))
                        .isNotNull();
                assertThat(ha.awaitTopic("homeassistant/button/rollwell_ward-3/stop/config").text()).contains("rollwell/ward-3/command/stop");
                JsonNode state = JSON.readTree(ha.awaitTopic("rollwell/ward-3/state").text());
                assertThat(state.get("state").asText()).isEqualTo("idle");
                assertThat(state.get("person_on_bed").asBoolean()).isFalse();
                assertThat(state.get("roller_temps_c")).hasSize(2);
                // no session has run since serve started, so there is no pain change to show yet
                assertThat(state.get("pain_change").isNull()).isTrue();

                ha.publish("rollwell/ward-3/command/start", "PRESS");
                JsonNode refused = JSON.readTree(ha.await(r -> r.topic().equals("rollwell/ward-3/events")).text());
                assertThat(refused.get("event").asText()).isEqualTo("COMMAND_REFUSED");
                ha.publish("rollwell/ward-3/command/stop", "PRESS");
                JsonNode stop = JSON.readTree(ha.await(r -> r.topic().equals("rollwell/ward-3/events")).text());
                assertThat(stop.get("result").asText()).isEqualTo("nothing to stop: the bed is at rest");
            } finally {
                ServeCommand.stop(running, new PrintWriter(new StringWriter()));
            }
            assertThat(ha.await(r -> r.topic().equals("rollwell/ward-3/availability") && r.text().equals("offline")))
                    .isNotNull();
        }
    }

    @Test
    void broker_options_are_checked_before_anything_starts() {
        assertThat(Cli.run("serve", "--mqtt", "http://broker", "--data-dir", dir.toString()).refusedAsBadInput().errLines())
                .containsExactly("rollwell serve: --mqtt: must start with mqtt:// or mqtts://, was 'http://broker'");
        assertThat(Cli.run("serve", "--bed-id", "ward-3", "--data-dir", dir.toString()).refusedAsBadInput().errLines())
                .containsExactly("rollwell serve: --bed-id needs --mqtt");
        assertThat(Cli.run("serve", "--mqtt", "mqtt://b", "--bed-id", "Ward/3", "--data-dir", dir.toString())
                .refusedAsBadInput().err()).contains("--bed-id: 1–32 of a–z");
        // nothing was opened for a refused start
        assertThat(dir.resolve("rollwell.db")).doesNotExist();
    }
}
