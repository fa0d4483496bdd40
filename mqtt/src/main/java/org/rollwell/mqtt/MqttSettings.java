package org.rollwell.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a bed reaches its broker: {@code mqtt://host:1883} or {@code mqtts://host:8883} (TLS), an
 * optional user and password, the bed's id (the topic segment {@code rollwell/<bed>/…}) and the
 * folder where records and events wait while the broker is away.
 *
 * @param serverUri what Paho connects to ({@code tcp://…} or {@code ssl://…})
 */
public record MqttSettings(String serverUri, boolean tls, String user, String password, String bedId, Path outboxDir) {

    /** 1883 and 8883 are the IANA-registered MQTT ports (plain and over TLS). */
    static final int PLAIN_PORT = 1883;
    static final int TLS_PORT = 8883;
    /**
     * A bed id becomes a topic level and a Home Assistant object id: lower-case letters, digits, '-'
     * and '_' only, so it can never carry MQTT's wildcards '+' and '#' or a '/' into another bed's
     * topics (choice; 1–32 characters).
     */
    private static final Pattern BED_ID = Pattern.compile("[a-z0-9_-]{1,32}");

    public MqttSettings {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(bedId, "bedId");
        Objects.requireNonNull(outboxDir, "outboxDir");
    }

    /**
     * Reads the {@code --mqtt} address and the bed id; refuses with the option's name and the reason.
     *
     * @param user null for an anonymous broker
     */
    public static MqttSettings parse(String url, String user, String password, String bedId, Path outboxDir) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--mqtt: not an address like mqtt://HOST:1883 (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls;
        switch (scheme) {
            case "mqtt" -> tls = false;
            case "mqtts" -> tls = true;
            default -> throw new IllegalArgumentException("--mqtt: must start with mqtt:// or mqtts://, was '" + url + "'");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("--mqtt: names no host, e.g. mqtt://192.168.1.10:1883");
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            throw new IllegalArgumentException("--mqtt: an MQTT address has no path, was '" + uri.getPath() + "'");
        }
        int port = uri.getPort() == -1 ? (tls ? TLS_PORT : PLAIN_PORT) : uri.getPort();
        if (password != null && user == null) {
            throw new IllegalArgumentException("--mqtt-password: given without --mqtt-user");
        }
        if (!BED_ID.matcher(bedId).matches()) {
            throw new IllegalArgumentException("--bed-id: 1–32 of a–z, 0–9, '-' and '_', was '" + bedId + "'");
        }
        String host = uri.getHost().contains(":") && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
        return new MqttSettings((tls ? "ssl://" : "tcp://") + host + ":" + port, tls, user, password, bedId, outboxDir);
    }

    /** A bed id from a host name: lower case, anything outside the id's alphabet turned into '-', at most 32. */
    public static String bedIdFrom(String hostName) {
        String id = hostName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        if (id.length() > 32) {
            id = id.substring(0, 32);
        }
        return id.isEmpty() ? "bed" : id;
    }

    @Override
    public String toString() {
        // never print the password
        return "MqttSettings[" + serverUri + ", user=" + user + ", bed=" + bedId + ", outbox=" + outboxDir + "]";
    }
}
