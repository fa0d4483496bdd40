package org.rollwell.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N signed-in clients of the live bed feed ({@code /api/bed/live}, the session API contract), each
 * counting the frames it receives from {@link #startCounting()} on, so frames per second per client
 * can be stated for the measured window only.
 */
final class LiveClients implements AutoCloseable {
    private final List<WebSocket> sockets = new ArrayList<>();
    private final List<AtomicLong> frames = new ArrayList<>();
    private volatile boolean counting;
    private long countingSinceNs;

    /** Opens {@code n} sockets with the session cookie; fails if any is refused. */
    static LiveClients open(HttpClient http, String base, String cookie, int n) throws Exception {
        LiveClients clients = new LiveClients();
        URI uri = URI.create(base.replaceFirst("^http", "ws") + "api/bed/live");
        for (int i = 0; i < n; i++) {
            AtomicLong count = new AtomicLong();
            clients.frames.add(count);
            WebSocket ws = http.newWebSocketBuilder().header("Cookie", cookie)
                    .buildAsync(uri, new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            if (last && clients.counting) {
                                count.incrementAndGet();
                            }
                            webSocket.request(1);
                            return null;
                        }
                    }).get(30, TimeUnit.SECONDS);
            clients.sockets.add(ws);
        }
        return clients;
    }

    void startCounting() {
        countingSinceNs = System.nanoTime();
        counting = true;
    }

    /** Frames per second of each client since {@link #startCounting()}. */
    double[] framesPerS() {
        counting = false;
        double seconds = (System.nanoTime() - countingSinceNs) / 1e9;
        double[] rates = new double[frames.size()];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = frames.get(i).get() / seconds;
        }
        return rates;
    }

    @Override
    public void close() {
        for (WebSocket ws : sockets) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
