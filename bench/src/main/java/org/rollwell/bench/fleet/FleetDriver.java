package org.rollwell.bench.fleet;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.rollwell.hub.Hub;
import org.rollwell.hub.HubStore;

/**
 * A fleet of simulated beds against a real broker and the clinic hub (issue 14, item 5): {@code beds}
 * lightweight publishers (not full twins) each send one telemetry message a second at QoS 1, shaped as a
 * bed's, with the run's boot, its own sequence numbers and its send time ({@code sent_ms}), multiplexed
 * over {@code connections} MQTT connections ({@link RawPublisher}: a few connections for many beds, written
 * so the driver is not what limits the run); the hub runs in this process and stores into PostgreSQL. At the end it reports messages
 * sent, rows stored for this run's boot, messages lost (sequence numbers 1..seconds missing per bed), the
 * gaps the hub found, the hub's ingest lag (the bed's send time to the commit of its row) and how late the
 * driver itself ran. A warm-up first (30 s by default, the same beds under another boot) brings the JIT and the
 * hub's first sight of every bed behind it; its figures are printed apart.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar org.rollwell.bench.fleet.FleetDriver \
 *     BROKER_URI JDBC_URL DB_USER DB_PASSWORD [beds] [seconds] [connections] [warm-up seconds]
 * </pre>
 * bench/fleet/run-fleet.sh starts a broker and a throw-away cluster, runs this and stops them.
 */
public final class FleetDriver {
    /** How long the driver waits for the hub to store the last second's messages (choice: generous on a loaded box). */
    private static final long DRAIN_MS = 900_000;

    private FleetDriver() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: FleetDriver BROKER_URI(tcp://127.0.0.1:1883) JDBC_URL DB_USER DB_PASSWORD"
                    + " [beds 10000] [seconds 300] [connections 10] [warm-up s 30]");
            System.exit(2);
        }
        String broker = args[0];
        int beds = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 300;
        int connections = args.length > 6 ? Integer.parseInt(args[6]) : 10;
        int warmupS = args.length > 7 ? Integer.parseInt(args[7]) : 30;
        long cpuBefore = processCpuNanos();
        try (HubStore store = HubStore.open(args[1], args[2], args[3])) {
            Hub hub = Hub.start(store, broker, null, null, "rollwell-hub-bench", Clock.systemUTC());
            List<RawPublisher> clients = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                clients.add(new RawPublisher(broker, "fleet-" + c));
            }
            if (warmupS > 0) {
                // the same beds under another boot: the JIT, the hub's first sight of each bed and its bed rows
                Run warm = publish(clients, hub, beds, warmupS, System.currentTimeMillis() - 1);
                boolean caughtUp = hub.stats().awaitHandled(warm.sent(), DRAIN_MS);
                System.out.printf("warm-up: %d beds × %d s, %s; its lag p99 %d ms (not counted below)%n", beds, warmupS,
                        caughtUp ? "all stored" : "NOT all stored", hub.stats().lagQuantileMs(0.99));
                hub.stats().forgetLag();
            }
            long handledBefore = hub.stats().stored() + hub.stats().malformed();
            Run run = publish(clients, hub, beds, seconds, System.currentTimeMillis());
            long boot = run.boot();
            long sent = run.sent();
            long start = run.startNanos();
            double publishS = (run.endNanos() - start) / 1e9;
            boolean all = hub.stats().awaitHandled(handledBefore + sent, DRAIN_MS);
            double drainedS = (System.nanoTime() - start) / 1e9;
            long acked = 0;
            for (RawPublisher c : clients) {
                acked += c.acknowledged();
                c.close();
            }
            hub.close();
            long cpuS = TimeUnit.NANOSECONDS.toSeconds(processCpuNanos() - cpuBefore);
            long[] counts = counts(args[1], args[2], args[3], boot, beds, seconds);
            System.out.printf("the broker acknowledged %d of the %d messages the driver sent (warm-up included)%n", acked,
                    sent + (long) beds * warmupS);
            System.out.printf("beds %d × %d s over %d connections: sent %d, rows stored %d, lost %d (sequence numbers missing),"
                            + " gaps the hub reported %d%s%n", beds, seconds, connections, sent, counts[0], counts[1], counts[2],
                    all ? "" : " (the hub had not caught up " + DRAIN_MS / 1000 + " s after the last message)");
            System.out.printf("hub ingest lag (bed's send time to its row's commit): p50 %d ms, p99 %d ms, p99.9 %d ms, max %d ms%n",
                    hub.stats().lagQuantileMs(0.5), hub.stats().lagQuantileMs(0.99), hub.stats().lagQuantileMs(0.999),
                    hub.stats().lagQuantileMs(1.0));
            System.out.printf("%.0f messages/s sent over %.1f s (driver at most %d ms behind its schedule);"
                            + " all stored %.1f s after the start; this JVM (driver + hub) used %d s of CPU%n",
                    sent / publishS, publishS, run.worstLateNanos() / 1_000_000, drainedS, cpuS);
        }
    }

    private record Run(long boot, long sent, long startNanos, long endNanos, long worstLateNanos) {
    }

    /** Every bed sends {@code seconds} messages, numbered 1.. under {@code boot}, evenly spread over time. */
    private static Run publish(List<RawPublisher> clients, Hub hub, int beds, int seconds, long boot) throws IOException {
        // the run's "boot": every bed's numbers count 1..seconds under it, so rows of an earlier run never count
        int connections = clients.size();
        long total = (long) beds * seconds;
        long start = System.nanoTime();
        long sent = 0;
        byte[][] topics = new byte[beds][];
        for (int b = 0; b < beds; b++) {
            topics[b] = ("rollwell/fleet-" + b + "/telemetry").getBytes(StandardCharsets.UTF_8);
        }
        long worstLateNanos = 0;
        StringBuilder payload = new StringBuilder(320);
        while (sent < total) {
            // message k is bed k % beds in second k / beds + 1, due at start + k / beds seconds: an even stream
            long now = System.nanoTime();
            long due = Math.min(total, (long) ((now - start) / 1e9 * beds) + 1);
            if (sent < due) {
                worstLateNanos = Math.max(worstLateNanos, now - start - (long) (sent * 1e9 / beds));
            }
            for (; sent < due; sent++) {
                int b = (int) (sent % beds);
                long s = sent / beds + 1;
                payload.setLength(0);
                payload.append("{\"boot\":").append(boot).append(",\"seq\":").append(s).append(",\"sent_ms\":")
                        .append(System.currentTimeMillis()).append(",\"state\":\"running\",\"technique\":\"roll\",")
                        .append("\"seconds_left\":").append(seconds - s).append(",\"position_mm\":").append(200 + (b + s) % 500)
                        .append(",\"force_n\":80.0,\"roller_temps_c\":[44.0,44.5],\"person_on_bed\":true,\"fault_code\":null,")
                        .append("\"pain_change\":null}");
                byte[] bytes = payload.toString().getBytes(StandardCharsets.UTF_8);
                clients.get(b % connections).publish(topics[b], bytes);
                if ((sent + 1) % (10L * beds) == 0) {
                    System.err.printf("%d s: %d sent, %d stored, hub lag p99 %d ms%n", (sent + 1) / beds, sent + 1,
                            hub.stats().stored(), hub.stats().lagQuantileMs(0.99));
                }
            }
            for (RawPublisher c : clients) {
                c.flush();
            }
            LockSupport.parkNanos(1_000_000);
        }
        return new Run(boot, sent, start, System.nanoTime(), worstLateNanos);
    }

    /** Rows stored for this run, sequence numbers missing (beds × seconds − distinct rows in range), gaps the hub stored. */
    private static long[] counts(String url, String user, String password, long boot, int beds, int seconds) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            long rows = one(c, "SELECT count(*) FROM hub_telemetry WHERE boot = ?", boot);
            long inRange;
            try (PreparedStatement p = c.prepareStatement("SELECT count(*) FROM hub_telemetry WHERE boot = ? AND seq BETWEEN 1 AND ?"
                    + " AND bed_id LIKE 'fleet-%'")) {
                p.setLong(1, boot);
                p.setLong(2, seconds);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    inRange = r.getLong(1);
                }
            }
            long gaps = one(c, "SELECT count(*) FROM hub_gap WHERE boot = ?", boot);
            return new long[] {rows, (long) beds * seconds - inRange, gaps};
        }
    }

    private static long one(Connection c, String sql, long boot) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, boot);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
