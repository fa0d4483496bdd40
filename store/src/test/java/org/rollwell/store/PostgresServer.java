package org.rollwell.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server for the store's tests: the one named by {@code ROLLWELL_TEST_PG_URL} (with
 * {@code ROLLWELL_TEST_PG_USER} and {@code ROLLWELL_TEST_PG_PASSWORD}), or else a throw-away
 * cluster started from Debian's {@code postgresql} package binaries on 127.0.0.1 and a free port,
 * its data under /tmp, run as the {@code postgres} user when the tests run as root ({@code initdb}
 * refuses root). Each test gets a fresh schema, so tests never see each other's rows. Public, and
 * shipped in the store's test-jar, so the server's API tests run on the same server (one starter).
 */
public final class PostgresServer {
    public static final String SKIPPED = "skipped: PostgreSQL not found, install the postgresql package or set ROLLWELL_TEST_PG_URL";
    /** Set by .ci/run: a skipped PostgreSQL suite is a failure there. */
    public static final String REQUIRE = "ROLLWELL_REQUIRE_PG";

    private static PostgresServer instance;
    private static String whyNot;

    private final String url;
    private final String user;
    private final String password;

    private PostgresServer(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The server, started on first use; empty with the reason in {@link #whyMissing()} when there is none. */
    public static synchronized Optional<PostgresServer> get() {
        if (instance == null && whyNot == null) {
            try {
                instance = start();
            } catch (IOException | SQLException | RuntimeException e) {
                whyNot = SKIPPED + " (" + e.getMessage() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                whyNot = SKIPPED + " (interrupted)";
            }
        }
        return Optional.ofNullable(instance);
    }

    public static synchronized String whyMissing() {
        return whyNot == null ? SKIPPED : whyNot;
    }

    public static boolean required() {
        return "1".equals(System.getenv(REQUIRE));
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A JDBC URL whose connections work in a new, empty schema. */
    public String freshSchemaUrl() throws SQLException {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static PostgresServer start() throws IOException, SQLException, InterruptedException {
        String given = System.getenv("ROLLWELL_TEST_PG_URL");
        if (given != null && !given.isBlank()) {
            return new PostgresServer(given, System.getenv("ROLLWELL_TEST_PG_USER"), System.getenv("ROLLWELL_TEST_PG_PASSWORD"));
        }
        Path bin = findBin().orElseThrow(() -> new IllegalStateException("no /usr/lib/postgresql/*/bin/initdb"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("rollwell-pg-");
        Path data = dir.resolve("data");
        if (root) {
            run(List.of("chown", "postgres:postgres", dir.toString()), false);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--auth=trust", "--encoding=UTF8", "--no-sync"), root);
        int port = freePort();
        // 127.0.0.1 only, the socket in our own folder, fsync off: a test cluster that dies with the tests
        String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off";
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options,
                "-l", dir.resolve("log").toString(), "-w", "-t", "60", "start"), root);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(bin, data, dir, root)));
        return new PostgresServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    private static Optional<Path> findBin() throws IOException {
        // ROLLWELL_TEST_PG_LIB names another folder of versions (and lets the skip itself be tried)
        String other = System.getenv("ROLLWELL_TEST_PG_LIB");
        Path lib = Path.of(other != null && !other.isBlank() ? other : "/usr/lib/postgresql");
        if (!Files.isDirectory(lib)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(lib)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(PostgresServer::majorVersion));
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command.subList(0, 1)) + " failed: "
                    + new String(out, StandardCharsets.UTF_8).strip());
        }
    }

    private static void stop(Path bin, Path data, Path dir, boolean root) {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), root);
        } catch (IOException | RuntimeException e) {
            // the cluster may be gone already; its folder is removed below either way
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
