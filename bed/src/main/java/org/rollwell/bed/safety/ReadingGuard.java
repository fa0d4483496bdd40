package org.rollwell.bed.safety;

import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;

/**
 * A reading that is not a number never reaches a controller (issue 8): once the supervisor has
 * judged the raw frame (its range checks count NaN as out of range and trip after a few samples),
 * every NaN or infinite reading the controllers use is replaced by that sensor's last good one.
 * One NaN would otherwise poison a PID integral or a force filter for good.
 */
final class ReadingGuard {
    private double carriagePositionMm;
    private double liftMm;
    private double forceN;
    private final double[] zoneTempC;
    private long held;

    /**
     * Before the first good reading the guard holds values that make every controller back off: a hot
     * roller (the over-temperature trip), a force at the bed's limit, the lift and carriage at home.
     */
    ReadingGuard(BedSpec spec, int zones) {
        zoneTempC = new double[zones];
        java.util.Arrays.fill(zoneTempC, spec.overTempTripC());
        forceN = spec.maxForceN();
    }

    /** Replaces the frame's non-finite readings with the last finite ones, and remembers the finite ones. */
    void hold(SensorFrame s) {
        carriagePositionMm = keep(s.carriagePositionMm, carriagePositionMm);
        s.carriagePositionMm = carriagePositionMm;
        liftMm = keep(s.liftMm, liftMm);
        s.liftMm = liftMm;
        forceN = keep(s.forceN, forceN);
        s.forceN = forceN;
        for (int z = 0; z < zoneTempC.length; z++) {
            zoneTempC[z] = keep(s.zoneTempC[z], zoneTempC[z]);
            s.zoneTempC[z] = zoneTempC[z];
        }
    }

    private double keep(double reading, double lastGood) {
        if (Double.isFinite(reading)) {
            return reading;
        }
        held++;
        return lastGood;
    }

    /** Readings replaced so far. */
    long held() {
        return held;
    }
}
