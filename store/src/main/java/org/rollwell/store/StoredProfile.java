package org.rollwell.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A profile as stored: its name in the account and its {@code rollwell.profile/1} or {@code /2}
 * document (docs/profile-format.md), which holds the body, the set-up screening, conditions, pain
 * map, trigger points, preferences and spine map.
 */
public record StoredProfile(String id, String accountId, String name, String json, Instant createdAt, Instant updatedAt) {
    public StoredProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
