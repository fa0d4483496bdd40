package org.rollwell.bed.safety;

import java.util.List;
import org.rollwell.bed.heat.HeaterProtection;
import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.bed.loop.Setpoints;
import org.rollwell.therapy.envelope.Bound;
import org.rollwell.therapy.envelope.SafetyEnvelope;

/**
 * The supervisor runs first and clamps last in every tick, so its word is final
 * (DESIGN.md "Safety in layers"). {@link #check} lets each watch judge the frozen sensor frame
 * against its trip rules of DOMAIN.md §5 (see {@link FaultCode}) and latches the first trip;
 * {@link #clamp} keeps a healthy bed's commands inside the bed and the envelope, or replaces
 * them with the safe state once tripped: heaters 0 and mains open, lift lowering, carriage
 * stopped. The fault stays latched until {@link #acknowledge}.
 *
 * <p>One watch per idea: {@link SessionClockWatch} (ticks and durations), {@link ForceWatch}
 * (load cell, over-force), {@link PositionSensorWatch} (encoder and lift ranges),
 * {@link MotionWatch} (switches, stall, slip), {@link PresenceWatch}, {@link HeaterZones}
 * (heater protection per zone), {@link SkinWatch} (skin temperature, dose) and the
 * {@link CommandClamp}. Every window is a {@link Lasting} in seconds.
 */
public final class SafetySupervisor {
    private final BedSpec spec;
    private final SafetyEnvelope envelope;
    private final EnforcedLimits limits;
    private final SessionClockWatch clock;
    private final ForceWatch force;
    private final PositionSensorWatch positions;
    private final MotionWatch motion;
    private final CrossChecks crossChecks;
    private final ReadingGuard readings;
    private final PresenceWatch presence;
    private final HeaterZones heaters;
    private final SkinWatch skin;
    private final CommandClamp commandClamp;
    /** Bound once: passing it to the watches allocates nothing per tick. */
    private final Trips trips = this::trip;

    private final ServiceLocks locks;

    private Fault fault;
    /** A trip whose lock is not yet recorded: recorded after the tick's commands are written. */
    private boolean lockPending;
    /**
     * Motor power stays off: the latched trip drops it, or a lift runaway showed after another trip. The safe state
     * lowers the lift with power on; a lift drive that runs away would push on (up to its stall thrust), so a runaway
     * seen while another fault is latched still takes the power (the self-locking lift then holds).
     */
    private boolean powerOff;
    private boolean carriageOff;
    private volatile boolean estopRequested;

    /** A supervisor whose locks live and die with it (a simulation's fresh twin, a test). */
    public SafetySupervisor(BedSpec spec, SafetyEnvelope envelope) {
        this(spec, envelope, ServiceLocks.fresh(spec.heaterZones()));
    }

    /** A supervisor that honours and sets the bed's {@code locks} (DOMAIN.md §5 "Latches"). */
    public SafetySupervisor(BedSpec spec, SafetyEnvelope envelope, ServiceLocks locks) {
        this.spec = spec;
        this.locks = java.util.Objects.requireNonNull(locks, "locks");
        this.envelope = envelope;
        this.limits = EnforcedLimits.of(spec, envelope);
        double dtS = 1.0 / spec.loopHz();
        this.clock = new SessionClockWatch(spec, envelope);
        this.force = new ForceWatch(spec, limits.maxForceN().value());
        this.positions = new PositionSensorWatch(spec);
        this.motion = new MotionWatch(spec, dtS);
        this.crossChecks = new CrossChecks(spec);
        this.readings = new ReadingGuard(spec, spec.heaterZones());
        this.presence = new PresenceWatch(spec);
        this.heaters = new HeaterZones(spec, dtS, locks);
        this.skin = new SkinWatch(spec, envelope, dtS);
        this.commandClamp = new CommandClamp(spec, envelope, limits, locks);
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
        clock.checkTick(now, trips);
        if (s.stopButton || estopRequested) {
            trip(FaultCode.ESTOP, now, -1, 0);
        }
        force.check(s, now, trips);
        positions.check(s, now, trips);
        motion.check(s, previous, written, positions.positionValid(s), now, trips);
        crossChecks.check(s, written, positions.liftValid(s), positions.positionValid(s), now, trips);
        presence.check(s, previous, now, trips);
        heaters.check(s, previous, written, now, trips);
        skin.check(s, positions.lastGoodPositionMm(), presence.lastContactLiftMm(), heaters.rollerC(),
                heaters.rollerSlope(), now, trips);
        clock.checkDurations(now, status, trips);
        return fault != null;
    }

    /**
     * After {@link #check} has judged the raw frame: replaces its NaN or infinite readings with each
     * sensor's last good one, so no controller ever sees one (issue 8). The loop calls it between the
     * judgement and the controllers; the range checks have already counted the bad sample.
     */
    public void holdBadReadings(SensorFrame s) {
        readings.hold(s);
    }

    private void trip(FaultCode code, long now, int zone, double value) {
        if (code.dropsMotorPower() && (fault == null || code == FaultCode.LIFT_RUNAWAY)) {
            // a carriage decelerating into the safe state outruns its zeroed command for a moment: only the
            // lift's runaway escalates a latched trip (the lowering lift has already taken the rollers off for the carriage)
            powerOff = true;
        }
        if (code.cutsCarriageDrive()) {
            // a carriage that obeys no command is stopped by its driver's enable; the lift keeps its power
            // and lowers, so the rollers leave the back instead of being dragged along it, pressed
            carriageOff = true;
        }
        if (fault == null) {
            fault = new Fault(code, now, zone, value);
            lockPending = true;
        }
    }

    /**
     * Records the lock the latched trip asks for (its {@link FaultCode#latch()}), once per trip. The loop
     * calls it after writing the tick's commands, so saving the locks never delays the safe state.
     */
    public void settleLocks() {
        if (lockPending) {
            lockPending = false;
            locks.record(fault);
        }
    }

    /**
     * The last word on this tick's commands. Tripped: the safe state. Healthy: every command
     * inside the bed's limits and the envelope, and each limit that acts is flagged for the record.
     */
    public void clamp(SensorFrame s, Setpoints setpoints, ActuatorFrame out) {
        commandClamp.startTick();
        if (fault != null) {
            // the lift keeps being commanded down whatever its sensor says: the board's end stop stops it,
            // and a sensor stuck near 0 (or NaN) must not leave the rollers in the back
            out.safeState(spec.maxLiftSpeedMmPerS());
            // a drive that runs away obeys no command: only taking its power stops it (the lift's screw then holds)
            out.motorsEnabled = !powerOff;
            out.carriageDriveEnabled = !carriageOff;
            return;
        }
        commandClamp.clampMotion(s, setpoints, out, positions.liftValid(s), positions.lastGoodPositionMm(), skin.skinHot());
        skin.judgeDerates();
        commandClamp.clampHeat(s, out, skin, heaters);
    }

    /** Whether {@code limit} acted in this tick's clamp. */
    public boolean clamping(ClampLimit limit) {
        return commandClamp.clamping(limit);
    }

    /** Ticks in which {@code limit} acted since the start. */
    public long clampTicks(ClampLimit limit) {
        return commandClamp.clampTicks(limit);
    }

    /**
     * A person acknowledged the fault: the trip clears and every watch starts afresh (heater watches,
     * motion model, sensor windows, contact and presence memory, the skin derate flag), so the bed can serve
     * a new session. The skin estimate is kept: it is the skin's thermal memory of this person, and the
     * skin does not cool because a button was pressed. The session that faulted stays over (its runner
     * stays FAULTED). A lock the trip set is not cleared (DOMAIN.md §5 "Latches"): a locked zone stays
     * unheated and a locked lift stays down until a service reset.
     */
    public void acknowledge() {
        settleLocks();
        fault = null;
        powerOff = false;
        carriageOff = false;
        estopRequested = false;
        clock.reset();
        force.reset();
        positions.reset();
        motion.reset();
        crossChecks.reset();
        presence.reset();
        heaters.reset();
        skin.reset();
    }

    public Fault fault() {
        return fault;
    }

    public boolean tripped() {
        return fault != null;
    }

    public SkinEstimator skin() {
        return skin.estimator();
    }

    public SafetyEnvelope envelope() {
        return envelope;
    }

    /** What this supervisor enforces: the lower of the bed's spec and the envelope, limit by limit. */
    public EnforcedLimits limits() {
        return limits;
    }

    /** The heater protection state of a zone, for displays and tests. */
    public HeaterProtection heaterState(int zone) {
        return heaters.state(zone);
    }

    /** The bed's locks this supervisor honours and sets. */
    public ServiceLocks locks() {
        return locks;
    }

    /** The worst lateness of a tick seen so far, ns. */
    public long worstLatenessNanos() {
        return clock.worstLatenessNanos();
    }
}
