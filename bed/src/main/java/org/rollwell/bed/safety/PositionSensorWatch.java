package org.rollwell.bed.safety;

import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;

/**
 * The range checks of the carriage encoder and the lift sensor, like the thermistor's (Klipper's
 * ADC range check): a reading outside what the mechanics allow, or not a number, for 30 ms trips
 * POSITION_SENSOR_FAULT or LIFT_SENSOR_FAULT. Keeps the last carriage reading that passed, for
 * the skin map and the excluded ranges.
 */
final class PositionSensorWatch {
    /** Out of range this long before a trip (3 samples at 100 Hz, as the load cell's; choice). */
    static final double BAD_READING_S = 0.030;
    /** The encoder may read this far outside 0 … travel before it counts as broken, mm (choice: the switches sit inside). */
    static final double CARRIAGE_READING_MARGIN_MM = 10.0;
    /** The lift sensor may read this far outside 0 … maximum lift before it counts as broken, mm (choice). */
    static final double LIFT_READING_MARGIN_MM = 2.0;

    private final double travelMm;
    private final double maxLiftMm;
    private final Lasting carriageBad;
    private final Lasting liftBad;
    private double lastGoodPositionMm;

    PositionSensorWatch(BedSpec spec) {
        this.travelMm = spec.travelMm();
        this.maxLiftMm = spec.maxLiftMm();
        this.carriageBad = new Lasting(BAD_READING_S, spec.periodNanos());
        this.liftBad = new Lasting(BAD_READING_S, spec.periodNanos());
    }

    /** Whether this frame's encoder reading is plausible: −10 … travel + 10 mm, and a number. */
    boolean positionValid(SensorFrame s) {
        double x = s.carriagePositionMm;
        return x >= -CARRIAGE_READING_MARGIN_MM && x <= travelMm + CARRIAGE_READING_MARGIN_MM;
    }

    /** Whether this frame's lift reading is plausible: −2 … maximum lift + 2 mm, and a number. */
    boolean liftValid(SensorFrame s) {
        double l = s.liftMm;
        return l >= -LIFT_READING_MARGIN_MM && l <= maxLiftMm + LIFT_READING_MARGIN_MM;
    }

    void check(SensorFrame s, long now, Trips trips) {
        boolean positionOk = positionValid(s);
        if (positionOk) {
            lastGoodPositionMm = s.carriagePositionMm;
        }
        if (carriageBad.update(!positionOk, now)) {
            trips.trip(FaultCode.POSITION_SENSOR_FAULT, now, -1, s.carriagePositionMm);
        }
        if (liftBad.update(!liftValid(s), now)) {
            trips.trip(FaultCode.LIFT_SENSOR_FAULT, now, -1, s.liftMm);
        }
    }

    /** The last carriage reading that passed the range check, mm. */
    double lastGoodPositionMm() {
        return lastGoodPositionMm;
    }

    void reset() {
        carriageBad.reset();
        liftBad.reset();
    }
}
