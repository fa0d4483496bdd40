package org.rollwell.bed.safety;

import java.time.Instant;
import java.util.Objects;

/**
 * A service reset: which lock was cleared, by whom, why and when. Kept in the locks' history for good.
 *
 * @param lock   the lock that was cleared
 * @param by     who cleared it (a service person's name)
 * @param reason why (what was repaired or checked)
 * @param at     when (wall clock)
 */
public record LockReset(Lock lock, String by, String reason, Instant at) {
    public LockReset {
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(at, "at");
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("by: a reset must name who made it");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason: a reset must say why");
        }
    }
}
