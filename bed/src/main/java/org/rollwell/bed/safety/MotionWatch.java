package org.rollwell.bed.safety;

import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.Setpoints;

/**
 * Compares where the carriage should be, from the velocity commands actually written,
 * with where its encoder says it is (DOMAIN.md §5: "commanded vs encoder position apart
 * by > 5 mm"). The expected position follows the commands through a first-order model of
 * the board's speed loop and bleeds slowly towards the encoder, so small model errors do
 * not add up over a 40-minute session while a stall (10 mm/s and up) opens the gap in well
 * under 0.5 s. Also judges the switches: the far limit switch outside homing, and the home
 * switch pressed far from home.
 */
final class MotionWatch {
    static final double MISMATCH_MM = 5.0;
    /** Speed-loop lag of the board's drive, s (the board's speed loop: first order, 15 ms, limited to the bed's acceleration). */
    static final double DRIVE_TAU_S = 0.015;
    /** Bleed of the expected position towards the encoder, 1/s (choice: a 1 mm/s model error then costs 2 mm). */
    static final double BLEED_PER_S = 0.5;
    /** The encoder counts as moving when it covered this much in the last 50 ms (a stalled encoder stands still). */
    static final double MOVING_MM = 0.3;
    static final double MOVING_WINDOW_S = 0.050;
    /**
     * A jammed carriage at low commanded speed (slowing into a turn, reversing, a governed 5 mm/s crawl) opens
     * the 5 mm gap too slowly against the bleed: the commanded motion of the last {@link #JAM_WINDOW_S} covering
     * more than {@link #JAM_COMMANDED_MM} while the encoder spans no more than {@link #MOVING_MM} is a stall at
     * once (issue 8: CARRIAGE_STALL within 500 ms whatever the speed). 1 mm in 0.25 s is 4 mm/s on average,
     * well above the speeds a healthy drive's dry friction can hold still (choice; the twin's drive settles
     * within 15 ms), and at the 5 mm/s contact floor the window fills in ≈ 0.25 s.
     */
    static final double JAM_WINDOW_S = 0.25;
    static final double JAM_COMMANDED_MM = 1.0;
    /** The home switch pressed this far from home means the encoder is wrong (choice). */
    static final double HOME_SWITCH_AWAY_MM = 10.0;

    private final double dtS;
    private final double maxJumpMm;
    private final double maxDvPerTick;
    private final double[] recent;
    private int next;
    private boolean primed;
    private double expectedMm;
    private double expectedMmPerS;
    private double lastEncoderMm;
    private double mismatchMm;
    /** The last {@link #JAM_WINDOW_S} of encoder readings and of commanded travel per tick, mm (ring buffers). */
    private final double[] jamEncoderMm;
    private final double[] jamCommandedMm;
    private int jamNext;
    private int jamFilled;
    private double jamCommandedSumMm;

    MotionWatch(BedSpec spec, double dtS) {
        this.dtS = dtS;
        // what the carriage can cover in one tick at full speed, plus two encoder counts and a margin
        this.maxJumpMm = spec.maxCarriageSpeedMmPerS() * dtS * 2 + 2 * spec.encoderResolutionMm() + 1.0;
        // the drive accelerates no faster than the bed's limit (DOMAIN.md §2: 300 mm/s²)
        this.maxDvPerTick = spec.maxCarriageAccelMmPerS2() * dtS;
        // the moving window in samples, derived once from the loop rate (5 at 100 Hz)
        this.recent = new double[(int) Math.max(1, Math.round(MOVING_WINDOW_S / dtS))];
        int jamSamples = (int) Math.max(2, Math.round(JAM_WINDOW_S / dtS));
        this.jamEncoderMm = new double[jamSamples];
        this.jamCommandedMm = new double[jamSamples];
    }

    /**
     * Judges one frame: the switches, then (with a plausible encoder reading and the motors driven
     * by the host) the motion model. {@code written} holds last tick's commands.
     */
    void check(SensorFrame s, Setpoints previous, ActuatorFrame written, boolean positionValid, long now, Trips trips) {
        boolean homing = previous.carriage == Setpoints.Carriage.HOME;
        if (s.limitSwitch && !homing) {
            trips.trip(FaultCode.LIMIT_SWITCH, now, -1, s.carriagePositionMm);
        }
        if (s.homeSwitch && s.carriagePositionMm > HOME_SWITCH_AWAY_MM) {
            trips.trip(FaultCode.ENCODER_SLIP, now, -1, s.carriagePositionMm);
        }
        if (!positionValid) {
            // a NaN would poison the motion model for good: judge the next good reading instead
            return;
        }
        if (!written.motorsEnabled || !written.carriageDriveEnabled) {
            resync(s.carriagePositionMm);
            return;
        }
        FaultCode code = follow(s.carriagePositionMm, written.carriageVelocityMmPerS);
        if (code != null) {
            trips.trip(code, now, -1, mismatchMm);
        }
    }

    /** Forgets everything: the next reading re-seats the model (after a person acknowledged a fault). */
    void reset() {
        primed = false;
        expectedMmPerS = 0;
        mismatchMm = 0;
    }

    /** Re-seats the model on the encoder: at start and whenever the motors are not driven by the host. */
    void resync(double encoderMm) {
        expectedMm = encoderMm;
        expectedMmPerS = 0;
        lastEncoderMm = encoderMm;
        for (int i = 0; i < recent.length; i++) {
            recent[i] = encoderMm;
        }
        primed = true;
        mismatchMm = 0;
        jamNext = 0;
        jamFilled = 0;
        jamCommandedSumMm = 0;
    }

    /**
     * @param encoderMm       this tick's encoder reading
     * @param lastCommandMmPerS the carriage command written last tick (motors enabled)
     * @return the trip or null
     */
    FaultCode follow(double encoderMm, double lastCommandMmPerS) {
        if (!primed) {
            resync(encoderMm);
            return null;
        }
        double jump = Math.abs(encoderMm - lastEncoderMm);
        lastEncoderMm = encoderMm;
        recent[next] = encoderMm;
        next = (next + 1) % recent.length;
        if (jump > maxJumpMm) {
            mismatchMm = jump;
            return FaultCode.ENCODER_SLIP;
        }
        double dv = (lastCommandMmPerS - expectedMmPerS) * (dtS / (DRIVE_TAU_S + dtS));
        expectedMmPerS += Math.max(-maxDvPerTick, Math.min(maxDvPerTick, dv));
        expectedMm += expectedMmPerS * dtS;
        expectedMm += (encoderMm - expectedMm) * BLEED_PER_S * dtS;
        mismatchMm = Math.abs(expectedMm - encoderMm);
        // the travel both the command and the modelled drive ask for: a stop commanded this tick asks nothing more,
        // however a drive with less than the bed's deceleration would still be coasting
        if (jammed(encoderMm, Math.min(Math.abs(lastCommandMmPerS), Math.abs(expectedMmPerS)) * dtS)) {
            return FaultCode.CARRIAGE_STALL;
        }
        if (mismatchMm > MISMATCH_MM) {
            double movedMm = encoderMm - recent[next];
            if (Math.abs(movedMm) <= MOVING_MM) {
                return FaultCode.CARRIAGE_STALL;
            }
            // ahead of the commands in the direction it moves: the drive runs away (issue 8); behind: counts are lost
            return (encoderMm - expectedMm) * movedMm > 0 ? FaultCode.CARRIAGE_RUNAWAY : FaultCode.ENCODER_SLIP;
        }
        return null;
    }

    /** Feeds the jam window; true once it is full, its commands covered more than {@link #JAM_COMMANDED_MM} and the encoder stood. */
    private boolean jammed(double encoderMm, double commandedMm) {
        jamCommandedSumMm += commandedMm - jamCommandedMm[jamNext];
        jamCommandedMm[jamNext] = commandedMm;
        jamEncoderMm[jamNext] = encoderMm;
        jamNext = (jamNext + 1) % jamEncoderMm.length;
        if (jamFilled < jamEncoderMm.length) {
            jamFilled++;
            return false;
        }
        if (jamCommandedSumMm <= JAM_COMMANDED_MM) {
            return false;
        }
        double lo = encoderMm;
        double hi = encoderMm;
        for (double x : jamEncoderMm) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        return hi - lo <= MOVING_MM;
    }

    double mismatchMm() {
        return mismatchMm;
    }
}
