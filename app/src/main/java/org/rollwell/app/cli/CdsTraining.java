package org.rollwell.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * What the launcher runs once per built jar under {@code -XX:ArchiveClassesAtExit} to record the classes
 * of the class-data sharing archive (JDK 17 dynamic AppCDS): a scanned, faulted simulation (the one-shot
 * commands) and then {@code serve} over a throw-away data directory, through its start, the first
 * requests a phone makes (the API description, an account, sign-in, a profile, the bed, a session with
 * its live socket) and its stop. The server's cold start then maps these classes instead of reading and
 * verifying them from the jar (issue 11: ≤ 2 s from the start to the first 200).
 *
 * <p>Not a command (it is not in {@code rollwell --help}): {@code java -cp rollwell.jar
 * org.rollwell.app.cli.CdsTraining CHECKOUT}. Best effort: a step that fails is skipped, the archive
 * records what was loaded. It never touches the household's data directory.
 */
public final class CdsTraining {
    private CdsTraining() {
    }

    /** @param args the checkout (for examples/), optional */
    public static void main(String[] args) throws IOException {
        Path checkout = Path.of(args.length > 0 ? args[0] : ".");
        Path scenario = checkout.resolve("examples/scenarios/thermistor-open.json");
        PrintWriter sink = new PrintWriter(new StringWriter());
        if (Files.isRegularFile(scenario)) {
            CommandLine cli = Main.commandLine();
            cli.setOut(sink).setErr(sink);
            cli.execute("simulate", "--scenario", scenario.toString(), "--json", "-q");
        }
        Path data = Files.createTempDirectory("rollwell-cds-");
        try {
            serve(data, checkout.resolve("examples/profiles/anna.json"), sink);
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        // the archive is written as the JVM exits; a thread a library left running must not keep it alive
        System.exit(0);
    }

    private static void serve(Path data, Path profile, PrintWriter sink) {
        // the command line the launcher's serve line builds (Main.commandLine(args): serve alone)
        String[] args = {"serve", "--port", "0", "--data-dir", data.toString()};
        CommandLine cli = Main.commandLine(args);
        cli.setOut(sink).setErr(sink);
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        ServeCommand serve = parsed.subcommand().commandSpec().commandLine().getCommand();
        ServeCommand.Running running = serve.start();
        try {
            requests(running.address(), profile);
        } catch (IOException | RuntimeException e) {
            // best effort: the archive keeps what was loaded so far
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ServeCommand.stop(running, sink);
        }
    }

    private static void requests(String base, Path profile) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        send(http, base, "GET", "api/openapi.json", null, null, null);
        send(http, base, "GET", "", null, null, null);
        String credentials = "{\"login\":\"training@example.org\",\"password\":\"a long enough password\"}";
        send(http, base, "POST", "api/accounts", credentials, null, null);
        HttpResponse<String> in = send(http, base, "POST", "api/session", credentials, null, null);
        String cookie = in.headers().firstValue("Set-Cookie").orElse("").split(";", 2)[0];
        String csrf = in.body().replaceAll("(?s).*\"csrfToken\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        send(http, base, "GET", "api/me", null, cookie, csrf);
        if (!Files.isRegularFile(profile)) {
            return;
        }
        String created = send(http, base, "POST", "api/profiles",
                "{\"name\":\"Training\",\"profile\":" + Files.readString(profile) + "}", cookie, csrf).body();
        String id = created.replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        send(http, base, "GET", "api/profiles", null, cookie, csrf);
        send(http, base, "GET", "api/profiles/" + id, null, cookie, csrf);
        send(http, base, "PUT", "api/profiles/" + id, "{\"name\":\"Training\",\"profile\":" + Files.readString(profile) + "}",
                cookie, csrf);
        send(http, base, "GET", "api/bed", null, cookie, csrf);
        send(http, base, "PUT", "api/sim/body", "{\"onBed\":true}", cookie, csrf);
        send(http, base, "POST", "api/sessions", "{\"profileId\":\"" + id + "\",\"goal\":\"RELIEVE_TENSION\",\"minutes\":10}",
                cookie, csrf);
        CompletableFuture<Void> frame = new CompletableFuture<>();
        try {
            WebSocket ws = http.newWebSocketBuilder().header("Cookie", cookie)
                    .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "api/bed/live"), new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence text, boolean last) {
                            frame.complete(null);
                            return null;
                        }
                    }).get(5, TimeUnit.SECONDS);
            frame.get(5, TimeUnit.SECONDS);
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // no frame: the archive keeps the rest
        }
        send(http, base, "GET", "api/sessions?profileId=" + id, null, cookie, csrf);
        send(http, base, "POST", "api/sessions/current/stop", "{}", cookie, csrf);
    }

    private static HttpResponse<String> send(HttpClient http, String base, String method, String path, String body,
            String cookie, String csrf) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            b.header("Cookie", cookie).header("X-CSRF-Token", csrf);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
