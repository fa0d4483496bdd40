package org.rollwell.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A test's own client on the broker (as Home Assistant or a clinic hub would be): it subscribes
 * and collects what arrives, and waits for a message with a bound (the broker is another
 * process: its answer is an event to wait for, not a time).
 */
public final class Listener implements AutoCloseable {
    /** How long a test waits for the broker before calling it lost (choice: generous for a loaded CI box). */
    static final long WAIT_S = 20;

    public record Received(String topic, String text, boolean retained) {
    }

    private final MqttClient client;
    private final LinkedBlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    private final List<Received> all = new ArrayList<>();

    public Listener(String serverUri, String clientId, String user, String password, boolean cleanSession, String... filters)
            throws MqttException {
        client = new MqttClient(serverUri, clientId, new MemoryPersistence());
        client.setCallback(new org.eclipse.paho.client.mqttv3.MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
                inbox.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.isRetained()));
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.client.mqttv3.IMqttDeliveryToken token) {
            }
        });
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(cleanSession);
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.toCharArray());
        }
        client.connect(options);
        for (String f : filters) {
            client.subscribe(f, 1);
        }
    }

    public Listener(String serverUri, String... filters) throws MqttException {
        this(serverUri, "test-" + System.nanoTime(), null, null, true, filters);
    }

    /** The first message (from now on, or collected before) that matches; fails after {@link #WAIT_S}. */
    public Received await(Predicate<Received> wanted) throws InterruptedException {
        for (Received r : all) {
            if (wanted.test(r)) {
                all.remove(r);
                return r;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_S);
        while (true) {
            long left = deadline - System.nanoTime();
            Received r = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
            if (r == null) {
                throw new AssertionError("nothing matching arrived within " + WAIT_S + " s; got " + all);
            }
            if (wanted.test(r)) {
                return r;
            }
            all.add(r);
        }
    }

    public Received awaitTopic(String topic) throws InterruptedException {
        return await(r -> r.topic().equals(topic));
    }

    /** Everything that has arrived so far and was not taken by {@link #await}. */
    public List<Received> drained() {
        inbox.drainTo(all);
        return List.copyOf(all);
    }

    public void publish(String topic, String text) throws MqttException {
        client.publish(topic, text.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    public void publishRetained(String topic, String text) throws MqttException {
        client.publish(topic, text.getBytes(StandardCharsets.UTF_8), 1, true);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
