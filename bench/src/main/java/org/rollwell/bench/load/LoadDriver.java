package org.rollwell.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The companion server under a household's worst day (issue 11 "Done when"): starts {@code rollwell serve}
 * as its own process over a fresh SQLite data directory (simulated bed), signs in, and mixes reads and
 * writes at 200 requests/s for 60 s on an open-loop schedule while, once the live feed exists, a session
 * streams to 50 WebSocket clients. Prints p50/p99 latency, errors, the slowest client's frames/s, the
 * control loop's tick lateness and overruns (from {@code GET /api/bed}'s {@code loop}), the cold start to
 * the first 200 and the resident memory. Run from the checkout's root (bench/README.md):
 *
 * <pre>java -cp bench/target/benchmarks.jar org.rollwell.bench.load.LoadDriver [--rate 200] [--seconds 60]
 *     [--clients 50] [--warmup 0] [--driver-warmup 10] [--classpath] [--jvm "OPTIONS"] [--serve "SERVE OPTIONS"]</pre>
 *
 * Targets: p99 ≤ 20 ms, 0 errors, every client ≥ 10 frames/s, lateness p99 ≤ 1 ms and no overrun,
 * cold start ≤ 2 s, RSS ≤ 256 MB.
 */
public final class LoadDriver {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int rate = 200;
        int seconds = 60;
        int clients = 50;
        int warmupS = 0;
        int driverWarmupS = 10;
        boolean classpath = false;
        List<String> jvm = new ArrayList<>();
        List<String> serveOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--warmup" -> warmupS = Integer.parseInt(args[++i]);
                case "--driver-warmup" -> driverWarmupS = Integer.parseInt(args[++i]);
                case "--classpath" -> classpath = true;
                case "--jvm" -> jvm = Arrays.asList(args[++i].trim().split("\\s+"));
                case "--serve" -> serveOptions = Arrays.asList(args[++i].trim().split("\\s+"));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; options: --rate N --seconds N --clients N --warmup S --driver-warmup S --classpath --jvm \"OPTIONS\" --serve \"SERVE OPTIONS\"");
            }
        }
        Path launcher = Path.of("rollwell").toAbsolutePath();
        if (!classpath && !Files.isExecutable(launcher)) {
            throw new IllegalStateException("run from the checkout's root (no ./rollwell here), or pass --classpath");
        }
        Path data = Files.createTempDirectory("rollwell-load-");
        System.out.printf(Locale.ROOT, "server: %s, data %s, load %d req/s for %d s, %d live clients%n",
                classpath ? "java " + String.join(" ", jvm) + " -cp <bench jar> Main serve" : "./rollwell serve"
                        + (jvm.isEmpty() ? "" : " with ROLLWELL_JAVA_OPTS=\"" + String.join(" ", jvm) + "\""),
                data, rate, seconds, clients);
        if (driverWarmupS > 0) {
            // before the server starts, so it competes with neither the server's start nor its first minute
            try (StubServer stub = StubServer.start()) {
                HttpClient warm = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
                OpenLoop.Outcome w = new OpenLoop(warm, stub.base(), "rollwell=stub", "stub").run(rate, driverWarmupS, "stub0",
                        "{\"name\":\"Load\",\"profile\":{}}", true, "Stub ");
                System.out.printf(Locale.ROOT, "driver warm-up (not counted): %d s at %d req/s against its own stub server, p99 %.2f ms%n",
                        driverWarmupS, rate, w.percentile(99));
            }
        }
        try (ServerChild server = ServerChild.start(classpath ? null : launcher, jvm, serveOptions, data)) {
            System.out.printf(Locale.ROOT, "cold start to the first 200 on /api/openapi.json: %.0f ms (pid %d)%n",
                    server.coldStartMs(), server.pid());
            run(server, rate, seconds, clients, warmupS);
        }
    }

    private static void run(ServerChild server, int rate, int seconds, int clientCount, int warmupS) throws Exception {
        String base = server.address();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String credentials = "{\"login\":\"load@example.org\",\"password\":\"a long enough password\"}";
        expect(send(http, base, "POST", "/api/accounts", credentials, null, null), 201);
        HttpResponse<String> in = expect(send(http, base, "POST", "/api/session", credentials, null, null), 200);
        String cookie = in.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        String csrf = JSON.readTree(in.body()).get("csrfToken").asText();
        String profileBody = "{\"name\":\"Load\",\"profile\":" + Files.readString(Path.of("examples", "profiles", "anna.json")) + "}";
        String profileId = JSON.readTree(expect(send(http, base, "POST", "/api/profiles", profileBody, cookie, csrf), 201)
                .body()).get("id").asText();

        boolean bedRoute = send(http, base, "GET", "/api/bed", null, cookie, csrf).statusCode() == 200;
        // the load's own client: its connections are not the live clients' (choice: as a phone and a tablet would be)
        HttpClient loadHttp = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        if (warmupS > 0) {
            // the same mix before the session starts, not counted: the figures then describe a server that has
            // been up a while (it runs for hours), while the cold start above is the first minute's own figure
            OpenLoop.Outcome w = new OpenLoop(loadHttp, base, cookie, csrf).run(rate, warmupS, profileId, profileBody, bedRoute,
                    "Warm-up ");
            System.out.printf(Locale.ROOT, "warm-up (not counted): %d s at %d req/s before the session, p99 %.2f ms, errors %d%n",
                    warmupS, rate, w.percentile(99), w.errors());
        }
        LiveClients live = null;
        if (bedRoute) {
            expect(send(http, base, "PUT", "/api/sim/body", "{\"onBed\":true}", cookie, csrf), 200, 204);
            expect(send(http, base, "POST", "/api/sessions", "{\"profileId\":" + JSON.writeValueAsString(profileId)
                    + ",\"goal\":\"RELIEVE_TENSION\",\"minutes\":" + Math.max(10, seconds / 60 + 5) + "}", cookie, csrf), 201);
            live = LiveClients.open(http, base, cookie, clientCount);
            live.startCounting();
        } else {
            System.out.println("live feed: GET /api/bed answers 404 (no session routes in this build): no session, no WebSocket clients");
        }

        double cpuBeforeMs = server.cpuMs();
        OpenLoop.Outcome o = new OpenLoop(loadHttp, base, cookie, csrf).run(rate, seconds, profileId, profileBody, bedRoute, "Load ");
        double cpuMs = server.cpuMs() - cpuBeforeMs;
        double[] framesPerS = live != null ? live.framesPerS() : new double[0];
        JsonNode bed = null;
        if (bedRoute) {
            try {
                bed = JSON.readTree(send(http, base, "GET", "/api/bed", null, cookie, csrf).body());
            } catch (java.io.IOException e) {
                // an overloaded server may not answer within 30 s: the other figures still count
                System.out.println("GET /api/bed after the load: no answer (" + e + ")");
            }
        }
        long rssKb = server.statusKb("VmRSS");
        long hwmKb = server.statusKb("VmHWM");
        if (live != null) {
            live.close();
        }

        System.out.printf(Locale.ROOT, "requests: %d answered at %.1f req/s sent; errors %d%n",
                o.latenciesMs().length, o.sentPerS(), o.errors());
        o.errorSamples().forEach(e -> System.out.println("  error: " + e));
        System.out.printf(Locale.ROOT, "server CPU during the load: %.0f ms = %.2f ms per request (%.0f %% of one core)%n",
                cpuMs, cpuMs / Math.max(1, o.latenciesMs().length), cpuMs / 10.0 / seconds);
        System.out.printf(Locale.ROOT, "latency from the scheduled time: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                o.percentile(50), o.percentile(99), o.percentile(99.9), o.percentile(100));
        StringBuilder windows = new StringBuilder("  p99 by 10 s of the run:");
        int perWindow = rate * 10;
        for (int from = 0; from < o.bySlotMs().length; from += perWindow) {
            double[] window = Arrays.stream(o.bySlotMs(), from, Math.min(o.bySlotMs().length, from + perWindow))
                    .filter(d -> !Double.isNaN(d)).toArray();
            windows.append(String.format(Locale.ROOT, " %.1f", OpenLoop.Outcome.percentile(window, 99)));
        }
        System.out.println(windows.append(" ms"));
        o.byRouteMs().forEach((route, ms) -> System.out.printf(Locale.ROOT,
                "  %-28s %5d answered: p50 %7.2f ms, p99 %7.2f ms, max %7.2f ms%n", route, ms.length,
                OpenLoop.Outcome.percentile(ms, 50), OpenLoop.Outcome.percentile(ms, 99), OpenLoop.Outcome.percentile(ms, 100)));
        if (framesPerS.length > 0) {
            System.out.printf(Locale.ROOT, "live frames per client: min %.1f/s, mean %.1f/s over %d clients%n",
                    Arrays.stream(framesPerS).min().orElse(0), Arrays.stream(framesPerS).average().orElse(0), framesPerS.length);
        }
        JsonNode loop = bed != null ? bed.get("loop") : null;
        if (loop != null) {
            long p99Us = loop.path("latenessP99Us").asLong();
            long overruns = loop.path("overruns").asLong();
            System.out.printf(Locale.ROOT, "control loop (%s) over %d periods: lateness p50 %d µs, p99 %d µs, max %d µs;"
                            + " %d overruns (state %s): %s (target p99 ≤ 1000 µs and 0 overruns)%n",
                    loop.path("schedulingDetail").asText("schedule not reported"), loop.path("periods").asLong(), loop.path("latenessP50Us").asLong(), p99Us,
                    loop.path("latenessMaxUs").asLong(), overruns, bed.path("state").asText(),
                    p99Us <= 1000 && overruns == 0 ? "PASS" : "FAIL");
        } else if (bed != null) {
            System.out.println("control loop: not reported (GET /api/bed has no \"loop\" in this build)");
        } else if (bedRoute) {
            System.out.println("control loop: not read (GET /api/bed did not answer after the load)");
        }
        System.out.printf(Locale.ROOT, "resident memory of the server: VmRSS %.1f MB now, VmHWM %.1f MB peak%n",
                rssKb / 1024.0, hwmKb / 1024.0);
    }

    private static HttpResponse<String> send(HttpClient http, String base, String method, String path, String body,
            String cookie, String csrf) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path.substring(1))).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (cookie != null) {
            b.header("Cookie", cookie).header("X-CSRF-Token", csrf);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int... statuses) {
        for (int s : statuses) {
            if (r.statusCode() == s) {
                return r;
            }
        }
        throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
    }
}
