package org.rollwell.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A session as stored: planned against delivered, its end state, its record and last checkpoint.
 *
 * @param day             the bed's calendar day it started on (the daily limits count by it)
 * @param deliveredS      seconds delivered: the last checkpoint while running, the final figure after
 * @param cem43MaxBandMin the highest CEM43 dose of any band, minutes
 * @param recordJson      the session record once it ended (empty while running or after a crash)
 * @param checkpointJson  the last checkpoint's progress, if one was saved
 */
public record StoredSession(
        String id,
        String profileId,
        SessionStatus status,
        LocalDate day,
        Instant startedAt,
        Optional<Instant> endedAt,
        int intensity,
        double plannedS,
        double deliveredS,
        double cem43MaxBandMin,
        String planJson,
        Optional<String> recordJson,
        Optional<String> checkpointJson,
        Optional<Instant> checkpointAt) {
    public StoredSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(planJson, "planJson");
        Objects.requireNonNull(recordJson, "recordJson");
        Objects.requireNonNull(checkpointJson, "checkpointJson");
        Objects.requireNonNull(checkpointAt, "checkpointAt");
    }
}
