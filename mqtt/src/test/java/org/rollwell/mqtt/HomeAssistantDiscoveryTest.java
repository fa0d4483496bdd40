package org.rollwell.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every discovery payload, field by field, against the configuration variables Home Assistant
 * documents for its MQTT sensor, binary sensor and button integrations
 * (https://www.home-assistant.io/integrations/sensor.mqtt/, …/binary_sensor.mqtt/, …/button.mqtt/,
 * and the device and availability keys of https://www.home-assistant.io/integrations/mqtt/).
 */
class HomeAssistantDiscoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Keys every MQTT entity documents. */
    private static final Set<String> COMMON = Set.of("name", "unique_id", "availability_topic", "payload_available",
            "payload_not_available", "device", "icon", "entity_category", "enabled_by_default", "json_attributes_topic",
            "json_attributes_template", "qos", "default_entity_id", "object_id", "encoding", "availability",
            "availability_mode", "availability_template");
    private static final Map<String, Set<String>> OWN = Map.of(
            "sensor", Set.of("state_topic", "value_template", "unit_of_measurement", "device_class", "state_class",
                    "options", "expire_after", "force_update", "suggested_display_precision", "last_reset_value_template"),
            "binary_sensor", Set.of("state_topic", "value_template", "payload_on", "payload_off", "device_class",
                    "expire_after", "force_update", "off_delay"),
            "button", Set.of("command_topic", "command_template", "payload_press", "device_class", "retain"));
    private static final Map<String, String> REQUIRED = Map.of("sensor", "state_topic", "binary_sensor", "state_topic",
            "button", "command_topic");
    /** The device classes Home Assistant lists that a bed's entities could use. */
    private static final Map<String, Set<String>> DEVICE_CLASSES = Map.of(
            "sensor", Set.of("enum", "duration", "temperature"),
            "binary_sensor", Set.of("occupancy", "problem"),
            "button", Set.of("identify", "restart", "update"));
    private static final Set<String> DEVICE_KEYS = Set.of("identifiers", "connections", "name", "manufacturer", "model",
            "model_id", "sw_version", "hw_version", "serial_number", "suggested_area", "configuration_url", "via_device");
    private static final Pattern TOPIC = Pattern.compile("homeassistant/(sensor|binary_sensor|button)/rollwell_bed7/([a-z0-9_]+)/config");
    private static final Pattern FIELD = Pattern.compile("value_json\\.([a-z_]+)");

    private final HomeAssistantDiscovery discovery = new HomeAssistantDiscovery(new Topics("bed7"), 3, "0.1.0");

    @Test
    void every_payload_uses_only_documented_keys_and_has_the_required_ones() throws Exception {
        for (Message m : discovery.configs()) {
            Matcher t = TOPIC.matcher(m.topic());
            assertThat(t.matches()).as(m.topic()).isTrue();
            String component = t.group(1);
            JsonNode config = JSON.readTree(m.text());
            List<String> keys = new ArrayList<>();
            config.fieldNames().forEachRemaining(keys::add);
            Set<String> allowed = new HashSet<>(COMMON);
            allowed.addAll(OWN.get(component));
            assertThat(keys).as(m.topic()).allMatch(allowed::contains);
            assertThat(config.has(REQUIRED.get(component))).as(m.topic()).isTrue();
            assertThat(config.get("unique_id").asText()).isEqualTo("rollwell_bed7_" + t.group(2));
            assertThat(config.get("availability_topic").asText()).isEqualTo("rollwell/bed7/availability");
            List<String> deviceKeys = new ArrayList<>();
            config.get("device").fieldNames().forEachRemaining(deviceKeys::add);
            assertThat(deviceKeys).allMatch(DEVICE_KEYS::contains);
            assertThat(config.get("device").get("identifiers").get(0).asText()).isEqualTo("rollwell_bed7");
            if (config.has("device_class")) {
                assertThat(DEVICE_CLASSES.get(component)).as(m.topic()).contains(config.get("device_class").asText());
            }
            assertThat(m.retained()).isTrue();
        }
    }

    @Test
    void units_and_classes_agree_as_home_assistant_requires() throws Exception {
        for (Message m : discovery.configs()) {
            JsonNode c = JSON.readTree(m.text());
            String cls = c.path("device_class").asText("");
            switch (cls) {
                case "temperature" -> assertThat(c.get("unit_of_measurement").asText()).isEqualTo("°C");
                case "duration" -> assertThat(c.get("unit_of_measurement").asText()).isIn("d", "h", "min", "s", "ms");
                case "enum" -> {
                    assertThat(c.has("unit_of_measurement")).isFalse();
                    List<String> options = new ArrayList<>();
                    c.get("options").forEach(o -> options.add(o.asText()));
                    assertThat(options).containsExactlyElementsOf(BedTelemetry.STATES);
                }
                default -> { }
            }
        }
    }

    @Test
    void the_device_has_the_entities_the_product_promises_and_no_start() {
        List<String> objects = discovery.configs().stream().map(m -> {
            Matcher t = TOPIC.matcher(m.topic());
            return t.matches() ? t.group(1) + ":" + t.group(2) : m.topic();
        }).toList();
        assertThat(objects).containsExactlyInAnyOrder("sensor:state", "sensor:technique", "sensor:time_left",
                "sensor:roller_temp_1", "sensor:roller_temp_2", "sensor:roller_temp_3", "sensor:force",
                "binary_sensor:presence", "binary_sensor:fault", "sensor:pain_change",
                "button:stop", "button:pause", "button:resume");
    }

    @Test
    void every_template_reads_a_field_the_state_message_carries() throws Exception {
        JsonNode state = JSON.readTree(StateMessage.json(BedTelemetry.idle(3)));
        for (Message m : discovery.configs()) {
            JsonNode c = JSON.readTree(m.text());
            for (String key : List.of("value_template", "json_attributes_template")) {
                if (c.has(key)) {
                    Matcher f = FIELD.matcher(c.get(key).asText());
                    assertThat(f.find()).as(m.topic()).isTrue();
                    do {
                        assertThat(state.has(f.group(1))).as("%s reads %s", m.topic(), f.group(1)).isTrue();
                    } while (f.find());
                }
            }
            if (c.has("state_topic")) {
                assertThat(c.get("state_topic").asText()).isEqualTo("rollwell/bed7/state");
            }
        }
    }

    @Test
    void removal_empties_every_config_retained() {
        assertThat(discovery.removals()).hasSameSizeAs(discovery.configs())
                .allSatisfy(m -> {
                    assertThat(m.payload()).isEmpty();
                    assertThat(m.retained()).isTrue();
                });
    }
}
