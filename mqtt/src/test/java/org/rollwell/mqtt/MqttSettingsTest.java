package org.rollwell.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MqttSettingsTest {
    private static final Path OUT = Path.of("/tmp/outbox");

    @Test
    void plain_and_tls_addresses_get_their_default_ports() {
        assertThat(MqttSettings.parse("mqtt://broker.local", null, null, "bed1", OUT).serverUri()).isEqualTo("tcp://broker.local:1883");
        MqttSettings tls = MqttSettings.parse("mqtts://broker.local", "bed1", "pw", "bed1", OUT);
        assertThat(tls.serverUri()).isEqualTo("ssl://broker.local:8883");
        assertThat(tls.tls()).isTrue();
        assertThat(tls.toString()).doesNotContain("pw");
    }

    @Test
    void bad_addresses_and_ids_are_refused_naming_the_option() {
        assertThatThrownBy(() -> MqttSettings.parse("http://broker", null, null, "bed1", OUT)).hasMessageStartingWith("--mqtt:");
        assertThatThrownBy(() -> MqttSettings.parse("mqtt://", null, null, "bed1", OUT)).hasMessageStartingWith("--mqtt:");
        assertThatThrownBy(() -> MqttSettings.parse("mqtt://b/x", null, null, "bed1", OUT)).hasMessageStartingWith("--mqtt:");
        assertThatThrownBy(() -> MqttSettings.parse("mqtt://b", null, "pw", "bed1", OUT)).hasMessageStartingWith("--mqtt-password:");
        // a wildcard or a slash in the id would reach other beds' topics
        for (String id : new String[] {"bed/2", "bed+", "#", "", "Bed1"}) {
            assertThatThrownBy(() -> MqttSettings.parse("mqtt://b", null, null, id, OUT)).hasMessageStartingWith("--bed-id:");
        }
    }

    @Test
    void a_host_name_becomes_a_safe_bed_id() {
        assertThat(MqttSettings.bedIdFrom("Living-Room.local")).isEqualTo("living-room-local");
        assertThat(MqttSettings.bedIdFrom("x".repeat(40))).hasSize(32);
    }
}
