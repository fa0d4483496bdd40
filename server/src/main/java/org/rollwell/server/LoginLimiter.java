package org.rollwell.server;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Limits failed sign-ins per login and per client address over a sliding window, so a password
 * cannot be guessed by brute force (OWASP Authentication Cheat Sheet, "Login Throttling"). While a
 * key is over its limit every attempt is refused, right or wrong, until the oldest failure ages out.
 * Time comes from the injected clock.
 */
public final class LoginLimiter {
    /** Choice: 5 wrong passwords for one login in 15 min (OWASP suggests a few per account). */
    public static final int PER_LOGIN = 5;
    /** Choice: 20 failures from one address in 15 min, a household's several people typing wrongly. */
    public static final int PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** Keeps memory bounded under a flood of distinct logins (choice). */
    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Long>> failures = new HashMap<>();

    public LoginLimiter(Clock clock) {
        this.clock = clock;
    }

    /** How long until {@code login} from {@code address} may try again, if either is over its limit now. */
    public synchronized Optional<Duration> blockedFor(String login, String address) {
        long now = clock.millis();
        long wait = Math.max(waitMs("login:" + login, PER_LOGIN, now), waitMs("address:" + address, PER_ADDRESS, now));
        return wait > 0 ? Optional.of(Duration.ofMillis(wait)) : Optional.empty();
    }

    public synchronized void failed(String login, String address) {
        long now = clock.millis();
        if (failures.size() >= MAX_KEYS) {
            failures.values().removeIf(q -> prune(q, now).isEmpty());
        }
        failures.computeIfAbsent("login:" + login, k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent("address:" + address, k -> new ArrayDeque<>()).addLast(now);
    }

    /** A right password clears the login's failures (the address keeps its own). */
    public synchronized void succeeded(String login) {
        failures.remove("login:" + login);
    }

    private long waitMs(String key, int limit, long now) {
        Deque<Long> q = failures.get(key);
        if (q == null || prune(q, now).size() < limit) {
            return 0;
        }
        // the failure that must age out before one more attempt is allowed
        long oldestCounted = q.stream().skip(q.size() - limit).findFirst().orElse(now);
        return oldestCounted + WINDOW.toMillis() - now;
    }

    private static Deque<Long> prune(Deque<Long> q, long now) {
        while (!q.isEmpty() && q.peekFirst() <= now - WINDOW.toMillis()) {
            q.removeFirst();
        }
        return q;
    }
}
