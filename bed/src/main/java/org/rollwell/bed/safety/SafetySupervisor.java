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
    /**
     * Once any band's estimated CEM43 dose reaches this fraction of the cap, heat is cut for the
     * rest of the session (choice). The dose never falls, so the cut is latched; it comes at half
     * the cap because a roller holds its heat (≈ 1300 J/K, cooling ≈ 2 °C/min) and the skin under
     * it keeps collecting dose after the heater stops. The THERMAL_DOSE trip at the cap stays the
     * last resort (DOMAIN.md §5: 1 CEM43 minute per band per session).
     */
    static final double DOSE_DERATE_FRACTION = 0.5;
    /** The load cell sees contact above this (σ ≈ 2 N noise, DOMAIN.md §2). */
    static final double CONTACT_N = 8.0;
    /** The skin estimate counts any touch above 1.5 σ of the load cell noise as contact: heat flows at the lightest touch (conservative). */
    static final double SKIN_CONTACT_N = 3.0;
    /** ... or while the lift stands less than this below where contact was last confirmed, mm (choice). */
    static final double SKIN_CONTACT_BELOW_MM = 3.0;
    /**
     * Position sensors: consecutive readings out of range (or NaN) before a trip, like the thermistor's
     * range check (Klipper; 3 × 10 ms, as the load cell's).
     */
    static final int POSITION_BAD_SAMPLES = 3;
    /** The encoder may read this far outside 0 … travel before it counts as broken, mm (choice: the switches sit inside). */
    static final double CARRIAGE_READING_MARGIN_MM = 10.0;
    /** The lift sensor may read this far outside 0 … maximum lift before it counts as broken, mm (choice). */
    static final double LIFT_READING_MARGIN_MM = 2.0;
    /**
     * Homing plus warm-up may take this long, s (choice: a healthy zone heats 20 → 65 °C in ≈ 6–8 min in the
     * twin; twice that means it will not get there). Also the allowance on top of the envelope's minutes for
     * the whole session counted from start(), pauses included.
     */
    static final double WARM_UP_LIMIT_S = 15 * 60.0;

    private final BedSpec spec;
    private final SafetyEnvelope envelope;
    private final HeaterWatch[] heaters;
    private final MotionWatch motion;
    private final SkinEstimator skin;
    private final CrossChecks crossChecks;
    private final ReadingGuard readings;
    private final double[] rollerC;
    private final double[] rollerSlope;
    private final boolean[] clamping = new boolean[ClampLimit.values().length];
    private final long[] clampTicks = new long[ClampLimit.values().length];
    private final double maxActiveS;
    private final double maxSessionS;

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
    private boolean doseHeatCut;
    private final boolean[] heatCut;
    private final double dtS;
    private int positionBad;
    private int liftBad;
    /** The last carriage reading that passed the range check, for the skin map and the excluded ranges. */
    private double lastGoodPositionMm;

    public SafetySupervisor(BedSpec spec, SafetyEnvelope envelope) {
        this.spec = spec;
        this.envelope = envelope;
        this.dtS = 1.0 / spec.loopHz();
        this.heaters = new HeaterWatch[spec.heaterZones()];
        for (int z = 0; z < heaters.length; z++) {
            heaters[z] = new HeaterWatch(spec, z, dtS);
        }
        this.motion = new MotionWatch(spec, dtS);
        this.skin = new SkinEstimator(spec, dtS);
        this.crossChecks = new CrossChecks(spec);
        this.readings = new ReadingGuard(spec, spec.heaterZones());
        this.rollerC = new double[spec.heaterZones()];
        this.rollerSlope = new double[spec.heaterZones()];
        this.heatCut = new boolean[spec.heaterZones()];
        this.maxActiveS = Math.min(envelope.maxMinutes().value(), spec.maxSessionMinutes()) * 60.0 + 1.0;
        this.maxSessionS = maxActiveS + WARM_UP_LIMIT_S;
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
        checkPositionSensors(s, now);
        checkMotion(s, previous, written, status, now);
        if (crossChecks.check(s, written, liftValid(s), positionValid(s), now)) {
            trip(crossChecks.code(), now, crossChecks.zone(), crossChecks.value());
        }
        checkPresence(s, previous, now);
        checkHeaters(s, previous, written, now);
        checkSkin(s, now);
        if (status.activeS > maxActiveS) {
            trip(FaultCode.SESSION_OVERTIME, now, -1, status.activeS);
        }
        if (status.sessionS > maxSessionS) {
            trip(FaultCode.SESSION_OVERTIME, now, -1, status.sessionS);
        }
        if (status.warmUpS > WARM_UP_LIMIT_S) {
            trip(FaultCode.WARM_UP_TIMEOUT, now, -1, status.warmUpS);
        }
        readings.hold(s);
        return fault != null;
    }

    /** Whether this frame's encoder reading is plausible: −10 … travel + 10 mm, and a number. */
    private boolean positionValid(SensorFrame s) {
        double x = s.carriagePositionMm;
        return x >= -CARRIAGE_READING_MARGIN_MM && x <= spec.travelMm() + CARRIAGE_READING_MARGIN_MM;
    }

    /** Whether this frame's lift reading is plausible: −2 … maximum lift + 2 mm, and a number. */
    private boolean liftValid(SensorFrame s) {
        double l = s.liftMm;
        return l >= -LIFT_READING_MARGIN_MM && l <= spec.maxLiftMm() + LIFT_READING_MARGIN_MM;
    }

    private void checkPositionSensors(SensorFrame s, long now) {
        if (positionValid(s)) {
            positionBad = 0;
            lastGoodPositionMm = s.carriagePositionMm;
        } else if (++positionBad >= POSITION_BAD_SAMPLES) {
            trip(FaultCode.POSITION_SENSOR_FAULT, now, -1, s.carriagePositionMm);
        }
        if (liftValid(s)) {
            liftBad = 0;
        } else if (++liftBad >= POSITION_BAD_SAMPLES) {
            trip(FaultCode.LIFT_SENSOR_FAULT, now, -1, s.liftMm);
        }
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
        if (!positionValid(s)) {
            // a NaN would poison the motion model for good: judge the next good reading instead
            return;
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
        skin.update(lastGoodPositionMm, touching, rollerC, rollerSlope);
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
            // the lift keeps being commanded down whatever its sensor says: the board's end stop stops it,
            // and a sensor stuck near 0 (or NaN) must not leave the rollers in the back
            out.safeState(spec.maxLiftSpeedMmPerS());
            // a drive that runs away obeys no command: only taking its power stops it (the lift's screw then holds)
            out.motorsEnabled = !fault.code().dropsMotorPower();
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
            if (!(s.liftMm < maxLift) || !liftValid(s)) {
                // a NaN or implausible lift reading cannot show the lift is below its maximum
                out.liftVelocityMmPerS = 0;
                flag(ClampLimit.LIFT_HEIGHT);
            }
        }
        if (s.forceN > CONTACT_N && onExcluded(lastGoodPositionMm)) {
            out.liftVelocityMmPerS = -lMax;
            flag(ClampLimit.EXCLUDED_RANGE);
        }
        if (skinHot && !(s.liftMm <= LoopStatus.LIFT_LOWERED_MM)) {
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
        if (skin.maxCem43Min() >= DOSE_DERATE_FRACTION * envelope.cem43CapMin().value()) {
            doseHeatCut = true;
        }
        for (int z = 0; z < out.heaterDuty.length; z++) {
            heatCut[z] = skinHot || doseHeatCut || !envelope.heatAllowed()
                    || s.zoneTempC[z] > envelope.maxRollerTempC().value();
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

    /**
     * A person acknowledged the fault: the latch clears and every watch starts afresh (heater watches,
     * motion model, sensor counts, contact and presence memory, the skin derate flag), so the bed can serve
     * a new session. The skin estimate is kept: it is the skin's thermal memory of this person, and the
     * skin does not cool because a button was pressed. The session that faulted stays over (its runner
     * stays FAULTED).
     */
    public void acknowledge() {
        fault = null;
        estopRequested = false;
        loadCellBad = 0;
        positionBad = 0;
        liftBad = 0;
        overForceSinceNanos = -1;
        presenceLostSinceNanos = -1;
        noContactSinceNanos = -1;
        lastContactLiftMm = Double.NaN;
        contactTicks = 0;
        lastTickNanos = Long.MIN_VALUE;
        skinHot = false;
        java.util.Arrays.fill(heatCut, false);
        for (int z = 0; z < heaters.length; z++) {
            heaters[z] = new HeaterWatch(spec, z, dtS);
        }
        motion.reset();
        crossChecks.reset();
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
