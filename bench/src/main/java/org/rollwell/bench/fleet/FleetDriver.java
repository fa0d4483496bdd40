package org.rollwell.bench.fleet;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.rollwell.hub.Hub;
import org.rollwell.hub.HubStore;

/**
 * A fleet of simulated beds against a real broker and the clinic hub (issue 14, item 5): {@code beds}
 * lightweight publishers (not full twins) each send one telemetry message a second, shaped as a bed's,
 * with its own boot and sequence numbers, multiplexed over {@code connections} MQTT connections; the hub
 * runs in this process and stores into PostgreSQL. At the end it reports messages sent, rows stored,
 * messages lost (by sequence number), gaps the hub found and its ingest lag p50/p99.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.rollwell.bench.fleet.FleetDriver \
 *     BROKER_URI JDBC_URL DB_USER DB_PASSWORD [beds] [seconds] [connections]
 * </pre>
 */
public final class FleetDriver {
    private FleetDriver() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: FleetDriver BROKER_URI(tcp://127.0.0.1:1883) JDBC_URL DB_USER DB_PASSWORD [beds 10000] [seconds 300] [connections 100]");
            System.exit(2);
        }
        String broker = args[0];
        int beds = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 300;
        int connections = args.length > 6 ? Integer.parseInt(args[6]) : 100;
        try (HubStore store = HubStore.open(args[1], args[2], args[3])) {
            long before = store.telemetryCount();
            Hub hub = Hub.start(store, broker, null, null, "rollwell-hub-bench", Clock.systemUTC());
            List<MqttAsyncClient> clients = new ArrayList<>();
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            options.setMaxInflight(65_535);
            for (int c = 0; c < connections; c++) {
                MqttAsyncClient client = new MqttAsyncClient(broker, "fleet-" + c, new MemoryPersistence());
                client.connect(options).waitForCompletion(10_000);
                clients.add(client);
            }
            long boot = System.currentTimeMillis();
            long start = System.nanoTime();
            long sent = 0;
            for (int s = 1; s <= seconds; s++) {
                // the beds of second s, spread over the second so the broker sees a steady 'beds' messages/s
                for (int b = 0; b < beds; b++) {
                    long due = start + (long) ((s - 1) * 1e9 + b * (1e9 / beds));
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    String payload = "{\"boot\":" + boot + ",\"seq\":" + s + ",\"state\":\"running\",\"technique\":\"roll\","
                            + "\"seconds_left\":" + (seconds - s) + ",\"position_mm\":" + (200 + (b + s) % 500)
                            + ",\"force_n\":80.0,\"roller_temps_c\":[44.0,44.5],\"person_on_bed\":true,\"fault_code\":null}";
                    clients.get(b % connections).publish("rollwell/fleet-" + b + "/telemetry",
                            payload.getBytes(StandardCharsets.UTF_8), 1, false);
                    sent++;
                }
                if (s % 10 == 0) {
                    System.err.printf("%d s: %d sent, %d stored, lag p99 %d ms%n", s, sent, hub.stats().stored(),
                            hub.stats().lagQuantileMs(0.99));
                }
            }
            boolean all = hub.stats().awaitHandled(sent, 60_000);
            long stored = store.telemetryCount() - before;
            System.out.printf("beds %d, %d s, %d connections: sent %d, stored %d rows, lost %d%s; ingest lag p50 %d ms, p99 %d ms;"
                            + " %.0f messages/s%n", beds, seconds, connections, sent, stored, sent - stored,
                    all ? "" : " (the hub had not caught up 60 s after the last message)", hub.stats().lagQuantileMs(0.5),
                    hub.stats().lagQuantileMs(0.99), sent / ((System.nanoTime() - start) / 1e9));
            for (MqttAsyncClient c : clients) {
                c.disconnect().waitForCompletion(10_000);
                c.close();
            }
            hub.close();
        }
    }
}
