package org.rollwell.store;

import java.time.Instant;
import java.util.Objects;
import org.rollwell.therapy.profile.CheckIn;

/** A check-in as stored: its {@code rollwell.checkin/1} document (docs/checkin-format.md) and what it says. */
public record StoredCheckIn(String id, String profileId, CheckIn checkIn, String json, Instant createdAt) {
    public StoredCheckIn {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(checkIn, "checkIn");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
