package org.rollwell.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * An open-loop load: request i is due at start + i / rate whatever the server's answers (a closed loop
 * that waits for each answer would slow down with the server and hide its stalls: Gil Tene's
 * "coordinated omission"). Latency is measured from the time a request was due, not from when it was
 * sent, so a driver that falls behind shows in the figures rather than hiding them.
 *
 * <p>The mix (choice, a household's phone app): 75 % reads (the account, the profile list, one
 * profile, the bed or the API description), 25 % writes (replace a profile, add a profile and delete it).
 */
final class OpenLoop {
    /** One request: method, path, body (null for none). */
    record Call(String method, String path, String body) {
        /** The route as the API names it ("GET /api/profiles/{id}"), for the per-route split. */
        String route() {
            return method + " " + path.replaceAll("/api/profiles/[^/]+", "/api/profiles/{id}");
        }
    }

    /**
     * The outcome: latencies in ms of every answered request, the same split by route (in the mix's
     * order), the same in the order they were due (NaN where unanswered: to see when in the run the
     * slow ones fell), and the errors by kind.
     */
    record Outcome(double[] latenciesMs, Map<String, double[]> byRouteMs, double[] bySlotMs, int errors,
            List<String> errorSamples, double sentPerS) {
        double percentile(double p) {
            return percentile(latenciesMs, p);
        }

        static double percentile(double[] latenciesMs, double p) {
            double[] sorted = latenciesMs.clone();
            Arrays.sort(sorted);
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }
    }

    private final HttpClient http;
    private final String base;
    private final String cookie;
    private final String csrf;

    OpenLoop(HttpClient http, String base, String cookie, String csrf) {
        this.http = http;
        this.base = base;
        this.cookie = cookie;
        this.csrf = csrf;
    }

    /** The i-th call of the mix; {@code profileId} is a profile kept for the reads and the replace. */
    static Call call(int i, String profileId, String profileBody, boolean bedRoute, List<String> added, String newName) {
        int slot = i % 20;
        return switch (slot) {
            case 0, 1, 2, 3 -> new Call("GET", "/api/profiles", null);
            case 4, 5, 6 -> new Call("GET", "/api/me", null);
            case 7, 8, 9, 10 -> new Call("GET", "/api/profiles/" + profileId, null);
            case 11, 12, 13, 14 -> bedRoute ? new Call("GET", "/api/bed", null) : new Call("GET", "/api/openapi.json", null);
            case 15, 16, 17 -> new Call("PUT", "/api/profiles/" + profileId, profileBody);
            case 18 -> new Call("POST", "/api/profiles", profileBody.replace("\"name\":\"Load\"", "\"name\":\"" + newName + i + "\""));
            default -> added.isEmpty() ? new Call("GET", "/api/me", null) : new Call("DELETE", "/api/profiles/" + added.remove(0), null);
        };
    }

    /** Runs {@code ratePerS × seconds} calls of the mix; waits for the last answer (at most 30 s after). */
    Outcome run(int ratePerS, int seconds, String profileId, String profileBody, boolean bedRoute, String newName)
            throws InterruptedException {
        int n = ratePerS * seconds;
        double[] latencies = new double[n];
        String[] routes = new String[n];
        Arrays.fill(latencies, Double.NaN);
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();
        List<String> added = new java.util.concurrent.CopyOnWriteArrayList<>();
        ConcurrentHashMap<Integer, CompletableFuture<?>> inFlight = new ConcurrentHashMap<>();
        long periodNs = 1_000_000_000L / ratePerS;
        long startNs = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < n; i++) {
            long dueNs = startNs + i * periodNs;
            for (long wait = dueNs - System.nanoTime(); wait > 0; wait = dueNs - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            Call c = call(i, profileId, profileBody, bedRoute, added, newName);
            routes[i] = c.route();
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + c.path().substring(1)))
                    .timeout(Duration.ofSeconds(10)).header("Cookie", cookie).header("X-CSRF-Token", csrf)
                    .method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(c.body()));
            if (c.body() != null) {
                b.header("Content-Type", "application/json");
            }
            int index = i;
            CompletableFuture<?> f = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, failure) -> {
                        latencies[index] = (System.nanoTime() - dueNs) / 1e6;
                        if (failure != null || r.statusCode() >= 400) {
                            errors.incrementAndGet();
                            if (errors.get() <= 5) {
                                samples.add(c.method() + " " + c.path() + " -> "
                                        + (failure != null ? failure.toString() : r.statusCode() + " " + r.body()));
                            }
                        } else if (c.method().equals("POST")) {
                            String body = r.body();
                            int at = body.indexOf("\"id\":\"");
                            if (at >= 0) {
                                added.add(body.substring(at + 6, body.indexOf('"', at + 6)));
                            }
                        }
                        inFlight.remove(index);
                    });
            inFlight.put(index, f);
        }
        double sentPerS = n / ((System.nanoTime() - startNs) / 1e9);
        for (CompletableFuture<?> f : inFlight.values()) {
            try {
                f.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // counted in whenComplete, or still open: counted below
            }
        }
        int unanswered = (int) Arrays.stream(latencies).filter(Double::isNaN).count();
        double[] answered = Arrays.stream(latencies).filter(d -> !Double.isNaN(d)).toArray();
        Map<String, double[]> byRoute = new LinkedHashMap<>();
        for (String route : new LinkedHashSet<>(Arrays.asList(routes))) {
            byRoute.put(route, IntStream.range(0, n).filter(i -> route.equals(routes[i]) && !Double.isNaN(latencies[i]))
                    .mapToDouble(i -> latencies[i]).toArray());
        }
        return new Outcome(answered, byRoute, latencies.clone(), errors.get() + unanswered, List.copyOf(samples), sentPerS);
    }
}
