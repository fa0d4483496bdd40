package org.rollwell.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.rollwell.app.serve.TwinBed;
import org.rollwell.app.service.FileLockStore;
import org.rollwell.app.service.LockFileImport;
import org.rollwell.bed.safety.LockStoreException;
import org.rollwell.companion.BedService;
import org.rollwell.companion.LoopScheduling;
import org.rollwell.companion.Pacing;
import org.rollwell.mqtt.MqttSettings;
import org.rollwell.server.BedLink;
import org.rollwell.server.CompanionServer;
import org.rollwell.server.Passwords;
import org.rollwell.store.Database;
import org.rollwell.store.InterruptedSession;
import org.rollwell.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rollwell serve}: the companion server's HTTP API over the household database. */
@Command(name = "serve",
        header = "Serve the companion API and drive the bed (docs/api.md).",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Opens the database (SQLite in the data directory, or PostgreSQL with --db), brings its schema up to"
                        + " date, records any session a crash cut off as INTERRUPTED, and serves the API until"
                        + " Ctrl-C or SIGTERM, which stop a running session in the safe state and record it.",
                "Exit 0 when stopped, 2 for a bad option or a database that cannot be opened."})
final class ServeCommand implements Callable<Integer> {
    static final String USER_ENV = "ROLLWELL_DB_USER";
    static final String PASSWORD_ENV = "ROLLWELL_DB_PASSWORD";

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "HOST", description = "The address to listen on. Default: ${DEFAULT-VALUE} (this computer only).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", description = "The port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port = 8080;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the SQLite database rollwell.db lives. Default: ~/.rollwell.")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "A PostgreSQL database instead, jdbc:postgresql://HOST:PORT/NAME.")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "The PostgreSQL user. Default: $" + USER_ENV + ".")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "The PostgreSQL password. Default: $" + PASSWORD_ENV + ".")
    String dbPassword;

    @Option(names = "--bed", paramLabel = "BED", description = "The bed to drive: sim, the digital twin (the only one today)."
            + " Default: ${DEFAULT-VALUE}.")
    String bed = "sim";

    @Option(names = "--time-scale", paramLabel = "K", description = "Run the simulated bed K times faster than the wall, 1–"
            + Pacing.MAX_TIME_SCALE + " (demonstrations and tests). Default: ${DEFAULT-VALUE}.")
    int timeScale = 1;

    @Option(names = "--loop-priority", paramLabel = "WHAT", description = "What the bed's control loop asks the"
            + " operating system for: auto (real-time if permitted, else a short time slice), real-time, short-slice or"
            + " normal. Default: ${DEFAULT-VALUE}.")
    String loopPriority = "auto";

    @Option(names = "--mqtt", paramLabel = "URL", description = "Also publish the bed to an MQTT broker, mqtt://HOST:1883 or"
            + " mqtts://HOST:8883 (Home Assistant, a clinic hub; docs/mqtt.md).")
    String mqttUrl;

    @Option(names = "--mqtt-user", paramLabel = "USER", description = "The broker user. Default: $" + HubCommand.MQTT_USER_ENV + ".")
    String mqttUser;

    @Option(names = "--mqtt-password", paramLabel = "PASSWORD", description = "The broker password. Default: $"
            + HubCommand.MQTT_PASSWORD_ENV + ".")
    String mqttPassword;

    @Option(names = "--bed-id", paramLabel = "ID", description = "The bed's name on the broker. Default: this computer's name.")
    String bedId;

    /** The server, its database and the MQTT link (null without --mqtt) while serving. */
    record Running(CompanionServer server, Database db, String address, MqttBridge mqtt, BedService bed) implements AutoCloseable {
        @Override
        public void close() {
            if (mqtt != null) {
                mqtt.close();
            }
            server.close();
            db.close();
        }
    }

    @Override
    public Integer call() {
        Running running = open();
        CountDownLatch stopped = new CountDownLatch(1);
        // Registered before the address is printed: whoever reads the address may send SIGTERM at once.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(running, spec.commandLine().getOut());
            stopped.countDown();
        }, "rollwell-serve-stop"));
        announce(running);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Main.EXIT_OK;
    }

    /**
     * SIGTERM or Ctrl-C: the server first (no new request, a running session ends in the safe state and
     * is recorded), then the database, whose last connection folds the WAL back into rollwell.db.
     */
    static void stop(Running running, PrintWriter out) {
        try {
            if (running.mqtt() != null) {
                // the broker hears "offline" from the bed itself, not only as its last will
                running.mqtt().close();
            }
            running.server().close();
        } catch (RuntimeException e) {
            out.println("Stopping the server failed (" + e + "); closing the database anyway.");
        } finally {
            running.db().close();
        }
        out.println("Rollwell stopped; the database is closed.");
        out.flush();
    }

    /** {@link #open()} and {@link #announce}: serving, with the address printed; the caller closes it. */
    Running start() {
        Running running = open();
        announce(running);
        return running;
    }

    private void announce(Running running) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Rollwell serves " + running.address() + " (data: " + running.db() + "; bed: simulated"
                + (timeScale == 1 ? "" : ", " + timeScale + " × real time") + "). Open it in a browser; Ctrl-C stops it.");
        out.println("The bed's control loop runs with " + running.bed().scheduling().detail() + ".");
        out.flush();
    }

    /** Opens the database, recovers, starts serving; the caller prints the address and closes it. */
    Running open() {
        if (port < 0 || port > 65_535) {
            throw new BadInputException("--port must be 0..65535, was " + port);
        }
        if (!"sim".equals(bed)) {
            throw new BadInputException("--bed must be sim, was \"" + bed + "\": only the simulated bed exists today"
                    + " (real bed drivers come later behind the same interface)");
        }
        if (timeScale < 1 || timeScale > Pacing.MAX_TIME_SCALE) {
            throw new BadInputException("--time-scale must be 1–" + Pacing.MAX_TIME_SCALE + ", was " + timeScale);
        }
        LoopScheduling.Policy scheduling;
        try {
            scheduling = LoopScheduling.Policy.parse(loopPriority);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--loop-priority must be " + LoopScheduling.Policy.CHOICES + ", was \"" + loopPriority + "\"");
        }
        if (dbUrl != null && dataDir != null) {
            throw new BadInputException("--db and --data-dir name two databases; give one");
        }
        if (dbUrl != null && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new BadInputException("--db must be a jdbc:postgresql:// URL (SQLite lives in --data-dir)");
        }
        Path dir = dataDir != null ? dataDir : Path.of(System.getProperty("user.home"), ".rollwell");
        MqttSettings mqtt = mqttSettings(dir);
        String url = dbUrl != null ? dbUrl : Database.sqliteUrl(dir);
        String user = dbUser != null ? dbUser : System.getenv(USER_ENV);
        String password = dbPassword != null ? dbPassword : System.getenv(PASSWORD_ENV);
        Database db;
        try {
            db = Database.open(url, user, password, Clock.systemDefaultZone());
        } catch (StoreException e) {
            throw new BadInputException("" + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        importLocks(dir, db, out);
        CompanionServer server;
        BedLink bedLink = null;
        try {
            List<InterruptedSession> cut = db.recoverInterrupted();
            if (!cut.isEmpty()) {
                out.println("Recorded " + cut.size() + " session(s) cut off by a crash as INTERRUPTED.");
            }
            bedLink = TwinBed.start(db, timeScale, Clock.systemDefaultZone(), scheduling);
            // the report and exports over HTTP: the reports module behind the server's port (issue 13)
            server = CompanionServer.start(db, new CompanionServer.Options(host, port, Passwords.DEFAULT_COST),
                    Clock.systemDefaultZone(), bedLink, new ServedReports());
        } catch (RuntimeException e) {
            if (bedLink != null) {
                bedLink.service().close();
            }
            db.close();
            throw new BadInputException("cannot serve on " + host + ":" + port + ": " + e.getMessage());
        }
        String shown = host.contains(":") ? "[" + host + "]" : host;
        String address = "http://" + shown + ":" + server.port() + "/";
        MqttBridge bridge = mqtt == null ? null : MqttBridge.start(bedLink.service(), mqtt, "0.1.0",
                owner -> LastPainChange.of(db.diary().list(owner.accountId(), owner.profileId())));
        if (bridge != null) {
            out.println("Publishing the bed as '" + mqtt.bedId() + "' to " + mqttUrl + " (Home Assistant discovery on).");
        }
        return new Running(server, db, address, bridge, bedLink.service());
    }

    /** The broker settings of --mqtt, checked before anything starts; null without --mqtt. */
    private MqttSettings mqttSettings(Path dir) {
        if (mqttUrl == null) {
            if (mqttUser != null || mqttPassword != null || bedId != null) {
                throw new BadInputException((bedId != null ? "--bed-id" : mqttUser != null ? "--mqtt-user" : "--mqtt-password")
                        + " needs --mqtt");
            }
            return null;
        }
        String id = bedId;
        if (id == null) {
            try {
                id = MqttSettings.bedIdFrom(java.net.InetAddress.getLocalHost().getHostName());
            } catch (java.net.UnknownHostException e) {
                id = "bed";
            }
        }
        try {
            return MqttSettings.parse(mqttUrl, mqttUser != null ? mqttUser : System.getenv(HubCommand.MQTT_USER_ENV),
                    mqttPassword != null ? mqttPassword : System.getenv(HubCommand.MQTT_PASSWORD_ENV), id,
                    dir.resolve("mqtt-outbox"));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    /**
     * The CLI's locks.json of the data directory (the default one with --db: the same bed) moves into the
     * database once, so a service lock never disappears with the move to the server.
     */
    private static void importLocks(Path dir, Database db, PrintWriter out) {
        try {
            LockFileImport.run(dir, db.locks(Database.HOUSEHOLD_BED)).ifPresent(done -> out.println("Imported "
                    + done.locks() + " lock(s) and " + done.resets() + " service reset(s) from "
                    + dir.resolve(FileLockStore.FILE_NAME) + " into the database; the file is kept as " + done.keptAs()
                    + "."));
        } catch (LockStoreException e) {
            db.close();
            throw new BadInputException("" + e.getMessage());
        }
    }
}
