package org.rollwell.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in browsers: a random session id in an {@code HttpOnly}, {@code SameSite=Strict} cookie, and
 * a CSRF token handed out at sign-in that every state-changing request must echo in the
 * {@value #CSRF_HEADER} header (OWASP CSRF Prevention Cheat Sheet, synchronizer token). A request
 * whose {@code Origin} is not this server's own is refused as well. Sessions live in memory: a
 * restart signs everyone out (choice for the first slice).
 */
public final class Auth {
    public static final String COOKIE = "rollwell_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** Choice: a session ends after 12 h without a request (a day's two sessions fit in one). */
    public static final Duration IDLE = Duration.ofHours(12);
    /** 256 random bits per token (OWASP Session Management: at least 64 bits of entropy). */
    private static final int TOKEN_BYTES = 32;

    /** One signed-in browser. */
    public record SignedIn(String accountId, String csrfToken, long lastUseMs) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SignedIn> sessions = new ConcurrentHashMap<>();

    public Auth(Clock clock) {
        this.clock = clock;
    }

    /** Starts a session for the account; sets the cookie and returns the CSRF token. */
    public String signIn(Context ctx, String accountId) {
        String id = token();
        String csrf = token();
        sessions.put(id, new SignedIn(accountId, csrf, clock.millis()));
        ctx.header("Set-Cookie", COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict");
        return csrf;
    }

    /** Ends the request's session and clears the cookie. */
    public void signOut(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id != null) {
            sessions.remove(id);
        }
        ctx.header("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
    }

    /** Forgets every session of an account (after it is deleted). */
    public void signOutEverywhere(String accountId) {
        sessions.values().removeIf(s -> s.accountId().equals(accountId));
    }

    /**
     * The account of the request's session; for a state-changing method also checks the CSRF header.
     *
     * @throws ApiProblem 401 without a live session, 403 without the right CSRF token
     */
    public String require(Context ctx) {
        String id = ctx.cookie(COOKIE);
        SignedIn s = id == null ? null : sessions.get(id);
        long now = clock.millis();
        if (s == null || now - s.lastUseMs() > IDLE.toMillis()) {
            if (s != null) {
                sessions.remove(id);
            }
            throw ApiProblem.unauthorized("sign in first (POST /api/session); the session is missing or has ended");
        }
        if (changesState(ctx.method())) {
            String given = ctx.header(CSRF_HEADER);
            if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                    s.csrfToken().getBytes(StandardCharsets.UTF_8))) {
                throw ApiProblem.forbidden("csrf", "header:" + CSRF_HEADER,
                        "a state-changing request needs the " + CSRF_HEADER + " header with the token given at sign-in");
            }
        }
        sessions.put(id, new SignedIn(s.accountId(), s.csrfToken(), now));
        return s.accountId();
    }

    /**
     * The account of a session cookie's value, if it is live (the live socket's handshake, which has no
     * CSRF header to check: it changes nothing).
     */
    public Optional<String> accountOf(String cookieValue) {
        SignedIn s = cookieValue == null ? null : sessions.get(cookieValue);
        if (s == null || clock.millis() - s.lastUseMs() > IDLE.toMillis()) {
            return Optional.empty();
        }
        return Optional.of(s.accountId());
    }

    /**
     * The CSRF token of the request's session, for GET /api/me: a second tab of the same browser has the
     * cookie but not the first tab's token. Another site cannot read it: the answer carries no CORS header.
     */
    public Optional<String> csrfToken(Context ctx) {
        String id = ctx.cookie(COOKIE);
        return Optional.ofNullable(id == null ? null : sessions.get(id)).map(SignedIn::csrfToken);
    }

    /** The session's account if any, without checks (for sign-out of an ended session). */
    public Optional<String> current(Context ctx) {
        String id = ctx.cookie(COOKIE);
        return Optional.ofNullable(id == null ? null : sessions.get(id)).map(SignedIn::accountId);
    }

    /**
     * Refuses a state-changing request sent from another site's page: its {@code Origin} must name
     * this server as the {@code Host} header does. Requests without Origin (curl, the phone app) pass;
     * browsers always send it on such requests.
     */
    public static void checkOrigin(Context ctx) {
        if (!changesState(ctx.method())) {
            return;
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return;
        }
        String host = ctx.header("Host");
        if (host == null || !(origin.equals("http://" + host) || origin.equals("https://" + host))) {
            throw ApiProblem.forbidden("origin", "header:Origin",
                    "requests from another site are refused; Origin was " + clip(origin));
        }
    }

    static boolean changesState(HandlerType method) {
        return method == HandlerType.POST || method == HandlerType.PUT || method == HandlerType.DELETE
                || method == HandlerType.PATCH;
    }

    static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }

    private String token() {
        byte[] b = new byte[TOKEN_BYTES];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
