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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * stores them in PostgreSQL in batches. Every message comes with QoS 1 and is acknowledged to the
 * broker only after its batch is committed, on a persistent session, so a hub that dies or is away
 * loses none; a redelivered one is stored once (its key, or the telemetry's bed, boot and seq). Telemetry gaps are found by
 * sequence number, per boot of each bed.
 */
public final class Hub implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Hub.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * At most this many messages in one transaction (choice: half a second of 10,000 beds; the writer takes
     * what waited, so at a steady load a batch is what arrived during the last commit, ≈ 100–300 ms).
     */
    static final int BATCH = 5_000;
    static final int WAITING = 20_000;
    /** Paho's default of 10 unacknowledged QoS 1 messages would throttle a clinic's burst of records (choice). */
    private static final int IN_FLIGHT = 1_000;

    private final HubStore store;
    private final Clock clock;
    private final MqttAsyncClient client;
    /**
     * Arrived, not yet stored: at most {@link #WAITING} (choice: 2 s of 10,000 beds). When the database falls
     * behind, Paho's thread waits here and stops reading the socket, so the backlog stays with the broker (its
     * messages unacknowledged, so kept) instead of growing in the hub's heap until it runs out.
     */
    private final LinkedBlockingQueue<Arrival> queue = new LinkedBlockingQueue<>(WAITING);
    private final Map<String, Long> lastSeq = new HashMap<>();
    /** Beds whose stored sequence numbers have been looked up since the hub started. */
    private final Set<String> heard = new HashSet<>();
    private final BedRows beds = new BedRows();
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
        if (serverUri.startsWith("tcp://")) {
            options.setSocketFactory(new BufferedSockets());
        }
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
                "rollwell/+/availability"}, new int[] {1, 1, 1, 1}).waitForCompletion(10_000);
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
        long[] sentMs = new long[batch.size()];
        var now = clock.instant();
        int malformed = 0;
        resumeSequences(batch);
        for (int i = 0; i < batch.size(); i++) {
            Arrival a = batch.get(i);
            sentMs[i] = -1;
            switch (a.kind()) {
                case "telemetry" -> {
                    JsonNode t = a.json();
                    long boot = t == null ? -1 : t.path("boot").asLong(-1);
                    long seq = t == null ? -1 : t.path("seq").asLong(-1);
                    String state = t == null ? "" : t.path("state").asText("");
                    if (boot < 0 || seq < 1 || state.isEmpty()) {
                        malformed++;
                        continue;
                    }
                    sentMs[i] = t.path("sent_ms").asLong(-1);
                    String fault = t.path("fault_code").isTextual() ? t.get("fault_code").asText() : null;
                    gap(a.bedId(), boot, seq, gaps);
                    telemetry.add(new HubStore.Telemetry(a.bedId(), boot, seq, now, state, fault, a.payload()));
                    seen.put(a.bedId(), new HubStore.Bed(a.bedId(), null, state, fault, now));
                }
                case "records", "events" -> {
                    JsonNode r = a.json();
                    if (r == null) {
                        malformed++;
                        continue;
                    }
                    String key = r.path("id").isValueNode() ? r.get("id").asText() : sha256(a.payload());
                    stored.add(new HubStore.Stored(a.bedId(), a.kind(), key, now, a.payload()));
                    seen.putIfAbsent(a.bedId(), new HubStore.Bed(a.bedId(), null, null, null, now));
                }
                case "availability" -> seen.merge(a.bedId(), new HubStore.Bed(a.bedId(), a.payload(), null, null, now),
                        (old, av) -> new HubStore.Bed(old.bedId(), av.availability(), old.state(), old.faultCode(), now));
                default -> malformed++;
            }
        }
        List<HubStore.Bed> changed = beds.changed(seen.values(), now);
        store.write(telemetry, stored, gaps, changed);
        beds.written(changed);
        long committedNanos = System.nanoTime();
        long committedMs = clock.millis();
        for (int i = 0; i < batch.size(); i++) {
            Arrival a = batch.get(i);
            a.ack().run();
            // the bed's send time to the commit when the message carries it (both clocks ms since 1970: a bed
            // whose clock is off shifts its own lag), else the arrival at the hub to the commit
            stats.stored(sentMs[i] >= 0 ? committedMs - sentMs[i] : (committedNanos - a.arrivedNanos()) / 1_000_000);
        }
        stats.malformed(malformed);
        stats.batchDone();
    }

    /**
     * Looks up, in one query, where each bed's sequence numbers stand in the database for the beds this
     * batch brings that the hub has not heard from since it started (one query per bed would hold a hub that
     * starts among 10,000 beds up for seconds).
     */
    private void resumeSequences(List<Arrival> batch) {
        Set<String> unknown = new HashSet<>();
        for (Arrival a : batch) {
            if ("telemetry".equals(a.kind()) && !heard.contains(a.bedId())) {
                unknown.add(a.bedId());
            }
        }
        if (!unknown.isEmpty()) {
            lastSeq.putAll(store.lastSeqs(unknown));
            heard.addAll(unknown);
        }
    }

    /** Notes the sequence numbers between the last one seen for this boot of the bed and {@code seq}. */
    private void gap(String bedId, long boot, long seq, List<HubStore.Gap> gaps) {
        String key = HubStore.seqKey(bedId, boot);
        // a boot neither stored nor seen since the hub started counts from 0
        long last = lastSeq.getOrDefault(key, 0L);
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
            long arrived = System.nanoTime();
            String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
            // parsed here, on Paho's thread, so the writer's thread spends its time on the database
            JsonNode json = null;
            if (!"availability".equals(parts[2])) {
                try {
                    json = JSON.readTree(payload);
                } catch (java.io.IOException e) {
                    json = null;
                }
            }
            try {
                queue.put(new Arrival(parts[1], parts[2], payload, json, arrived, ack));
            } catch (InterruptedException e) {
                // not acknowledged: the broker delivers it again at the next connection
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // the hub publishes nothing
        }
    }
}
