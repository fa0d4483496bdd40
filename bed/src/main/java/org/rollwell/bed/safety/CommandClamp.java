package org.rollwell.bed.safety;

import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.bed.loop.Setpoints;
import org.rollwell.therapy.envelope.ExcludedRange;
import org.rollwell.therapy.envelope.SafetyEnvelope;

/**
 * Keeps a healthy bed's commands inside the bed and the envelope, and flags every limit that
 * acts (a clamp is never silent: the loop records it). Speeds to the bed's maxima; the lift
 * stops rising at the force ceiling and the lift height, lowers off an excluded range and off
 * skin near its limit; heat off where not allowed, over the roller limit, near the skin limit
 * and past half the dose cap.
 */
final class CommandClamp {
    private final BedSpec spec;
    private final SafetyEnvelope envelope;
    private final double maxForceN;
    private final double maxRollerC;
    private final boolean[] clamping = new boolean[ClampLimit.values().length];
    private final long[] clampTicks = new long[ClampLimit.values().length];

    private final double maxStretchLiftMm;
    private final ServiceLocks locks;

    CommandClamp(BedSpec spec, SafetyEnvelope envelope, EnforcedLimits limits, ServiceLocks locks) {
        this.spec = spec;
        this.locks = locks;
        this.envelope = envelope;
        this.maxForceN = limits.maxForceN().value();
        this.maxRollerC = limits.maxRollerTempC().value();
        this.maxStretchLiftMm = limits.maxStretchLiftMm().value();
    }

    /** Clears this tick's flags. */
    void startTick() {
        for (int i = 0; i < clamping.length; i++) {
            clamping[i] = false;
        }
    }

    void clampMotion(SensorFrame s, Setpoints setpoints, ActuatorFrame out, boolean liftValid, double positionMm,
            boolean skinHot) {
        double vMax = spec.maxCarriageSpeedMmPerS();
        if (Math.abs(out.carriageVelocityMmPerS) > vMax || Double.isNaN(out.carriageVelocityMmPerS)) {
            out.carriageVelocityMmPerS = Double.isNaN(out.carriageVelocityMmPerS) ? 0 : Math.copySign(vMax, out.carriageVelocityMmPerS);
            flag(ClampLimit.CARRIAGE_SPEED);
        }
        double lMax = spec.maxLiftSpeedMmPerS();
        if (Math.abs(out.liftVelocityMmPerS) > lMax || Double.isNaN(out.liftVelocityMmPerS)) {
            out.liftVelocityMmPerS = Double.isNaN(out.liftVelocityMmPerS) ? -lMax : Math.copySign(lMax, out.liftVelocityMmPerS);
            flag(ClampLimit.LIFT_SPEED);
        }
        if (out.liftVelocityMmPerS > 0) {
            if (s.forceN >= maxForceN) {
                out.liftVelocityMmPerS = 0;
                flag(ClampLimit.FORCE_LIMIT);
            }
            double maxLift = setpoints.lift == Setpoints.Lift.POSITION ? maxStretchLiftMm : spec.maxLiftMm();
            if (!(s.liftMm < maxLift) || !liftValid) {
                // a NaN or implausible lift reading cannot show the lift is below its maximum
                out.liftVelocityMmPerS = 0;
                flag(ClampLimit.LIFT_HEIGHT);
            }
        }
        if (s.forceN > PresenceWatch.CONTACT_N && onExcluded(positionMm)) {
            // a lift already down and not told to rise cannot press: a reading over 8 N there is a 4 σ
            // spike of the load cell's noise (σ ≈ 2 N, DOMAIN.md §2), so the clamp holds it down without
            // counting as having acted on the person
            boolean couldPress = !(s.liftMm <= LoopStatus.LIFT_LOWERED_MM && out.liftVelocityMmPerS <= 0);
            out.liftVelocityMmPerS = -lMax;
            if (couldPress) {
                flag(ClampLimit.EXCLUDED_RANGE);
            }
        }
        if (skinHot && !(s.liftMm <= LoopStatus.LIFT_LOWERED_MM)) {
            // a hot roller keeps heating the skin after its heater is cut (≈ 1300 J/K): lift it right off
            out.liftVelocityMmPerS = -lMax;
            flag(ClampLimit.SKIN_TEMPERATURE);
        }
        if (locks.liftLocked() && out.liftVelocityMmPerS > -lMax) {
            // a locked lift is kept down whatever its sensor says, like the safe state
            out.liftVelocityMmPerS = -lMax;
            flag(ClampLimit.LIFT_LOCKED);
        }
    }

    void clampHeat(SensorFrame s, ActuatorFrame out, SkinWatch skin, HeaterZones zones) {
        boolean skinHot = skin.skinHot();
        boolean doseHeatCut = skin.doseHeatCut();
        for (int z = 0; z < out.heaterDuty.length; z++) {
            boolean locked = locks.zoneLocked(z);
            zones.cut(z, locked || skinHot || doseHeatCut || !envelope.heatAllowed() || s.zoneTempC[z] > maxRollerC);
            double d = out.heaterDuty[z];
            if (!(d >= 0)) {
                d = 0;
            } else if (d > 1) {
                d = 1;
            }
            if (d > 0 && locked) {
                d = 0;
                flag(ClampLimit.ZONE_LOCKED);
            }
            if (d > 0 && !envelope.heatAllowed()) {
                d = 0;
                flag(ClampLimit.HEAT_NOT_ALLOWED);
            }
            if (d > 0 && s.zoneTempC[z] > maxRollerC) {
                d = 0;
                flag(ClampLimit.ROLLER_TEMPERATURE);
            }
            if (d > 0 && skinHot) {
                d = 0;
                flag(ClampLimit.SKIN_TEMPERATURE);
            }
            if (d > 0 && doseHeatCut) {
                d = 0;
                flag(ClampLimit.THERMAL_DOSE);
            }
            out.heaterDuty[z] = d;
        }
        if (!envelope.heatAllowed() && out.heaterMains) {
            out.heaterMains = false;
            flag(ClampLimit.HEAT_NOT_ALLOWED);
        }
        if (locks.mainsLocked() && out.heaterMains) {
            out.heaterMains = false;
            flag(ClampLimit.ZONE_LOCKED);
        }
    }

    /** Whether a roller pair's contact patch at this carriage position overlaps an excluded range. */
    private boolean onExcluded(double positionMm) {
        if (envelope.excluded().isEmpty()) {
            return false;
        }
        double offset = spec.rollerPairOffsetMm();
        double half = SkinEstimator.PATCH_MM / 2;
        for (int i = 0; i < envelope.excluded().size(); i++) {
            ExcludedRange r = envelope.excluded().get(i);
            if (r.overlaps(positionMm - offset - half, positionMm - offset + half)
                    || r.overlaps(positionMm + offset - half, positionMm + offset + half)) {
                return true;
            }
        }
        return false;
    }

    private void flag(ClampLimit limit) {
        clamping[limit.ordinal()] = true;
        clampTicks[limit.ordinal()]++;
    }

    boolean clamping(ClampLimit limit) {
        return clamping[limit.ordinal()];
    }

    long clampTicks(ClampLimit limit) {
        return clampTicks[limit.ordinal()];
    }
}
