package org.rollwell.mqtt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code mosquitto} broker for the tests, on 127.0.0.1 and a free port, with its
 * configuration, persistence and log in a temporary folder. Tests that need it skip with
 * {@link #SKIPPED} where the package is missing; .ci/run sets {@link #REQUIRE} so a skip fails CI.
 */
public final class Mosquitto implements AutoCloseable {
    static final String SKIPPED = "skipped: the mosquitto broker is not installed (apt-get install mosquitto), or set its path in ROLLWELL_TEST_MOSQUITTO";
    static final String REQUIRE = "ROLLWELL_REQUIRE_MQTT";

    private final Path dir;
    private final int port;
    private final String extraConfig;
    private Process process;

    private Mosquitto(Path dir, int port, String extraConfig) {
        this.dir = dir;
        this.port = port;
        this.extraConfig = extraConfig;
    }

    static Path binary() {
        String env = System.getenv("ROLLWELL_TEST_MOSQUITTO");
        Path p = Path.of(env != null ? env : "/usr/sbin/mosquitto");
        return Files.isExecutable(p) ? p : null;
    }

    static boolean required() {
        return "1".equals(System.getenv(REQUIRE));
    }

    /** Skips the calling test where the broker is missing, and fails it instead where .ci/run requires it. */
    public static void assumeInstalled() {
        if (binary() == null) {
            if (required()) {
                throw new AssertionError(REQUIRE + "=1 but " + SKIPPED);
            }
            org.junit.jupiter.api.Assumptions.abort(SKIPPED);
        }
    }

    /** Starts a broker that lets anyone in; {@code extraConfig} adds lines (password and ACL files). */
    public static Mosquitto start(String extraConfig) throws IOException {
        Path dir = Files.createTempDirectory("rollwell-mosquitto");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Mosquitto m = new Mosquitto(dir, port, extraConfig);
        m.launch();
        return m;
    }

    public static Mosquitto start() throws IOException {
        return start("allow_anonymous true\n");
    }

    Path dir() {
        return dir;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "mqtt://127.0.0.1:" + port;
    }

    public String serverUri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Stops the broker (SIGTERM: it saves its persistence file) and waits for it to end. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** Starts it again on the same port with the same persistence, as after a broker restart. */
    public void restart() throws IOException {
        launch();
    }

    private void launch() throws IOException {
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\n"
                + "user root\n"
                + "persistence true\n"
                + "persistence_location " + dir + "/\n"
                + "log_dest stderr\n"
                + "log_type error\nlog_type warning\nlog_type notice\nlog_type information\n"
                + extraConfig, StandardCharsets.UTF_8);
        process = new ProcessBuilder(binary().toString(), "-c", conf.toString()).redirectErrorStream(true).start();
        // ready when it says it is running (read its log, no timed wait); its death ends the read
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            seen.add(line);
            if (line.contains(" running")) {
                Thread drain = new Thread(() -> drain(out), "mosquitto-log");
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IOException("mosquitto did not start: " + String.join(" | ", seen));
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // keep the pipe from filling
            }
        } catch (IOException ignored) {
            // the broker ended
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
