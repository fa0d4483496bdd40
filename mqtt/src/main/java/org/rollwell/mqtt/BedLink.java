package org.rollwell.mqtt;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One bed on a broker: availability with a retained last will, Home Assistant discovery, the
 * state and once-a-second telemetry, records and events through the on-disk {@link Outbox}, and
 * the stop / pause / resume commands. The bed keeps working while the broker is away; the link
 * reconnects with a doubling back-off and then delivers what waited, oldest first.
 *
 * <p>Motion never starts from here: a command other than stop, pause or resume (a start above
 * all) is refused, logged, and reported on the events topic.
 */
public final class BedLink implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BedLink.class.getName());
    /** How long one QoS 1 delivery may take before the outbox stops and waits for the next connection (choice). */
    private static final long DELIVERY_TIMEOUT_MS = 10_000;
    /** MQTT keep-alive, s: a broker notices a silent bed after 1.5 × this and publishes its last will (MQTT 3.1.1 §3.1.2.10). */
    private static final int KEEP_ALIVE_S = 20;
    /** A failed set-up or delivery on a live connection is tried again after this long, ms (choice). */
    private static final long RETRY_MS = 1000;

    private final MqttSettings settings;
    private final Topics topics;
    private final HomeAssistantDiscovery discovery;
    private final BedCommands commands;
    private final Outbox outbox;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final ScheduledExecutorService worker;
    private final AtomicLong telemetrySeq = new AtomicLong();
    /** When this link started, ms since the epoch: telemetry's sequence numbers restart with it. */
    private final long boot = System.currentTimeMillis();
    private final long maxReconnectDelayMs;
    private long nextDelayMs = 1000;
    private volatile boolean closed;

    /**
     * @param maxReconnectDelayMs the back-off's ceiling (30 s in the product; tests use less)
     */
    public BedLink(MqttSettings settings, int zones, String version, BedCommands commands, long maxReconnectDelayMs) {
        this.settings = settings;
        this.topics = new Topics(settings.bedId());
        this.discovery = new HomeAssistantDiscovery(topics, zones, version);
        this.commands = commands;
        this.outbox = new Outbox(settings.outboxDir());
        this.maxReconnectDelayMs = maxReconnectDelayMs;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mqtt-" + settings.bedId());
            t.setDaemon(true);
            return t;
        });
        try {
            this.client = new MqttAsyncClient(settings.serverUri(), "rollwell-" + settings.bedId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("--mqtt: " + e.getMessage(), e);
        }
        options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay((int) Math.max(1000, maxReconnectDelayMs));
        options.setKeepAliveInterval(KEEP_ALIVE_S);
        options.setConnectionTimeout(10);
        // the discovery configs alone are a dozen QoS 1 messages; Paho's default of 10 in flight would refuse some
        options.setMaxInflight(64);
        options.setWill(topics.availability(), Topics.OFFLINE.getBytes(StandardCharsets.UTF_8), 1, true);
        if (settings.user() != null) {
            options.setUserName(settings.user());
            options.setPassword(settings.password() == null ? new char[0] : settings.password().toCharArray());
        }
        client.setCallback(new Callback());
    }

    public Topics topics() {
        return topics;
    }

    /** Starts connecting in the background; the bed does not wait for the broker. */
    public void start() {
        worker.execute(this::connect);
    }

    public boolean connected() {
        return client.isConnected();
    }

    /**
     * The state (retained) and the telemetry (with its sequence number and send time, QoS 1); dropped while the
     * broker is away, which the sequence numbers show.
     */
    public void publish(BedTelemetry t) {
        long seq = telemetrySeq.incrementAndGet();
        if (!client.isConnected()) {
            return;
        }
        try {
            client.publish(topics.state(), StateMessage.json(t).getBytes(StandardCharsets.UTF_8), 0, true);
            // QoS 1: a broker under load drops QoS 0 first, and a hub counts every second (issue 14: 0 lost)
            client.publish(topics.telemetry(), StateMessage.json(t, boot, seq, System.currentTimeMillis())
                    .getBytes(StandardCharsets.UTF_8), 1, false);
        } catch (MqttException e) {
            LOG.log(Level.DEBUG, "telemetry {0} not sent: {1}", seq, e.getMessage());
        }
    }

    /** A finished session's record: kept on disk until the broker has it. */
    public void sendRecord(String recordJson) {
        outbox.append(new Message(topics.records(), recordJson.getBytes(StandardCharsets.UTF_8), 1, false));
        worker.execute(this::flush);
    }

    /** An event (a fault, a refused command): kept on disk until the broker has it. */
    public void sendEvent(String eventJson) {
        outbox.append(new Message(topics.events(), eventJson.getBytes(StandardCharsets.UTF_8), 1, false));
        worker.execute(this::flush);
    }

    /** How many records and events wait for the broker. */
    public int waiting() {
        return outbox.size();
    }

    /** Removes the bed from Home Assistant (empty retained configs), when its owner turns MQTT off. */
    public void removeFromHomeAssistant() throws MqttException {
        for (Message m : discovery.removals()) {
            client.publish(m.topic(), m.payload(), m.qos(), true).waitForCompletion(DELIVERY_TIMEOUT_MS);
        }
    }

    /** Says goodbye (availability offline) and disconnects; what still waits stays on disk for next time. */
    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        try {
            if (client.isConnected()) {
                client.publish(topics.availability(), Topics.OFFLINE.getBytes(StandardCharsets.UTF_8), 1, true)
                        .waitForCompletion(DELIVERY_TIMEOUT_MS);
                client.disconnect().waitForCompletion(DELIVERY_TIMEOUT_MS);
            }
            client.close();
        } catch (MqttException e) {
            LOG.log(Level.WARNING, "MQTT link closed uncleanly: {0}", e.getMessage());
        }
    }

    private void connect() {
        if (closed) {
            return;
        }
        try {
            client.connect(options).waitForCompletion(DELIVERY_TIMEOUT_MS);
            nextDelayMs = 1000;
        } catch (MqttException e) {
            // Paho's own reconnect starts only after a first connection: until then, back off here (doubling)
            LOG.log(Level.INFO, "broker {0} not reached ({1}); trying again in {2} ms", settings.serverUri(),
                    e.getMessage(), nextDelayMs);
            worker.schedule(this::connect, nextDelayMs, TimeUnit.MILLISECONDS);
            nextDelayMs = Math.min(maxReconnectDelayMs, nextDelayMs * 2);
        }
    }

    private void onConnected() {
        try {
            // commands first, so a button pressed as soon as the bed shows online is heard; online last means ready
            client.subscribe(topics.commandFilter(), 1).waitForCompletion(DELIVERY_TIMEOUT_MS);
            for (Message m : discovery.configs()) {
                client.publish(m.topic(), m.payload(), m.qos(), true).waitForCompletion(DELIVERY_TIMEOUT_MS);
            }
            client.publish(topics.availability(), Topics.ONLINE.getBytes(StandardCharsets.UTF_8), 1, true)
                    .waitForCompletion(DELIVERY_TIMEOUT_MS);
        } catch (MqttException e) {
            LOG.log(Level.WARNING, "MQTT set-up after connecting failed ({0}); trying again", e.getMessage());
            worker.schedule(this::onConnected, RETRY_MS, TimeUnit.MILLISECONDS);
            return;
        }
        flush();
    }

    /** Delivers the outbox oldest first, each acknowledged before the next; stops at the first failure. */
    private void flush() {
        while (!closed && client.isConnected()) {
            Optional<Outbox.Entry> head = outbox.oldest();
            if (head.isEmpty()) {
                return;
            }
            Message m = head.get().message();
            try {
                IMqttDeliveryToken token = client.publish(m.topic(), m.payload(), m.qos(), m.retained());
                token.waitForCompletion(DELIVERY_TIMEOUT_MS);
                outbox.remove(head.get().sequence());
            } catch (MqttException e) {
                LOG.log(Level.INFO, "outbox delivery paused ({0}); trying again", e.getMessage());
                if (client.isConnected()) {
                    worker.schedule(this::flush, RETRY_MS, TimeUnit.MILLISECONDS);
                }
                return;
            }
        }
    }

    private void onCommand(String topic, String payload) {
        String name = topic.substring(topics.commandFilter().length() - 1);
        String answer;
        switch (name) {
            case "stop" -> answer = commands.stop();
            case "pause" -> answer = commands.pause();
            case "resume" -> answer = commands.resume();
            default -> {
                // a start above all: motion begins only from the person on the bed, never from a remote
                LOG.log(Level.WARNING, "refused remote command ''{0}'' on {1}: only stop, pause and resume are accepted",
                        name, topic);
                sendEvent("{\"event\":\"COMMAND_REFUSED\",\"command\":" + quote(name) + ",\"reason\":"
                        + quote("only stop, pause and resume are accepted from a remote; a session starts on the bed")
                        + "}");
                return;
            }
        }
        LOG.log(Level.INFO, "remote {0}: {1}", name, answer);
        sendEvent("{\"event\":\"COMMAND\",\"command\":" + quote(name) + ",\"result\":" + quote(answer) + "}");
    }

    private static String quote(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }

    private final class Callback implements MqttCallbackExtended {
        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            worker.execute(BedLink.this::onConnected);
        }

        @Override
        public void connectionLost(Throwable cause) {
            LOG.log(Level.INFO, "broker connection lost ({0}); the bed keeps working and reconnects",
                    cause == null ? "closed" : cause.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
            // never block Paho's callback thread (a QoS 1 publish waiting here would dead-lock it)
            worker.execute(() -> onCommand(topic, payload));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // the outbox waits on each token itself
        }
    }

    /** The discovery configs this link publishes (for a set-up page or a test). */
    public List<Message> discoveryConfigs() {
        return discovery.configs();
    }
}
