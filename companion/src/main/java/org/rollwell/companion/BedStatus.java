package org.rollwell.companion;

import java.util.List;

/**
 * The bed now: its state, whether the presence mat reports someone, who uses it, and the service locks.
 *
 * @param owner the account and profile using the bed, or null when free
 */
public record BedStatus(String state, boolean personOnBed, Owner owner, List<LockView> locks, boolean simulated) {
    public BedStatus {
        locks = List.copyOf(locks);
    }

    /** A service lock: what it locks and why. */
    public record LockView(String kind, String reason) {
    }
}
