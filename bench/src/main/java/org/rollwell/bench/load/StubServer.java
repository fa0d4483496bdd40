package org.rollwell.bench.load;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the server that answers the load's mix at once (the JDK's own HTTP server on 127.0.0.1),
 * so the driver can warm its own HTTP client before it measures: the driver stands in for fifty phones, and
 * its own JVM compiling its client's code in the first seconds is no latency of Rollwell's (choice: the
 * figures should describe the server; `--driver-warmup 0` measures with a cold driver).
 */
final class StubServer implements AutoCloseable {
    private final HttpServer http;

    private StubServer(HttpServer http) {
        this.http = http;
    }

    static StubServer start() throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        AtomicLong ids = new AtomicLong();
        http.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            String method = exchange.getRequestMethod();
            int status = method.equals("POST") ? 201 : 200;
            byte[] body = ("{\"id\":\"stub" + ids.incrementAndGet() + "\",\"name\":\"Load\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "stub-server");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        return new StubServer(http);
    }

    /** The address the driver's client sends to, ending in "/". */
    String base() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
