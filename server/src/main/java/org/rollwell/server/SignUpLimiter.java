package org.rollwell.server;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Limits account creation per client address over a sliding window (issue 11 item 4), the way
 * {@link LoginLimiter} limits sign-ins: every attempt with a readable body counts, made or refused,
 * so one address can neither fill the database with accounts, nor spend the server's cores on
 * bcrypt hashes, nor probe many logins for "taken" (OWASP Authentication Cheat Sheet, "Login
 * Throttling"; OWASP API Security Top 10 2023, API4 "Unrestricted Resource Consumption"). Time comes
 * from the injected clock.
 */
public final class SignUpLimiter {
    /** Choice: a household makes one account, a few more by mistake; 10 an hour is far above that. */
    public static final int PER_ADDRESS = 10;
    public static final Duration WINDOW = Duration.ofHours(1);
    /** Keeps memory bounded under a flood of distinct addresses (choice, as LoginLimiter). */
    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Long>> attempts = new HashMap<>();

    public SignUpLimiter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts one attempt from {@code address}, unless it is over its limit already: then how long until
     * the oldest counted attempt ages out (that attempt is refused and not counted).
     */
    public synchronized Optional<Duration> attempt(String address) {
        long now = clock.millis();
        Deque<Long> q = attempts.get(address);
        if (q != null && prune(q, now).size() >= PER_ADDRESS) {
            long oldestCounted = q.stream().skip(q.size() - PER_ADDRESS).findFirst().orElse(now);
            return Optional.of(Duration.ofMillis(Math.max(1, oldestCounted + WINDOW.toMillis() - now)));
        }
        if (attempts.size() >= MAX_KEYS) {
            attempts.values().removeIf(d -> prune(d, now).isEmpty());
        }
        attempts.computeIfAbsent(address, k -> new ArrayDeque<>()).addLast(now);
        return Optional.empty();
    }

    private static Deque<Long> prune(Deque<Long> q, long now) {
        while (!q.isEmpty() && q.peekFirst() <= now - WINDOW.toMillis()) {
            q.removeFirst();
        }
        return q;
    }
}
