package org.rollwell.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The clinic hub: subscribes to every bed's telemetry, records, events and availability, and
 * stores them in PostgreSQL in batches. Records and events come with QoS 1 and are acknowledged
 * to the broker only after their batch is committed, on a persistent session, so a hub that dies
 * or is away loses none; a redelivered one is stored once (its key). Telemetry gaps are found by
 * sequence number, per boot of each bed.
 */
public final class Hub implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Hub.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** At most this many messages in one transaction (choice: a second of 2,000 beds). */
    static final int BATCH = 2_000;
    /** Paho's default of 10 unacknowledged QoS 1 messages would throttle a clinic's burst of records (choice). */
    private static final int IN_FLIGHT = 1_000;

    private final HubStore store;
    private final Clock clock;
    private final MqttAsyncClient client;
    private final LinkedBlockingQueue<Arrival> queue = new LinkedBlockingQueue<>();
    private final Map<String, Long> lastSeq = new HashMap<>();
    private final IngestStats stats = new IngestStats();
    private final Thread writer;
    private volatile boolean running = true;

    private Hub(HubStore store, Clock clock, MqttAsyncClient client) {
        this.store = store;
        this.clock = clock;
        this.client = client;
        this.writer = new Thread(this::writeLoop, "hub-writer");
        this.writer.setDaemon(true);
    }

    /**
     * Connects to the broker as {@code clientId} (keep it the same across restarts: the broker holds
     * the records that arrive while the hub is away for that id) and starts storing.
     */
    public static Hub start(HubStore store, String serverUri, String user, String password, String clientId, Clock clock)
            throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(serverUri, clientId, new MemoryPersistence());
        Hub hub = new Hub(store, clock, client);
        client.setManualAcks(true);
        client.setCallback(hub.new Callback());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxInflight(IN_FLIGHT);
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password == null ? new char[0] : password.toCharArray());
        }
        hub.writer.start();
        client.connect(options).waitForCompletion(10_000);
        hub.subscribe();
        return hub;
    }

    public IngestStats stats() {
        return stats;
    }

    private void subscribe() throws MqttException {
        client.subscribe(new String[] {"rollwell/+/telemetry", "rollwell/+/records", "rollwell/+/events",
                "rollwell/+/availability"}, new int[] {0, 1, 1, 1}).waitForCompletion(10_000);
    }

    private void writeLoop() {
        List<Arrival> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Arrival first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // unacknowledged: the broker redelivers the QoS 1 messages of this batch at the next connection
                LOG.log(Level.ERROR, "hub: a batch of {0} was not stored: {1}", batch.size(), e.getMessage());
            }
            batch.clear();
        }
    }

    private void write(List<Arrival> batch) {
        List<HubStore.Telemetry> telemetry = new ArrayList<>();
        List<HubStore.Stored> stored = new ArrayList<>();
        List<HubStore.Gap> gaps = new ArrayList<>();
        Map<String, HubStore.Bed> seen = new LinkedHashMap<>();
        var now = clock.instant();
        int malformed = 0;
        for (Arrival a : batch) {
            try {
                switch (a.kind()) {
                    case "telemetry" -> {
                        JsonNode t = JSON.readTree(a.payload());
                        long boot = t.path("boot").asLong(-1);
                        long seq = t.path("seq").asLong(-1);
                        String state = t.path("state").asText("");
                        if (boot < 0 || seq < 1 || state.isEmpty()) {
                            malformed++;
                            continue;
                        }
                        String fault = t.path("fault_code").isTextual() ? t.get("fault_code").asText() : null;
                        gap(a.bedId(), boot, seq, gaps);
                        telemetry.add(new HubStore.Telemetry(a.bedId(), boot, seq, now, state, fault, a.payload()));
                        seen.put(a.bedId(), new HubStore.Bed(a.bedId(), null, state, fault, now));
                    }
                    case "records", "events" -> {
                        JsonNode r = JSON.readTree(a.payload());
                        String key = r.path("id").isValueNode() ? r.get("id").asText() : sha256(a.payload());
                        stored.add(new HubStore.Stored(a.bedId(), a.kind(), key, now, a.payload()));
                        seen.putIfAbsent(a.bedId(), new HubStore.Bed(a.bedId(), null, null, null, now));
                    }
                    case "availability" -> seen.merge(a.bedId(), new HubStore.Bed(a.bedId(), a.payload(), null, null, now),
                            (old, av) -> new HubStore.Bed(old.bedId(), av.availability(), old.state(), old.faultCode(), now));
                    default -> malformed++;
                }
            } catch (java.io.IOException e) {
                malformed++;
            }
        }
        store.write(telemetry, stored, gaps, List.copyOf(seen.values()));
        long committed = System.nanoTime();
        for (Arrival a : batch) {
            a.ack().run();
            stats.stored(committed - a.arrivedNanos());
        }
        stats.malformed(malformed);
        stats.batchDone();
    }

    /** Notes the sequence numbers between the last one seen for this boot of the bed and {@code seq}. */
    private void gap(String bedId, long boot, long seq, List<HubStore.Gap> gaps) {
        String key = bedId + "/" + boot;
        Long last = lastSeq.get(key);
        if (last == null) {
            // the first of this boot since the hub started: continue from what is stored, or from 0
            last = store.lastSeq(bedId, boot).orElse(0L);
        }
        if (seq > last + 1) {
            gaps.add(new HubStore.Gap(bedId, boot, last + 1, seq - 1));
        }
        lastSeq.put(key, Math.max(last, seq));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java", e);
        }
    }

    /** Stops taking messages, stores what arrived, and disconnects (what was not acknowledged, the broker keeps). */
    @Override
    public void close() throws MqttException, InterruptedException {
        running = false;
        writer.join(10_000);
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(10_000);
        }
        client.close();
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            LOG.log(Level.INFO, "hub connected to {0}", serverUri);
        }

        @Override
        public void connectionLost(Throwable cause) {
            LOG.log(Level.WARNING, "hub lost the broker ({0}); reconnecting", cause == null ? "closed" : cause.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            String[] parts = topic.split("/");
            int id = message.getId();
            int qos = message.getQos();
            Runnable ack = () -> {
                try {
                    client.messageArrivedComplete(id, qos);
                } catch (MqttException e) {
                    LOG.log(Level.DEBUG, "ack {0} not sent: {1}", id, e.getMessage());
                }
            };
            if (parts.length != 3 || !running) {
                return;
            }
            queue.add(new Arrival(parts[1], parts[2], new String(message.getPayload(), StandardCharsets.UTF_8),
                    System.nanoTime(), ack));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // the hub publishes nothing
        }
    }
}
