package org.rollwell.bed.safety;

/**
 * What a trip locks beyond the session it ends (DOMAIN.md §5 "Latches", decided 2026-11-30).
 * A person's acknowledgement clears the trip; a lock holds until a service reset that records
 * who and why (Klipper and Marlin require a restart after heater faults for the same reason).
 */
public enum Latch {
    /** A session fault: the person's acknowledgement clears it (e-stop, presence, stall, ...). */
    SESSION,
    /** A session fault the first time in 24 h; the second in 24 h locks the lift (OVER_FORCE). */
    SESSION_THEN_LIFT,
    /** Locks the heat of the zone that tripped: the zone then runs unheated until a service reset. */
    ZONE_HEAT,
    /** Locks the lift: no session or scan until a service reset. */
    LIFT
}
