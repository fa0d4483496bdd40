package org.rollwell.companion;

import java.util.Objects;

/**
 * Who uses the bed: the account and the profile (person) a session or scan runs for. The companion
 * only carries these; the front decides what they mean.
 */
public record Owner(String accountId, String profileId, String profileName) {
    public Owner {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(profileName, "profileName");
    }
}
