package org.rollwell.bed.safety;

import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;

/**
 * Drives that no longer obey (issue 8: LIFT_DRIVE_RUNAWAY, CARRIAGE_RUNAWAY): the lift rising,
 * or the carriage running, beyond anything the commands written over the last moments allow.
 * Telling such a drive to stop does nothing, so these trips drop motor power
 * ({@link FaultCode#dropsMotorPower()}). Windows are in seconds and turned into samples once,
 * from the loop's rate; the rings are allocated here, never per tick.
 */
final class RunawayWatch {
    /** The lift's rise is judged over this window, s (choice: fast enough for the 200 ms bound at 10 mm/s). */
    static final double LIFT_WINDOW_S = 0.1;
    /** The lift may rise this much beyond its commands within the window, mm (choice: 4 counts of 0.1 mm). */
    static final double LIFT_EXCESS_MM = 0.4;
    /** The lift drive's speed loop, s (choice: a small geared DC motor's, the lag the lift controller expects). */
    static final double LIFT_DRIVE_TAU_S = 0.05;
    /** The carriage's speed is measured over this window, s (choice: 10 samples, one count = 1 mm/s of error). */
    static final double CARRIAGE_WINDOW_S = 0.1;
    /** ... against the fastest command of this window, s (choice: the drive follows within 15 ms, plus the speed window). */
    static final double COMMAND_WINDOW_S = 0.2;
    /** The carriage may run this much faster than its fastest recent command, mm/s (choice). */
    static final double CARRIAGE_EXCESS_MM_PER_S = 10.0;

    private final double dtS;
    private final double maxLiftSpeedMmPerS;
    private final double liftLag;
    private final double[] liftMm;
    private final double[] expectedMm;
    private final double[] carriageMm;
    private final double[] commandMmPerS;
    private int liftSamples;
    private int liftNext;
    private int carriageSamples;
    private int carriageNext;
    private int commandNext;
    private double expectedLiftMm;
    private double expectedLiftMmPerS;
    private FaultCode code;
    private double value;

    RunawayWatch(BedSpec spec) {
        this.dtS = 1.0 / spec.loopHz();
        this.maxLiftSpeedMmPerS = spec.maxLiftSpeedMmPerS();
        this.liftLag = dtS / (LIFT_DRIVE_TAU_S + dtS);
        this.liftMm = new double[samples(LIFT_WINDOW_S) + 1];
        this.expectedMm = new double[liftMm.length];
        this.carriageMm = new double[samples(CARRIAGE_WINDOW_S) + 1];
        this.commandMmPerS = new double[samples(COMMAND_WINDOW_S)];
    }

    private int samples(double seconds) {
        return Math.max(1, (int) Math.round(seconds / dtS));
    }

    void reset() {
        liftSamples = 0;
        carriageSamples = 0;
        expectedLiftMmPerS = 0;
        java.util.Arrays.fill(commandMmPerS, 0.0);
    }

    /** Judges one frame against the commands written last tick; true on a trip ({@link #code()}, {@link #value()}). */
    boolean check(SensorFrame s, ActuatorFrame written, boolean liftValid, boolean positionValid) {
        return checkLift(s.liftMm, written, liftValid) || checkCarriage(s.carriagePositionMm, written, positionValid);
    }

    private boolean checkLift(double lift, ActuatorFrame written, boolean valid) {
        if (!valid) {
            liftSamples = 0;
            return false;
        }
        double command = written.motorsEnabled
                ? Math.max(-maxLiftSpeedMmPerS, Math.min(maxLiftSpeedMmPerS, written.liftVelocityMmPerS)) : 0;
        expectedLiftMmPerS += (command - expectedLiftMmPerS) * liftLag;
        expectedLiftMm += expectedLiftMmPerS * dtS;
        liftMm[liftNext] = lift;
        expectedMm[liftNext] = expectedLiftMm;
        int oldest = (liftNext + 1) % liftMm.length;
        liftNext = oldest;
        if (++liftSamples < liftMm.length) {
            return false;
        }
        double rose = lift - liftMm[oldest];
        double allowed = Math.max(0, expectedLiftMm - expectedMm[oldest]);
        if (rose > allowed + LIFT_EXCESS_MM) {
            code = FaultCode.LIFT_RUNAWAY;
            value = rose - allowed;
            return true;
        }
        return false;
    }

    private boolean checkCarriage(double position, ActuatorFrame written, boolean valid) {
        commandMmPerS[commandNext] = written.motorsEnabled && written.carriageDriveEnabled ? Math.abs(written.carriageVelocityMmPerS) : 0;
        commandNext = (commandNext + 1) % commandMmPerS.length;
        if (!valid || !written.motorsEnabled || !written.carriageDriveEnabled) {
            carriageSamples = 0;
            return false;
        }
        carriageMm[carriageNext] = position;
        int oldest = (carriageNext + 1) % carriageMm.length;
        carriageNext = oldest;
        if (++carriageSamples < carriageMm.length) {
            return false;
        }
        double speed = Math.abs(position - carriageMm[oldest]) / (dtS * (carriageMm.length - 1));
        double fastest = 0;
        for (double c : commandMmPerS) {
            fastest = Math.max(fastest, c);
        }
        if (speed > fastest + CARRIAGE_EXCESS_MM_PER_S) {
            code = FaultCode.CARRIAGE_RUNAWAY;
            value = speed;
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
