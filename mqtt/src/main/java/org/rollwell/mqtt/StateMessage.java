package org.rollwell.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON a bed publishes as its state (retained, for Home Assistant) and as telemetry (with a
 * sequence number, for a clinic hub). Snake case, as Home Assistant templates read it.
 */
public final class StateMessage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StateMessage() {
    }

    /** The state message (retained, for Home Assistant): no boot, sequence number or send time. */
    public static String json(BedTelemetry t) {
        return json(t, -1, -1, -1);
    }

    /**
     * @param boot     when the bed's link started (ms since the epoch): its sequence numbers count from 1 again after
     *                 a restart, so a hub tells a restart from a duplicate by this; negative for the state message
     * @param sequence the telemetry's sequence number; negative for the state message, which carries none
     * @param sentMs   when the bed sent it (ms since the epoch, the bed's clock): a hub's ingest lag counts from it
     */
    public static String json(BedTelemetry t, long boot, long sequence, long sentMs) {
        ObjectNode node = JSON.createObjectNode();
        if (sequence >= 0) {
            node.put("boot", boot);
            node.put("seq", sequence);
            node.put("sent_ms", sentMs);
        }
        node.put("state", t.state());
        node.put("technique", t.technique() == null ? "none" : t.technique().toLowerCase(java.util.Locale.ROOT));
        node.put("seconds_left", t.secondsLeft() == null ? 0 : t.secondsLeft());
        node.put("position_mm", Math.round(t.positionMm() * 10) / 10.0);
        node.put("force_n", Math.round(t.forceN() * 10) / 10.0);
        var temps = node.putArray("roller_temps_c");
        t.zoneTempsC().forEach(c -> temps.add(Math.round(c * 10) / 10.0));
        node.put("person_on_bed", t.personOnBed());
        if (t.faultCode() == null) {
            node.putNull("fault_code");
        } else {
            node.put("fault_code", t.faultCode());
        }
        if (t.painChange() == null) {
            node.putNull("pain_change");
        } else {
            node.put("pain_change", t.painChange());
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("state message", e);
        }
    }
}
