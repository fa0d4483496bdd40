package org.rollwell.store;

import java.util.Objects;
import org.rollwell.therapy.profile.Clearance;

/** A clinician clearance as stored, with its id so it can be withdrawn. */
public record StoredClearance(String id, String profileId, Clearance clearance) {
    public StoredClearance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(clearance, "clearance");
    }
}
