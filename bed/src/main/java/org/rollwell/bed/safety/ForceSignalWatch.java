package org.rollwell.bed.safety;

import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;

/**
 * The load cell against its independent twin, the lift motor's current (DOMAIN.md §5
 * "Independent layers: two force signals"): they must agree within the lift's friction band
 * while the lift has power, and a live load cell must show noise while the lift moves. A cell
 * that freezes mid-range, or whose gain sags, stays inside its range and escapes the range check.
 * Frames without current sensing (NaN) leave the comparison out.
 */
final class ForceSignalWatch {
    /** The disagreement must last this long, s (choice: 10 samples at 100 Hz, well inside LOAD_CELL_DRIFT's 10 s). */
    static final double DISAGREE_S = 0.1;
    /**
     * A reading unchanged for this long inside the range is frozen, s (choice: 25 samples at 100 Hz; with
     * σ ≈ 2 N noise, DOMAIN.md §2, a live cell never repeats a value; inside LOAD_CELL_STUCK's 1 s bound).
     */
    static final double FROZEN_S = 0.25;
    /** "The lift moves": a written lift command at least this fast, mm/s (choice: well under one 0.1 mm count per tick). */
    static final double MOVING_MM_PER_S = 0.05;

    private final double bandN;
    private final double currentAPerN;
    private final double fullScaleN;
    private final Lasting apart;
    private final long frozenNanos;
    private final long periodNanos;
    private double lastReadingN = Double.NaN;
    private long unchangedSinceNanos = -1;
    private boolean movedWhileUnchanged;
    private FaultCode code;
    private double value;

    ForceSignalWatch(BedSpec spec) {
        this.bandN = spec.liftFrictionBandN();
        this.currentAPerN = spec.liftCurrentAPerN();
        this.fullScaleN = spec.forceFullScaleN();
        this.apart = new Lasting(DISAGREE_S, spec.periodNanos());
        this.frozenNanos = (long) (FROZEN_S * 1e9);
        this.periodNanos = spec.periodNanos();
    }

    void reset() {
        apart.reset();
        lastReadingN = Double.NaN;
        unchangedSinceNanos = -1;
        movedWhileUnchanged = false;
    }

    /** Judges one frame against the commands written last tick; true on a trip ({@link #code()}, {@link #value()}). */
    boolean check(SensorFrame s, ActuatorFrame written, long nowNanos) {
        double f = s.forceN;
        boolean inRange = f > 0 && f < fullScaleN;
        if (!inRange || f != lastReadingN) {
            lastReadingN = f;
            unchangedSinceNanos = nowNanos;
            movedWhileUnchanged = false;
        } else {
            movedWhileUnchanged |= written.motorsEnabled && Math.abs(written.liftVelocityMmPerS) >= MOVING_MM_PER_S;
            if (movedWhileUnchanged && nowNanos - unchangedSinceNanos + periodNanos >= frozenNanos) {
                code = FaultCode.LOAD_CELL_STUCK;
                value = f;
                return true;
            }
        }
        double currentA = s.liftMotorCurrentA;
        // out-of-range load cell readings are the range check's; without power the screw holds the load, no current shows it
        boolean judged = s.motorPower && Double.isFinite(currentA) && f >= 0 && f <= fullScaleN;
        double fromCurrentN = judged ? currentA / currentAPerN : f;
        if (apart.update(Math.abs(fromCurrentN - f) > bandN, nowNanos)) {
            code = FaultCode.FORCE_SENSOR_DISAGREE;
            value = f - fromCurrentN;
            return true;
        }
        return false;
    }

    FaultCode code() {
        return code;
    }

    double value() {
        return value;
    }
}
