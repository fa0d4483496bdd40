package org.rollwell.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rollwell ARGS} in a child JVM, the way a person or a service manager runs it: the test reads
 * its output line by line (waits are bounded polls on that output, never a fixed sleep) and ends it
 * with SIGTERM ({@link Process#destroy()}) or SIGKILL ({@link Process#destroyForcibly()}).
 */
final class ServerProcess implements AutoCloseable {
    /** "Rollwell serves http://127.0.0.1:PORT/ …" as ServeCommand prints it. */
    static final Pattern SERVES = Pattern.compile("Rollwell serves (http://\\S+/) ");
    /** Far above a cold JVM's start on a loaded 2-core box (choice); a bound, not a wait. */
    static final Duration START = Duration.ofSeconds(60);
    /** How often the child's output is looked at while waiting (choice). */
    static final Duration POLL = Duration.ofMillis(20);

    private final Process process;
    private final Path output;
    /** The lines read so far; {@link #awaitLine} looks at those after {@link #next}. */
    private final List<String> seen = new ArrayList<>();
    private int next;

    private ServerProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * Starts {@code java -cp <the test class path> org.rollwell.app.cli.Main ARGS} with {@code user.home} set to
     * {@code home}; its stdout and stderr go to a file in {@code home} (a pipe read while the child exits can lose
     * its last lines to "Stream closed" in the JDK's process streams).
     */
    static ServerProcess start(Path home, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path output = Files.createTempFile(home, "child-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove(ServeCommand.USER_ENV);
        builder.environment().remove(ServeCommand.PASSWORD_ENV);
        return new ServerProcess(builder.start(), output);
    }

    /** Waits (at most {@code within}) for a line matching {@code pattern}; the match, or an error with everything seen. */
    Matcher awaitLine(Pattern pattern, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            boolean exited = !process.isAlive();
            readNewLines();
            for (; next < seen.size(); next++) {
                Matcher m = pattern.matcher(seen.get(next));
                if (m.find()) {
                    next++;
                    return m;
                }
            }
            if (exited || System.nanoTime() > deadline) {
                throw new AssertionError("no line matching " + pattern + " within " + within + "; the child printed: "
                        + seen + (exited ? " and exited " + process.exitValue() : ""));
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    /** The address it prints once it serves. */
    String awaitAddress() throws InterruptedException {
        return awaitLine(SERVES, START).group(1);
    }

    /** Every line it printed until it exited (the exit waited for at most {@code within}). */
    List<String> outputUntilExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running " + within + " after it was told to stop; printed: " + seen);
        }
        readNewLines();
        return List.copyOf(seen);
    }

    /** Complete lines only: a line the child is still writing is read on the next poll. */
    private void readNewLines() {
        String text;
        try {
            text = Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int end = text.lastIndexOf('\n');
        List<String> complete = end < 0 ? List.of() : text.substring(0, end).lines().toList();
        seen.addAll(complete.subList(seen.size(), complete.size()));
    }

    Process process() {
        return process;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A small HTTP client for the child's API. */
    static HttpResponse<String> send(String method, String url, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
