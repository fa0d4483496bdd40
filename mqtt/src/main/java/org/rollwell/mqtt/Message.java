package org.rollwell.mqtt;

import java.nio.charset.StandardCharsets;

/** One MQTT message as the bed sends it. An empty retained payload removes a retained message. */
public record Message(String topic, byte[] payload, int qos, boolean retained) {

    public static Message retained(String topic, String payload) {
        return new Message(topic, payload.getBytes(StandardCharsets.UTF_8), 1, true);
    }

    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
