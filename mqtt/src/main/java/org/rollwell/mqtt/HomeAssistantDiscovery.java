package org.rollwell.mqtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The retained discovery configs that make one bed a device in Home Assistant, after Home
 * Assistant's MQTT discovery convention (https://www.home-assistant.io/integrations/mqtt/#mqtt-discovery:
 * topic {@code <prefix>/<component>/<node_id>/<object_id>/config}, payload the entity's
 * configuration variables as the sensor, binary_sensor and button integrations document them).
 * Every entity reads its field from the one retained state message ({@link StateMessage}).
 * There is no start entity: motion never starts from a remote.
 */
public final class HomeAssistantDiscovery {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Topics topics;
    private final int zones;
    private final String version;

    public HomeAssistantDiscovery(Topics topics, int zones, String version) {
        if (zones < 1) {
            throw new IllegalArgumentException("zones: at least 1, was " + zones);
        }
        this.topics = topics;
        this.zones = zones;
        this.version = version;
    }

    /** Every entity's config, retained. */
    public List<Message> configs() {
        List<Message> out = new ArrayList<>();
        ObjectNode state = sensor("state", "State", "{{ value_json.state }}");
        state.put("device_class", "enum");
        ArrayNode options = state.putArray("options");
        BedTelemetry.STATES.forEach(options::add);
        out.add(config("sensor", "state", state));
        out.add(config("sensor", "technique", sensor("technique", "Technique", "{{ value_json.technique }}")));
        ObjectNode left = sensor("time_left", "Time left", "{{ value_json.seconds_left }}");
        left.put("device_class", "duration");
        left.put("unit_of_measurement", "s");
        out.add(config("sensor", "time_left", left));
        for (int z = 0; z < zones; z++) {
            ObjectNode temp = sensor("roller_temp_" + (z + 1), "Roller temperature, zone " + (z + 1),
                    "{{ value_json.roller_temps_c[" + z + "] }}");
            temp.put("device_class", "temperature");
            temp.put("unit_of_measurement", "°C");
            temp.put("state_class", "measurement");
            out.add(config("sensor", "roller_temp_" + (z + 1), temp));
        }
        ObjectNode force = sensor("force", "Roller force", "{{ value_json.force_n }}");
        force.put("unit_of_measurement", "N");
        force.put("state_class", "measurement");
        out.add(config("sensor", "force", force));
        ObjectNode presence = binarySensor("presence", "Person on the bed", "{{ 'ON' if value_json.person_on_bed else 'OFF' }}");
        presence.put("device_class", "occupancy");
        out.add(config("binary_sensor", "presence", presence));
        ObjectNode fault = binarySensor("fault", "Fault", "{{ 'ON' if value_json.fault_code else 'OFF' }}");
        fault.put("device_class", "problem");
        fault.put("json_attributes_topic", topics.state());
        fault.put("json_attributes_template", "{{ {'code': value_json.fault_code} | tojson }}");
        out.add(config("binary_sensor", "fault", fault));
        ObjectNode pain = sensor("pain_change", "Last session's pain change", "{{ value_json.pain_change }}");
        pain.put("unit_of_measurement", "points");
        out.add(config("sensor", "pain_change", pain));
        out.add(config("button", "stop", button("stop", "Stop")));
        out.add(config("button", "pause", button("pause", "Pause")));
        out.add(config("button", "resume", button("resume", "Resume")));
        return out;
    }

    /** Empty retained configs for every entity: Home Assistant then removes them (the discovery convention). */
    public List<Message> removals() {
        return configs().stream().map(m -> new Message(m.topic(), new byte[0], 1, true)).toList();
    }

    private Message config(String component, String objectId, ObjectNode payload) {
        try {
            return Message.retained(topics.discovery(component, objectId), JSON.writeValueAsString(payload));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("discovery config " + objectId, e);
        }
    }

    private ObjectNode common(String objectId, String name) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", name);
        node.put("unique_id", "rollwell_" + topics.bedId() + "_" + objectId);
        node.put("availability_topic", topics.availability());
        node.put("payload_available", Topics.ONLINE);
        node.put("payload_not_available", Topics.OFFLINE);
        ObjectNode device = node.putObject("device");
        device.putArray("identifiers").add("rollwell_" + topics.bedId());
        device.put("name", "Rollwell " + topics.bedId());
        device.put("manufacturer", "Rollwell");
        device.put("model", "Thermal roller massage bed");
        device.put("sw_version", version);
        return node;
    }

    private ObjectNode sensor(String objectId, String name, String template) {
        ObjectNode node = common(objectId, name);
        node.put("state_topic", topics.state());
        node.put("value_template", template);
        return node;
    }

    private ObjectNode binarySensor(String objectId, String name, String template) {
        ObjectNode node = sensor(objectId, name, template);
        node.put("payload_on", "ON");
        node.put("payload_off", "OFF");
        return node;
    }

    private ObjectNode button(String command, String name) {
        ObjectNode node = common(command, name);
        node.put("command_topic", topics.command(command));
        node.put("payload_press", "PRESS");
        return node;
    }
}
