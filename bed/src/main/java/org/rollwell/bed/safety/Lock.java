package org.rollwell.bed.safety;

import java.time.Instant;
import java.util.Objects;

/**
 * A lock a trip left on the bed (DOMAIN.md §5 "Latches"): one zone's heat, or the lift. It holds
 * across runs until a service reset.
 *
 * @param target what is locked
 * @param zone   the heater zone for {@link Target#ZONE_HEAT}, −1 for the lift
 * @param cause  the trip that set it
 * @param at     when it was set (wall clock)
 * @param detail the trip's reading and rule, for the service person
 */
public record Lock(Target target, int zone, FaultCode cause, Instant at, String detail) {
    /** What a lock holds. */
    public enum Target {
        /** One zone runs unheated. */
        ZONE_HEAT,
        /** No session or scan. */
        LIFT
    }

    public Lock {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
        if (target == Target.ZONE_HEAT && zone < 0) {
            throw new IllegalArgumentException("zone: a zone lock needs a zone of 0 or more, was " + zone);
        }
        if (target == Target.LIFT && zone != -1) {
            throw new IllegalArgumentException("zone: a lift lock has zone -1, was " + zone);
        }
    }

    /** Whether this lock holds {@code target} (and, for a zone, {@code zone}). */
    public boolean holds(Target what, int whichZone) {
        return target == what && (what == Target.LIFT || zone == whichZone);
    }

    /** "zone 0 heat" or "lift". */
    public String what() {
        return target == Target.LIFT ? "lift" : "zone " + zone + " heat";
    }
}
