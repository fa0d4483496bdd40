package org.rollwell.mqtt;

/**
 * Every topic one bed uses. Its own live under {@code rollwell/<bed>/…} (a clinic's broker ACL lets
 * each bed write only there: docs/mqtt.md); Home Assistant's discovery configs live under the
 * {@code homeassistant/} prefix, the default of Home Assistant's MQTT discovery.
 */
public record Topics(String bedId) {
    public static final String DISCOVERY_PREFIX = "homeassistant";
    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    public String base() {
        return "rollwell/" + bedId;
    }

    /** Retained {@code online}/{@code offline}; the broker publishes {@code offline} as the last will. */
    public String availability() {
        return base() + "/availability";
    }

    /** The bed's state as one retained JSON object; every Home Assistant entity reads its field of it. */
    public String state() {
        return base() + "/state";
    }

    /** Telemetry once a second, with a sequence number (for a clinic hub). */
    public String telemetry() {
        return base() + "/telemetry";
    }

    /** Finished session records, QoS 1, through the outbox. */
    public String records() {
        return base() + "/records";
    }

    /** Events (a fault, a refused command), QoS 1, through the outbox. */
    public String events() {
        return base() + "/events";
    }

    /** Commands to the bed: {@code …/command/stop}, {@code …/command/pause}, {@code …/command/resume}. */
    public String command(String name) {
        return base() + "/command/" + name;
    }

    public String commandFilter() {
        return base() + "/command/#";
    }

    /** The discovery topic of one entity: {@code homeassistant/<component>/rollwell_<bed>/<object>/config}. */
    public String discovery(String component, String objectId) {
        return DISCOVERY_PREFIX + "/" + component + "/rollwell_" + bedId + "/" + objectId + "/config";
    }
}
