package org.rollwell.bed.safety;

import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.Setpoints;

/**
 * Is the person still there? The occupancy mat reports nobody for ≥ 1 s, or the force stays
 * under contact with the lift well above where contact was last held while force-controlled,
 * for ≥ 1 s (DOMAIN.md §5 "presence lost"). Also remembers where contact was last confirmed,
 * which the skin watch uses to tell a touch the load cell is too coarse to feel.
 *
 * <p>"Where contact was held" is taken along the back: a kyphotic upper back lies up to ≈ 50 mm
 * higher above the rollers than the lumbar spine, so a lift rising to meet it after rolling the low
 * back is not pressing air. The watch remembers the lift of the last contact in each
 * {@value #BIN_MM} mm of carriage travel and compares with the highest of them within
 * {@value #NEAR_MM} mm of the carriage; where the back was never touched, with the last contact
 * anywhere.
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

    /** Contact is remembered per this much carriage travel, mm (choice: the skin's 10 mm bands). */
    static final double BIN_MM = 10.0;
    /** A remembered contact counts this far either side of the carriage, mm (choice: a roller pair's 40 mm offset plus half a patch). */
    static final double NEAR_MM = 50.0;
    /**
     * Where the back was never touched near the carriage, the last contact anywhere may lie this much lower
     * than the back here: a kyphotic upper back lies up to ≈ 50 mm higher above the rollers than the lumbar
     * spine (the twin's backs of issue 5's range; a 150 cm body with 55° kyphosis needs the lift ≈ 40 mm higher
     * at T1 than at L4). The mat stays the first path for a person who left.
     */
    static final double BACK_RISE_MM = 50.0;
    /** Bins reach this far beyond the travel, mm (choice: the carriage's overtravel and a patch). */
    private static final double BEYOND_MM = 60.0;

    private final double[] contactLiftByBinMm;
    private final Lasting matEmpty;
    private final Lasting noContact;
    private final Lasting contact;
    private double lastContactLiftMm = Double.NaN;

    PresenceWatch(BedSpec spec) {
        this.contactLiftByBinMm = new double[(int) Math.ceil((spec.travelMm() + 2 * BEYOND_MM) / BIN_MM) + 1];
        java.util.Arrays.fill(contactLiftByBinMm, Double.NaN);
        this.matEmpty = new Lasting(PRESENCE_S, spec.periodNanos());
        this.noContact = new Lasting(PRESENCE_S, spec.periodNanos());
        this.contact = new Lasting(CONTACT_CONFIRM_S, spec.periodNanos());
    }

    void check(SensorFrame s, Setpoints previous, long now, Trips trips) {
        if (matEmpty.update(!s.presence, now)) {
            trips.trip(FaultCode.PRESENCE_LOST, now, -1, matEmpty.heldNanos(now) / 1e9);
        }
        boolean touching = s.forceN > CONTACT_N;
        int bin = bin(s.carriagePositionMm);
        if (contact.update(touching, now)) {
            lastContactLiftMm = s.liftMm;
            if (bin >= 0 && Double.isFinite(s.liftMm)) {
                contactLiftByBinMm[bin] = s.liftMm;
            }
        }
        double contactNearMm = contactNear(bin);
        double contactHereMm = Double.isNaN(contactNearMm) ? lastContactLiftMm : contactNearMm;
        double raisedAboveMm = Double.isNaN(contactNearMm) ? RAISED_ABOVE_CONTACT_MM + BACK_RISE_MM : RAISED_ABOVE_CONTACT_MM;
        boolean pressingAir = !touching && previous.lift == Setpoints.Lift.FORCE && previous.forceTargetN > CONTACT_N
                && !Double.isNaN(contactHereMm) && s.liftMm > contactHereMm + raisedAboveMm;
        if (noContact.update(pressingAir, now)) {
            trips.trip(FaultCode.PRESENCE_LOST, now, -1, s.liftMm);
        }
    }

    /** The bin of carriage position {@code positionMm}, or −1 off the bins (or not a number). */
    private int bin(double positionMm) {
        if (!Double.isFinite(positionMm)) {
            return -1;
        }
        int i = (int) Math.floor((positionMm + BEYOND_MM) / BIN_MM);
        return i >= 0 && i < contactLiftByBinMm.length ? i : -1;
    }

    /** The highest lift of a contact remembered within {@link #NEAR_MM} of bin {@code at}, or NaN where none was. */
    private double contactNear(int at) {
        double highest = Double.NaN;
        if (at >= 0) {
            int reach = (int) Math.round(NEAR_MM / BIN_MM);
            for (int i = Math.max(0, at - reach); i <= Math.min(contactLiftByBinMm.length - 1, at + reach); i++) {
                double c = contactLiftByBinMm[i];
                if (!Double.isNaN(c) && !(c <= highest)) {
                    highest = c;
                }
            }
        }
        return highest;
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
        java.util.Arrays.fill(contactLiftByBinMm, Double.NaN);
    }
}
