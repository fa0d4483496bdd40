package org.rollwell.bed.loop;

import org.rollwell.bed.safety.Fault;

/**
 * What the loop tells its setpoint source each tick: the time, the latched fault if
 * any, and where the controllers stand. Reused; written only by the {@link ControlLoop}.
 */
public final class LoopStatus {
    /** Ticker time of this tick. */
    public long nowNanos;
    /** The latched fault, or null while the bed is healthy. */
    public Fault fault;
    /** The carriage found its home switch since the loop started. */
    public boolean homed;
    /** The carriage's profile reached its target and the carriage is within 2 mm of it. */
    public boolean carriageSettled;
    /** The carriage's reference position (the profile), mm. */
    public double carriageReferenceMm;
    /** The reference speed of the profile, mm/s. */
    public double carriageReferenceMmPerS;
    /** Seconds the session has been running its plan (pauses, homing and warm-up excluded), for the overtime trip. */
    public double activeS;
    /** How fast the carriage may travel in contact here so the lift can follow the back, mm/s (infinite when unknown). */
    public double contactSpeedLimitMmPerS = Double.POSITIVE_INFINITY;
    /**
     * Seconds since the session's {@code start()} was taken up, homing, warm-up and pauses included,
     * until cool-down; 0 when no session is under way. For the supervisor's whole-session cap.
     */
    public double sessionS;
    /** Seconds the session has spent homing and warming up so far (0 once running), for the warm-up limit. */
    public double warmUpS;
    /** The lift is fully lowered (within {@link #LIFT_LOWERED_MM} of 0). */
    public boolean liftLowered;

    /**
     * The lift counts as lowered at or below this reading, mm: two counts of the 0.1 mm lift
     * sensor (DOMAIN.md §2). One figure for the loop, the lift controller and the supervisor.
     */
    public static final double LIFT_LOWERED_MM = 0.2;

    public double nowS() {
        return nowNanos / 1e9;
    }
}
