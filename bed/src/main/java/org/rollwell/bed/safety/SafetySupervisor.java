package org.rollwell.bed.safety;

import org.rollwell.bed.heat.HeaterProtection;
import org.rollwell.bed.heat.HeaterWatch;
import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.bed.loop.Setpoints;
import java.util.List;
import org.rollwell.therapy.envelope.Bound;
import org.rollwell.therapy.envelope.ExcludedRange;
import org.rollwell.therapy.envelope.SafetyEnvelope;

/**
 * The supervisor runs first and clamps last in every tick, so its word is final
 * (DESIGN.md "Safety in layers"). {@link #check} judges the frozen sensor frame against
 * every trip rule of DOMAIN.md §5 (see {@link FaultCode}) and latches the first trip;
 * {@link #clamp} keeps a healthy bed's commands inside the bed and the envelope, or
 * replaces them with the safe state once tripped: heaters 0 and mains open, lift
 * lowering, carriage stopped. The fault stays latched until {@link #acknowledge}.
 */
public final class SafetySupervisor {
    /** Over-force: above the envelope maximum + 10 % for ≥ 50 ms (DOMAIN.md §5). */
    static final double OVER_FORCE_FACTOR = 1.10;
    static final long OVER_FORCE_NANOS = 50_000_000L;
    /** Load cell failure: samples out of range before a trip (3 × 10 ms, inside the 100 ms bound). */
    static final int LOAD_CELL_BAD_SAMPLES = 3;
    /** Presence lost for ≥ 1 s (DOMAIN.md §5). */
    static final long PRESENCE_NANOS = 1_000_000_000L;
    /** "Lift raised" for the force-based presence rule: this far above where contact was last seen (choice). */
    static final double RAISED_ABOVE_CONTACT_MM = 15.0;
    /** Samples in contact before a contact counts for the presence rule (choice: 50 ms). */
    static final int CONTACT_CONFIRM_TICKS = 5;
    /** The home switch pressed this far from home means the encoder is wrong (choice). */
    static final double HOME_SWITCH_AWAY_MM = 10.0;
    /** A tick later than this after the previous one: the host stalled (choice, well under the 0.5 s motor dead-man). */
    static final long OVERRUN_TRIP_NANOS = 100_000_000L;
    /** Heaters are cut and the rollers lifted off this close to the skin limit, before the trip (choice). */
    static final double SKIN_DERATE_MARGIN_C = 0.5;
    /** ... until the estimate is this far under the limit again (hysteresis, choice). */
    static final double SKIN_RELEASE_MARGIN_C = 1.0;
    /** The load cell sees contact above this (σ ≈ 2 N noise, DOMAIN.md §2). */
    static final double CONTACT_N = 8.0;
    /** The skin estimate counts any touch above 1.5 σ of the load cell noise as contact: heat flows at the lightest touch (conservative). */
    static final double SKIN_CONTACT_N = 3.0;
    /** ... or while the lift stands less than this below where contact was last confirmed, mm (choice). */
    static final double SKIN_CONTACT_BELOW_MM = 3.0;

    private final BedSpec spec;
    private final SafetyEnvelope envelope;
    private final HeaterWatch[] heaters;
    private final MotionWatch motion;
    private final SkinEstimator skin;
    private final double[] rollerC;
    private final double[] rollerSlope;
    private final boolean[] clamping = new boolean[ClampLimit.values().length];
    private final long[] clampTicks = new long[ClampLimit.values().length];
    private final double maxActiveS;

    private Fault fault;
    private volatile boolean estopRequested;
    private long lastTickNanos = Long.MIN_VALUE;
    private int loadCellBad;
    private long overForceSinceNanos = -1;
    private long presenceLostSinceNanos = -1;
    private long noContactSinceNanos = -1;
    private double lastContactLiftMm = Double.NaN;
    private int contactTicks;
    private long worstLatenessNanos;
    private boolean skinHot;
    private final boolean[] heatCut;

    public SafetySupervisor(BedSpec spec, SafetyEnvelope envelope) {
        this.spec = spec;
        this.envelope = envelope;
        double dtS = 1.0 / spec.loopHz();
        this.heaters = new HeaterWatch[spec.heaterZones()];
        for (int z = 0; z < heaters.length; z++) {
            heaters[z] = new HeaterWatch(spec, z, dtS);
        }
        this.motion = new MotionWatch(spec, dtS);
        this.skin = new SkinEstimator(spec, dtS);
        this.rollerC = new double[spec.heaterZones()];
        this.rollerSlope = new double[spec.heaterZones()];
        this.heatCut = new boolean[spec.heaterZones()];
        this.maxActiveS = Math.min(envelope.maxMinutes().value(), spec.maxSessionMinutes()) * 60.0 + 1.0;
    }

    /**
     * The envelope of the bed alone, for routines that run without a person's plan (the scan):
     * the bed's force and roller limits, IEC 60601-1's 43 °C skin limit and DOMAIN.md §5's 1 CEM43
     * minute per band.
     */
    public static SafetyEnvelope bedEnvelope(BedSpec spec) {
        return new SafetyEnvelope(new Bound(spec.maxForceN(), "BED"), new Bound(spec.rollerTempMaxC(), "BED"),
                new Bound(43.0, "IEC_60601_1"), new Bound(1.0, "CEM43_CAP"), new Bound(spec.maxSessionMinutes(), "BED"),
                new Bound(10, "BED"), new Bound(spec.maxLiftMm(), "BED"), true, "BED", List.of(), List.of());
    }

    /** Asks for an emergency stop from software (UI, CLI); safe at the next tick. Thread-safe. */
    public void requestEstop() {
        estopRequested = true;
    }

    /**
     * Judges one frozen sensor frame. {@code previous} and {@code written} hold the previous
     * tick's setpoints and the commands actually written. Returns true while a fault is latched.
     */
    public boolean check(SensorFrame s, Setpoints previous, ActuatorFrame written, LoopStatus status) {
        long now = s.timeNanos;
        if (lastTickNanos != Long.MIN_VALUE) {
            long gap = now - lastTickNanos;
            long lateness = gap - spec.periodNanos();
            worstLatenessNanos = Math.max(worstLatenessNanos, lateness);
            if (lateness > OVERRUN_TRIP_NANOS) {
                trip(FaultCode.LOOP_OVERRUN, now, -1, lateness / 1e9);
            }
        }
        lastTickNanos = now;

        if (s.stopButton || estopRequested) {
            trip(FaultCode.ESTOP, now, -1, 0);
        }
        checkForce(s, now);
        checkMotion(s, previous, written, status, now);
        checkPresence(s, previous, now);
        checkHeaters(s, previous, written, now);
        checkSkin(s, now);
        if (status.activeS > maxActiveS) {
            trip(FaultCode.SESSION_OVERTIME, now, -1, status.activeS);
        }
        return fault != null;
    }

    private void checkForce(SensorFrame s, long now) {
        double f = s.forceN;
        if (!(f >= -spec.forceNoiseN() * 5) || f > spec.forceFullScaleN()) {
            if (++loadCellBad >= LOAD_CELL_BAD_SAMPLES) {
                trip(FaultCode.LOAD_CELL_FAILURE, now, -1, f);
            }
            return;
        }
        loadCellBad = 0;
        if (f > envelope.maxForceN().value() * OVER_FORCE_FACTOR) {
            if (overForceSinceNanos < 0) {
                overForceSinceNanos = now;
            }
            // ≥ 50 ms: the sample that opened the window counts as the first 10 ms
            if (now - overForceSinceNanos + spec.periodNanos() >= OVER_FORCE_NANOS) {
                trip(FaultCode.OVER_FORCE, now, -1, f);
            }
        } else {
            overForceSinceNanos = -1;
        }
    }

    private void checkMotion(SensorFrame s, Setpoints previous, ActuatorFrame written, LoopStatus status, long now) {
        boolean homing = previous.carriage == Setpoints.Carriage.HOME;
        if (s.limitSwitch && !homing) {
            trip(FaultCode.LIMIT_SWITCH, now, -1, s.carriagePositionMm);
        }
        if (s.homeSwitch && s.carriagePositionMm > HOME_SWITCH_AWAY_MM) {
            trip(FaultCode.ENCODER_SLIP, now, -1, s.carriagePositionMm);
        }
        if (!written.motorsEnabled) {
            motion.resync(s.carriagePositionMm);
            return;
        }
        FaultCode code = motion.check(s.carriagePositionMm, written.carriageVelocityMmPerS);
        if (code != null) {
            trip(code, now, -1, motion.mismatchMm());
        }
    }

    private void checkPresence(SensorFrame s, Setpoints previous, long now) {
        if (!s.presence) {
            if (presenceLostSinceNanos < 0) {
                presenceLostSinceNanos = now;
            }
            if (now - presenceLostSinceNanos + spec.periodNanos() >= PRESENCE_NANOS) {
                trip(FaultCode.PRESENCE_LOST, now, -1, (now - presenceLostSinceNanos) / 1e9);
            }
        } else {
            presenceLostSinceNanos = -1;
        }
        if (s.forceN > CONTACT_N) {
            // a contact counts once it holds for 50 ms: a single noise spike (σ 2 N) must not
            // set where "raised above contact" begins
            if (++contactTicks >= CONTACT_CONFIRM_TICKS) {
                lastContactLiftMm = s.liftMm;
            }
            noContactSinceNanos = -1;
        } else if (previous.lift == Setpoints.Lift.FORCE && previous.forceTargetN > CONTACT_N
                && !Double.isNaN(lastContactLiftMm) && s.liftMm > lastContactLiftMm + RAISED_ABOVE_CONTACT_MM) {
            if (noContactSinceNanos < 0) {
                noContactSinceNanos = now;
            }
            if (now - noContactSinceNanos + spec.periodNanos() >= PRESENCE_NANOS) {
                trip(FaultCode.PRESENCE_LOST, now, -1, s.liftMm);
            }
        } else {
            noContactSinceNanos = -1;
        }
        if (s.forceN <= CONTACT_N) {
            contactTicks = 0;
        }
    }

    private void checkHeaters(SensorFrame s, Setpoints previous, ActuatorFrame written, long now) {
        for (int z = 0; z < heaters.length; z++) {
            double duty = written.heaterMains ? written.heaterDuty[z] : 0.0;
            // a zone whose heat the supervisor itself cut has no target for its watch: it must only cool
            double target = heatCut[z] ? 0.0 : previous.zoneTargetC[z];
            FaultCode code = heaters[z].check(s.zoneTempC[z], target, duty, now);
            if (code != null) {
                trip(code, now, z, heaters[z].lastValue());
            }
            rollerC[z] = heaters[z].smoothedC();
            rollerSlope[z] = heaters[z].slopeCPerS();
        }
    }

    private void checkSkin(SensorFrame s, long now) {
        // touching: the load cell feels it, or the lift has not yet come down 3 mm below where it last
        // pressed: the twin heats at 1 N, under the load cell's noise (conservative)
        boolean touching = (s.forceN > SKIN_CONTACT_N && s.forceN <= spec.forceFullScaleN())
                || (!Double.isNaN(lastContactLiftMm) && s.liftMm > lastContactLiftMm - SKIN_CONTACT_BELOW_MM && s.liftMm > 0.5);
        skin.update(s.carriagePositionMm, touching, rollerC, rollerSlope);
        if (skin.maxTempC() > envelope.maxSkinTempC().value()) {
            trip(FaultCode.SKIN_OVER_TEMPERATURE, now, -1, skin.maxTempC());
        }
        if (skin.maxCem43Min() > envelope.cem43CapMin().value()) {
            trip(FaultCode.THERMAL_DOSE, now, -1, skin.maxCem43Min());
        }
    }

    private void trip(FaultCode code, long now, int zone, double value) {
        if (fault == null) {
            fault = new Fault(code, now, zone, value);
        }
    }

    /**
     * The last word on this tick's commands. Tripped: the safe state. Healthy: every command
     * inside the bed's limits and the envelope, and each limit that acts is flagged for the record.
     */
    public void clamp(SensorFrame s, Setpoints setpoints, ActuatorFrame out) {
        for (int i = 0; i < clamping.length; i++) {
            clamping[i] = false;
        }
        if (fault != null) {
            out.safeState(spec.maxLiftSpeedMmPerS());
            if (s.liftMm <= 0.2) {
                out.liftVelocityMmPerS = 0;
            }
            return;
        }
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
            if (s.forceN >= envelope.maxForceN().value()) {
                out.liftVelocityMmPerS = 0;
                flag(ClampLimit.FORCE_LIMIT);
            }
            double maxLift = setpoints.lift == Setpoints.Lift.POSITION
                    ? Math.min(spec.maxLiftMm(), envelope.maxStretchLiftMm().value()) : spec.maxLiftMm();
            if (s.liftMm >= maxLift) {
                out.liftVelocityMmPerS = 0;
                flag(ClampLimit.LIFT_HEIGHT);
            }
        }
        if (s.forceN > CONTACT_N && onExcluded(s.carriagePositionMm)) {
            out.liftVelocityMmPerS = -lMax;
            flag(ClampLimit.EXCLUDED_RANGE);
        }
        if (skinHot && s.liftMm > 0.2) {
            // a hot roller keeps heating the skin after its heater is cut (≈ 1300 J/K): lift it right off
            out.liftVelocityMmPerS = -lMax;
            flag(ClampLimit.SKIN_TEMPERATURE);
        }
        clampHeat(s, out);
    }

    private void clampHeat(SensorFrame s, ActuatorFrame out) {
        double skinC = skin.maxTempC();
        double limitC = envelope.maxSkinTempC().value();
        if (skinC > limitC - SKIN_DERATE_MARGIN_C) {
            skinHot = true;
        } else if (skinC < limitC - SKIN_RELEASE_MARGIN_C) {
            skinHot = false;
        }
        for (int z = 0; z < out.heaterDuty.length; z++) {
            heatCut[z] = skinHot || !envelope.heatAllowed() || s.zoneTempC[z] > envelope.maxRollerTempC().value();
            double d = out.heaterDuty[z];
            if (!(d >= 0)) {
                d = 0;
            } else if (d > 1) {
                d = 1;
            }
            if (d > 0 && !envelope.heatAllowed()) {
                d = 0;
                flag(ClampLimit.HEAT_NOT_ALLOWED);
            }
            if (d > 0 && s.zoneTempC[z] > envelope.maxRollerTempC().value()) {
                d = 0;
                flag(ClampLimit.ROLLER_TEMPERATURE);
            }
            if (d > 0 && skinHot) {
                d = 0;
                flag(ClampLimit.SKIN_TEMPERATURE);
            }
            out.heaterDuty[z] = d;
        }
        if (!envelope.heatAllowed() && out.heaterMains) {
            out.heaterMains = false;
            flag(ClampLimit.HEAT_NOT_ALLOWED);
        }
    }

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

    /** Whether {@code limit} acted in this tick's clamp. */
    public boolean clamping(ClampLimit limit) {
        return clamping[limit.ordinal()];
    }

    /** Ticks in which {@code limit} acted since the start. */
    public long clampTicks(ClampLimit limit) {
        return clampTicks[limit.ordinal()];
    }

    /** A person acknowledged the fault: the latch clears and the watches start afresh. */
    public void acknowledge() {
        fault = null;
        estopRequested = false;
        loadCellBad = 0;
        overForceSinceNanos = -1;
        presenceLostSinceNanos = -1;
        noContactSinceNanos = -1;
        lastTickNanos = Long.MIN_VALUE;
    }

    public Fault fault() {
        return fault;
    }

    public boolean tripped() {
        return fault != null;
    }

    public SkinEstimator skin() {
        return skin;
    }

    public SafetyEnvelope envelope() {
        return envelope;
    }

    /** The heater protection state of a zone, for displays and tests. */
    public HeaterProtection heaterState(int zone) {
        return heaters[zone].state();
    }

    /** The worst lateness of a tick seen so far, ns. */
    public long worstLatenessNanos() {
        return worstLatenessNanos;
    }
}
