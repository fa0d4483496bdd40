package org.rollwell.app.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.rollwell.hub.ClinicPage;
import org.rollwell.hub.Hub;
import org.rollwell.hub.HubStore;
import org.rollwell.mqtt.MqttSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rollwell hub}: a clinic's hub. Subscribes to every bed on the broker, stores telemetry,
 * session records and events in PostgreSQL, reports telemetry gaps, and serves the clinic page.
 */
@Command(name = "hub",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        header = "Run a clinic hub: many beds over MQTT into PostgreSQL, and the clinic page.",
        description = {
                "Subscribes to rollwell/+/… on the broker, stores what every bed sends in PostgreSQL (once each, also when"
                        + " the broker delivers twice), finds telemetry gaps, and serves a page listing every bed, faults"
                        + " first (docs/mqtt.md).",
                "Exit 0 when stopped with Ctrl-C, 2 for a bad option or an unreachable database or broker."})
final class HubCommand implements Callable<Integer> {
    static final String DB_USER_ENV = "ROLLWELL_DB_USER";
    static final String DB_PASSWORD_ENV = "ROLLWELL_DB_PASSWORD";
    static final String MQTT_USER_ENV = "ROLLWELL_MQTT_USER";
    static final String MQTT_PASSWORD_ENV = "ROLLWELL_MQTT_PASSWORD";

    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "JDBC_URL", description = "The hub's PostgreSQL database, jdbc:postgresql://HOST:PORT/NAME.")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "Default: $" + DB_USER_ENV + ".")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Default: $" + DB_PASSWORD_ENV + ".")
    String dbPassword;

    @Option(names = "--mqtt", required = true, paramLabel = "URL", description = "The broker, mqtt://HOST:1883 or mqtts://HOST:8883.")
    String mqttUrl;

    @Option(names = "--mqtt-user", paramLabel = "USER", description = "Default: $" + MQTT_USER_ENV + " (the ACL's hub user).")
    String mqttUser;

    @Option(names = "--mqtt-password", paramLabel = "PASSWORD", description = "Default: $" + MQTT_PASSWORD_ENV + ".")
    String mqttPassword;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1", description = "Where the clinic page listens. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8090", description = "The clinic page's port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Override
    public Integer call() {
        if (port < 0 || port > 65_535) {
            throw new BadInputException("--port must be 0..65535, was " + port);
        }
        String mqttUserOrEnv = mqttUser != null ? mqttUser : System.getenv(MQTT_USER_ENV);
        String mqttPasswordOrEnv = mqttPassword != null ? mqttPassword : System.getenv(MQTT_PASSWORD_ENV);
        MqttSettings broker;
        try {
            // the settings reader checks the address; the hub has no bed id or outbox of its own
            broker = MqttSettings.parse(mqttUrl, mqttUserOrEnv, mqttPasswordOrEnv, "hub", java.nio.file.Path.of("."));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        HubStore store;
        try {
            store = HubStore.open(dbUrl, dbUser != null ? dbUser : System.getenv(DB_USER_ENV),
                    dbPassword != null ? dbPassword : System.getenv(DB_PASSWORD_ENV));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        } catch (RuntimeException e) {
            throw new BadInputException("--db " + dbUrl + ": cannot be opened (" + e.getMessage() + ")");
        }
        Hub hub;
        ClinicPage page;
        try {
            hub = Hub.start(store, broker.serverUri(), broker.user(), broker.password(), "rollwell-hub", Clock.systemUTC());
        } catch (MqttException e) {
            store.close();
            throw new BadInputException("--mqtt " + mqttUrl + ": cannot be reached (" + e.getMessage() + ")");
        }
        try {
            page = ClinicPage.start(store, host, port);
        } catch (RuntimeException e) {
            closeQuietly(hub);
            store.close();
            throw new BadInputException("--port " + port + ": cannot serve the clinic page (" + e.getMessage() + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Rollwell hub stores what the beds on " + mqttUrl + " send; the clinic page is http://" + host + ":"
                + page.port() + "/ . Ctrl-C stops it.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            page.close();
            closeQuietly(hub);
            store.close();
            stopped.countDown();
        }, "rollwell-hub-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Main.EXIT_OK;
    }

    private static void closeQuietly(Hub hub) {
        try {
            hub.close();
        } catch (MqttException | InterruptedException e) {
            // stopping anyway: what was not acknowledged, the broker keeps for the next start
        }
    }
}
