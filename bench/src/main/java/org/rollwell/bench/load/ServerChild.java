package org.rollwell.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server under load as its own process, the way a person runs it: {@code ./rollwell serve} (the
 * launcher, with its JVM options and class-data sharing) or {@code java -cp … Main serve}. Measures the
 * cold start (process start to the first 200 on /api/openapi.json) and reads its resident memory from /proc.
 */
final class ServerChild implements AutoCloseable {
    private static final Pattern SERVES = Pattern.compile("Rollwell serves (http://\\S+/) ");

    private final Process process;
    private final String address;
    private final double coldStartMs;
    private final List<String> output;

    private ServerChild(Process process, String address, double coldStartMs, List<String> output) {
        this.process = process;
        this.address = address;
        this.coldStartMs = coldStartMs;
        this.output = output;
    }

    /**
     * Starts the server on a free port over a fresh data directory and waits (at most 120 s) for its
     * first 200. {@code launcher} null runs {@code java jvmOptions -cp <this class path> Main}; {@code serveOptions}
     * go after {@code serve} (e.g. {@code --loop-priority short-slice}).
     */
    static ServerChild start(Path launcher, List<String> jvmOptions, List<String> serveOptions, Path dataDir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (launcher != null) {
            command.add(launcher.toString());
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.rollwell.app.cli.Main"));
        }
        command.addAll(List.of("serve", "--port", "0", "--data-dir", dataDir.toString()));
        command.addAll(serveOptions);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (launcher != null && !jvmOptions.isEmpty()) {
            builder.environment().put("ROLLWELL_JAVA_OPTS", String.join(" ", jvmOptions));
        }
        long startNs = System.nanoTime();
        Process process = builder.start();
        List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> address = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                    Matcher m = SERVES.matcher(line);
                    if (m.find()) {
                        address.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                output.add("(output closed: " + e.getMessage() + ")");
            }
            address.completeExceptionally(new IllegalStateException("the server exited before serving: " + output));
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
        String base;
        try {
            base = address.get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not start: " + output, e);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest openApi = HttpRequest.newBuilder(URI.create(base + "api/openapi.json")).build();
        while (true) {
            try {
                if (http.send(openApi, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet; poll again
            }
            LockSupport.parkNanos(1_000_000);
        }
        double coldStartMs = (System.nanoTime() - startNs) / 1e6;
        return new ServerChild(process, base, coldStartMs, output);
    }

    String address() {
        return address;
    }

    double coldStartMs() {
        return coldStartMs;
    }

    long pid() {
        return process.pid();
    }

    /** A field of /proc/PID/status in kB (VmRSS: resident now, VmHWM: its peak); -1 without /proc. */
    long statusKb(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * CPU time the server used so far (user + system, /proc/PID/stat fields 14 and 15, in clock ticks of
     * 10 ms on Linux), in ms; -1 without /proc. Per request, this does not depend on what else loads the box.
     */
    double cpuMs() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ", field 3 (state) is f[0], so field 14 (utime) is f[11] and 15 (stime) f[12]
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    List<String> output() {
        return List.copyOf(output);
    }

    /** SIGTERM, as a service manager stops it; SIGKILL after 60 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
