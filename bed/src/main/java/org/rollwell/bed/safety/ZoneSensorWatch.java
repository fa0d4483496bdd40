package org.rollwell.bed.safety;

import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;

/**
 * Each heater zone's independent layer (DOMAIN.md §5 "Independent layers"): the control
 * thermistor against the zone's watch sensor, and the board's bimetal cut-off. A sensor that
 * has come off the roller, or drifts, still shows noise and stays in range, so only its twin
 * sensor can tell. Frames without a watch sensor (NaN) leave the comparison out.
 */
final class ZoneSensorWatch {
    /** The two sensors may differ by this much, °C (DOMAIN.md §5: "disagree by > 5 °C for 2 s"). */
    static final double DISAGREE_C = 5.0;
    /** ... for this long, s (DOMAIN.md §5). */
    static final double DISAGREE_S = 2.0;

    private final double minValidC;
    private final double maxValidC;
    private final Lasting[] apart;
    private FaultCode code;
    private int zone;
    private double value;

    ZoneSensorWatch(BedSpec spec) {
        this.minValidC = spec.thermistorMinC();
        this.maxValidC = spec.thermistorMaxC();
        this.apart = new Lasting[spec.heaterZones()];
        for (int z = 0; z < apart.length; z++) {
            apart[z] = new Lasting(DISAGREE_S, spec.periodNanos());
        }
    }

    void reset() {
        for (Lasting l : apart) {
            l.reset();
        }
    }

    /** Judges one frame; true when a zone trips ({@link #code()}, {@link #zone()}, {@link #value()} tell which). */
    boolean check(SensorFrame s, long nowNanos) {
        for (int z = 0; z < apart.length; z++) {
            if (s.cutoffOpen[z]) {
                // the board's cut-off opened: the surface reached 70 °C whatever the thermistor says
                return trip(FaultCode.ROLLER_OVER_TEMPERATURE, z, s.watchTempC[z]);
            }
            double controlC = s.zoneTempC[z];
            double watchC = s.watchTempC[z];
            // out-of-range readings are the range check's (HeaterWatch); a board without a watch sensor reports NaN
            boolean comparable = controlC >= minValidC && controlC <= maxValidC && watchC >= minValidC && watchC <= maxValidC;
            if (apart[z].update(comparable && Math.abs(controlC - watchC) > DISAGREE_C, nowNanos)) {
                return trip(FaultCode.ZONE_SENSOR_DISAGREE, z, controlC - watchC);
            }
        }
        return false;
    }

    private boolean trip(FaultCode c, int z, double v) {
        code = c;
        zone = z;
        value = v;
        return true;
    }

    FaultCode code() {
        return code;
    }

    int zone() {
        return zone;
    }

    double value() {
        return value;
    }
}
