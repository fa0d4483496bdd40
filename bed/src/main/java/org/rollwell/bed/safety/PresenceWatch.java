package org.rollwell.bed.safety;

import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.Setpoints;

/**
 * Is the person still there? The occupancy mat reports nobody for ≥ 1 s, or the force stays
 * under contact with the lift well above where contact was last held while force-controlled,
 * for ≥ 1 s (DOMAIN.md §5 "presence lost"). Also remembers where contact was last confirmed,
 * which the skin watch uses to tell a touch the load cell is too coarse to feel.
 */
final class PresenceWatch {
    /** Presence lost for ≥ 1 s (DOMAIN.md §5). */
    static final double PRESENCE_S = 1.0;
    /** "Lift raised" for the force-based rule: this far above where contact was last seen (choice). */
    static final double RAISED_ABOVE_CONTACT_MM = 15.0;
    /** A contact counts once it holds this long: a single noise spike (σ 2 N) must not set where "raised" begins (choice). */
    static final double CONTACT_CONFIRM_S = 0.050;
    /** The load cell sees contact above this (σ ≈ 2 N noise, DOMAIN.md §2). */
    static final double CONTACT_N = 8.0;

    private final Lasting matEmpty;
    private final Lasting noContact;
    private final Lasting contact;
    private double lastContactLiftMm = Double.NaN;

    PresenceWatch(BedSpec spec) {
        this.matEmpty = new Lasting(PRESENCE_S, spec.periodNanos());
        this.noContact = new Lasting(PRESENCE_S, spec.periodNanos());
        this.contact = new Lasting(CONTACT_CONFIRM_S, spec.periodNanos());
    }

    void check(SensorFrame s, Setpoints previous, long now, Trips trips) {
        if (matEmpty.update(!s.presence, now)) {
            trips.trip(FaultCode.PRESENCE_LOST, now, -1, matEmpty.heldNanos(now) / 1e9);
        }
        boolean touching = s.forceN > CONTACT_N;
        if (contact.update(touching, now)) {
            lastContactLiftMm = s.liftMm;
        }
        boolean pressingAir = !touching && previous.lift == Setpoints.Lift.FORCE && previous.forceTargetN > CONTACT_N
                && !Double.isNaN(lastContactLiftMm) && s.liftMm > lastContactLiftMm + RAISED_ABOVE_CONTACT_MM;
        if (noContact.update(pressingAir, now)) {
            trips.trip(FaultCode.PRESENCE_LOST, now, -1, s.liftMm);
        }
    }

    /** Where the lift stood when contact was last confirmed, mm; NaN before any contact. */
    double lastContactLiftMm() {
        return lastContactLiftMm;
    }

    void reset() {
        matEmpty.reset();
        noContact.reset();
        contact.reset();
        lastContactLiftMm = Double.NaN;
    }
}
