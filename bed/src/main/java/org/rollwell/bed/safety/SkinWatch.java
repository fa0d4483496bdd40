package org.rollwell.bed.safety;

import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.therapy.envelope.SafetyEnvelope;

/**
 * The skin and its dose: feeds the {@link SkinEstimator} with where the rollers touch, trips
 * SKIN_OVER_TEMPERATURE and THERMAL_DOSE (DOMAIN.md §5 "Heat and skin"), and decides the derates
 * that act before those trips: heat cut and rollers lifted off near the skin limit, heat cut for
 * the rest of the session at half the dose cap.
 */
final class SkinWatch {
    /** Heaters are cut and the rollers lifted off this close to the skin limit, before the trip (choice). */
    static final double SKIN_DERATE_MARGIN_C = 0.5;
    /** ... until the estimate is this far under the limit again (hysteresis, choice). */
    static final double SKIN_RELEASE_MARGIN_C = 1.0;
    /**
     * Once any band's estimated CEM43 dose reaches this fraction of the cap, heat is cut for the
     * rest of the session (choice). The dose never falls, so the cut is latched; it comes at half
     * the cap because a roller holds its heat (≈ 1300 J/K, cooling ≈ 2 °C/min) and the skin under
     * it keeps collecting dose after the heater stops. The THERMAL_DOSE trip at the cap stays the
     * last resort (DOMAIN.md §5: 1 CEM43 minute per band per session).
     */
    static final double DOSE_DERATE_FRACTION = 0.5;
    /** The skin estimate counts any touch above 1.5 σ of the load cell noise as contact: heat flows at the lightest touch (conservative). */
    static final double SKIN_CONTACT_N = 3.0;
    /** ... or while the lift stands less than this below where contact was last confirmed, mm (choice). */
    static final double SKIN_CONTACT_BELOW_MM = 3.0;
    /** ... and above this, mm: a lift at its lower stop touches nobody (choice). */
    static final double LIFT_OFF_MM = 0.5;

    private final SkinEstimator skin;
    private final double forceFullScaleN;
    private final double maxSkinC;
    private final double cem43CapMin;
    private boolean skinHot;
    private boolean doseHeatCut;

    SkinWatch(BedSpec spec, SafetyEnvelope envelope, double dtS) {
        this.skin = new SkinEstimator(spec, dtS);
        this.forceFullScaleN = spec.forceFullScaleN();
        this.maxSkinC = envelope.maxSkinTempC().value();
        this.cem43CapMin = envelope.cem43CapMin().value();
    }

    void check(SensorFrame s, double positionMm, double lastContactLiftMm, double[] rollerC, double[] rollerSlope,
            long now, Trips trips) {
        // touching: the load cell feels it, or the lift has not yet come down 3 mm below where it last
        // pressed: the twin heats at 1 N, under the load cell's noise (conservative)
        boolean touching = (s.forceN > SKIN_CONTACT_N && s.forceN <= forceFullScaleN)
                || (!Double.isNaN(lastContactLiftMm) && s.liftMm > lastContactLiftMm - SKIN_CONTACT_BELOW_MM
                        && s.liftMm > LIFT_OFF_MM);
        skin.update(positionMm, touching, rollerC, rollerSlope);
        if (skin.maxTempC() > maxSkinC) {
            trips.trip(FaultCode.SKIN_OVER_TEMPERATURE, now, -1, skin.maxTempC());
        }
        if (skin.maxCem43Min() > cem43CapMin) {
            trips.trip(FaultCode.THERMAL_DOSE, now, -1, skin.maxCem43Min());
        }
    }

    /** Updates the derates from the present estimate (called by the clamp, once per tick). */
    void judgeDerates() {
        double skinC = skin.maxTempC();
        if (skinC > maxSkinC - SKIN_DERATE_MARGIN_C) {
            skinHot = true;
        } else if (skinC < maxSkinC - SKIN_RELEASE_MARGIN_C) {
            skinHot = false;
        }
        if (skin.maxCem43Min() >= DOSE_DERATE_FRACTION * cem43CapMin) {
            doseHeatCut = true;
        }
    }

    /** The skin is near its limit: heat off and rollers lifted off. */
    boolean skinHot() {
        return skinHot;
    }

    /** Some band reached half its dose cap: heat off for the rest of the session. */
    boolean doseHeatCut() {
        return doseHeatCut;
    }

    SkinEstimator estimator() {
        return skin;
    }

    /**
     * After an acknowledgement the skin derate starts afresh; the estimate and the dose cut stay: they are
     * the skin's thermal memory of this person, and skin does not cool because a button was pressed.
     */
    void reset() {
        skinHot = false;
    }
}
