package org.rollwell.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.rollwell.companion.BedService;
import org.rollwell.companion.LiveFrame;

/**
 * WebSocket /api/bed/live: the bed's live frames, every {@value #PERIOD_MS} ms while the bed moves or
 * works and once a second at rest (issue 11 item 5). Frames are built here from the bed's snapshot,
 * never in the control loop.
 *
 * <p>Who may listen (choice, docs/api.md): only signed-in clients; a client whose account is not the
 * one using the bed is refused at connect (close 4403). A client connected while the bed was free whose
 * account is not the one that then starts keeps receiving frames with nothing personal: state and
 * position only, no force, temperatures, segment, technique, time left or faults.
 */
final class LiveSocket implements AutoCloseable {
    /** 12.5 frames a second while moving: above the contract's 10 Hz with room for the timer's jitter (choice). */
    static final long PERIOD_MS = 80;
    /** At rest every 12th period goes out: about one frame a second (issue 11). */
    static final int REST_EVERY = 12;
    /** Close codes in the application range (RFC 6455 §7.4.2). */
    static final int NOT_SIGNED_IN = 4401;
    static final int NOT_YOURS = 4403;

    private record Client(WsContext ctx, String account) {
    }

    private final BedLink bed;
    private final Auth auth;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rollwell-live");
        t.setDaemon(true);
        return t;
    });
    private long periods;

    LiveSocket(BedLink bed, Auth auth) {
        this.bed = bed;
        this.auth = auth;
        timer.scheduleAtFixedRate(this::tick, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    void connect(WsConnectContext ctx) {
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        if (origin != null && (host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host)))) {
            ctx.closeSession(NOT_YOURS, "connections from another site are refused");
            return;
        }
        String account = auth.accountOf(ctx.cookie(Auth.COOKIE)).orElse(null);
        if (account == null) {
            ctx.closeSession(NOT_SIGNED_IN, "sign in first (POST /api/session)");
            return;
        }
        BedService service = bed.service();
        if (service == null) {
            ctx.closeSession(NOT_YOURS, "this server drives no bed");
            return;
        }
        LiveFrame frame = service.frame();
        if (frame.ownerAccount() != null && !frame.ownerAccount().equals(account)) {
            ctx.closeSession(NOT_YOURS, "the bed is in use by another account");
            return;
        }
        Client client = new Client(ctx, account);
        clients.put(ctx.sessionId(), client);
        send(client, json(frame));
    }

    void disconnect(WsContext ctx) {
        clients.remove(ctx.sessionId());
    }

    /** Clients connected now (the bench and tests). */
    int clients() {
        return clients.size();
    }

    private void tick() {
        try {
            BedService service = bed.service();
            if (service == null || clients.isEmpty()) {
                return;
            }
            periods++;
            LiveFrame frame = service.frame();
            if (!frame.moving() && periods % REST_EVERY != 0) {
                return;
            }
            String full = null;
            String bare = null;
            for (Client c : clients.values()) {
                boolean personal = frame.ownerAccount() == null || frame.ownerAccount().equals(c.account());
                if (personal) {
                    full = full != null ? full : json(frame);
                    send(c, full);
                } else {
                    bare = bare != null ? bare : json(frame.withoutPersonalData());
                    send(c, bare);
                }
            }
        } catch (RuntimeException e) {
            // a bad frame must not stop the timer: the next period tries again
            System.err.println("rollwell: a live frame failed: " + e);
        }
    }

    private void send(Client c, String text) {
        if (!c.ctx().session.isOpen()) {
            clients.remove(c.ctx().sessionId());
            return;
        }
        c.ctx().session.getRemote().sendString(text, WriteCallback.NOOP);
    }

    static String json(LiveFrame f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", f.tS());
        m.put("state", f.state());
        m.put("positionMm", f.positionMm());
        m.put("level", f.level());
        m.put("forceN", f.forceN());
        m.put("rollerTempsC", f.rollerTempsC());
        m.put("segment", f.segment());
        m.put("technique", f.technique());
        m.put("secondsLeft", f.secondsLeft());
        m.put("faults", f.faults().stream().map(x -> Map.of("code", x.code(), "message", x.message())).toList());
        try {
            return JsonBodies.MAPPER.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a live frame", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
