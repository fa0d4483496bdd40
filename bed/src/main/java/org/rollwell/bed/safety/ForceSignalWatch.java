package org.rollwell.bed.safety;

import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;

/**
 * The load cell against its independent twin, the lift motor's current (DOMAIN.md §5
 * "Independent layers: two force signals"). A cell that freezes mid-range, or whose gain sags,
 * stays inside its range and escapes the range check. Three rules, whatever the lift does:
 *
 * <ul>
 * <li><b>Apart</b>: the two agree within the lift's friction band while the lift has power.
 * <li><b>Friction has a direction</b>: the screw's friction opposes its motion, so the current
 * carries the load plus up to the band only while the lift rises, and at most the load while it
 * holds or lowers (a self-locking screw's friction helps it hold). Over each
 * {@value #MEAN_WINDOW_S} s, the mean of (current's force − load cell) beyond what the lift's
 * motion allows must stay within {@link #MEAN_MARGIN_SHARE} of the band. A sagging cell under a
 * lift that holds still (a STRETCH) shows here long before it passes the whole band.
 * <li><b>Frozen</b>: a live cell shows noise: a reading unchanged for {@value #FROZEN_S} s inside
 * its range, while the lift was told to move or the motor current changed meanwhile.
 * </ul>
 * Frames without current sensing (NaN) leave the comparisons out.
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
    /**
     * The motor current shows life: its force moved by more than this while the load cell stood still, N (choice: a
     * quarter of the load cell's 2 N noise σ, DOMAIN.md §2; a current sense of 0.02 A noise moves by ≈ 8 N over 25 samples).
     */
    static final double CURRENT_LIFE_N = 0.5;
    /** The mean rule's window, s (choice: 50 samples at 100 Hz cut the two signals' noise, ≈ 4.5 N σ on the compact bed, to ≈ 0.6 N). */
    static final double MEAN_WINDOW_S = 0.5;
    /** The mean may stray this share of the friction band beyond what the motion allows (choice: 5 N of 15 N, ≥ 8 σ of the mean). */
    static final double MEAN_MARGIN_SHARE = 1.0 / 3.0;
    /** The lift drive's speed loop, s: the friction follows the drive, not the command (as {@link RunawayWatch#LIFT_DRIVE_TAU_S}). */
    static final double LIFT_DRIVE_TAU_S = RunawayWatch.LIFT_DRIVE_TAU_S;

    private final double bandN;
    private final double currentAPerN;
    private final double fullScaleN;
    private final Lasting apart;
    private final long frozenNanos;
    private final long periodNanos;
    private final int meanSamples;
    private final double marginN;
    private final double liftLag;
    private double lastReadingN = Double.NaN;
    private long unchangedSinceNanos = -1;
    private boolean movedWhileUnchanged;
    private double currentMinN;
    private double currentMaxN;
    private double expectedLiftMmPerS;
    /** This window's sums of the excess over the most and under the least the motion allows, N, and its samples. */
    private double overSumN;
    private double underSumN;
    private int inWindow;
    private FaultCode code;
    private double value;

    ForceSignalWatch(BedSpec spec) {
        this.bandN = spec.liftFrictionBandN();
        this.currentAPerN = spec.liftCurrentAPerN();
        this.fullScaleN = spec.forceFullScaleN();
        this.apart = new Lasting(DISAGREE_S, spec.periodNanos());
        this.frozenNanos = (long) (FROZEN_S * 1e9);
        this.periodNanos = spec.periodNanos();
        this.meanSamples = Math.max(1, (int) Math.round(MEAN_WINDOW_S * spec.loopHz()));
        this.marginN = MEAN_MARGIN_SHARE * bandN;
        double dtS = 1.0 / spec.loopHz();
        this.liftLag = dtS / (LIFT_DRIVE_TAU_S + dtS);
    }

    void reset() {
        apart.reset();
        lastReadingN = Double.NaN;
        unchangedSinceNanos = -1;
        movedWhileUnchanged = false;
        expectedLiftMmPerS = 0;
        restartWindow();
    }

    private void restartWindow() {
        overSumN = 0;
        underSumN = 0;
        inWindow = 0;
    }

    /** Judges one frame against the commands written last tick; true on a trip ({@link #code()}, {@link #value()}). */
    boolean check(SensorFrame s, ActuatorFrame written, long nowNanos) {
        double f = s.forceN;
        double currentA = s.liftMotorCurrentA;
        // out-of-range load cell readings are the range check's; without power the screw holds the load, no current shows it
        boolean judged = s.motorPower && Double.isFinite(currentA) && f >= 0 && f <= fullScaleN;
        double fromCurrentN = judged ? currentA / currentAPerN : f;
        boolean told = written.motorsEnabled && Math.abs(written.liftVelocityMmPerS) >= MOVING_MM_PER_S;
        double command = written.motorsEnabled ? written.liftVelocityMmPerS : 0;
        expectedLiftMmPerS += (command - expectedLiftMmPerS) * liftLag;
        if (frozen(f, fromCurrentN, judged, told, nowNanos)) {
            code = FaultCode.LOAD_CELL_STUCK;
            value = f;
            return true;
        }
        if (apart.update(Math.abs(fromCurrentN - f) > bandN, nowNanos)) {
            code = FaultCode.FORCE_SENSOR_DISAGREE;
            value = f - fromCurrentN;
            return true;
        }
        if (!judged) {
            restartWindow();
            return false;
        }
        // the friction opposes the motion: rising, the current carries the load plus up to the band; lowering, minus
        double mostN = expectedLiftMmPerS > 0 ? bandN : 0;
        double leastN = expectedLiftMmPerS < 0 ? -bandN : 0;
        double gapN = fromCurrentN - f;
        overSumN += gapN - mostN;
        underSumN += gapN - leastN;
        if (++inWindow < meanSamples) {
            return false;
        }
        double overN = overSumN / inWindow;
        double underN = underSumN / inWindow;
        restartWindow();
        if (overN > marginN || underN < -marginN) {
            code = FaultCode.FORCE_SENSOR_DISAGREE;
            value = overN > marginN ? -overN : -underN;
            return true;
        }
        return false;
    }

    /** The load cell's reading stood still inside its range long enough, while the lift moved or the current showed life. */
    private boolean frozen(double f, double fromCurrentN, boolean judged, boolean told, long nowNanos) {
        boolean inRange = f > 0 && f < fullScaleN;
        if (!inRange || f != lastReadingN) {
            lastReadingN = f;
            unchangedSinceNanos = nowNanos;
            movedWhileUnchanged = false;
            currentMinN = fromCurrentN;
            currentMaxN = fromCurrentN;
            return false;
        }
        if (judged) {
            currentMinN = Math.min(currentMinN, fromCurrentN);
            currentMaxN = Math.max(currentMaxN, fromCurrentN);
        }
        movedWhileUnchanged |= told || currentMaxN - currentMinN > CURRENT_LIFE_N;
        return movedWhileUnchanged && nowNanos - unchangedSinceNanos + periodNanos >= frozenNanos;
    }

    FaultCode code() {
        return code;
    }

    double value() {
        return value;
    }
}
