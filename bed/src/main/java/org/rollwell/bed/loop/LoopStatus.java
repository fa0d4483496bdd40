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
    /** The lift is fully lowered (within 0.5 mm of 0). */
    public boolean liftLowered;

    public double nowS() {
        return nowNanos / 1e9;
    }
}
