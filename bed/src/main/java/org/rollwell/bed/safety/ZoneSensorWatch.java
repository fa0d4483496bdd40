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

    /**
     * The rise rule: over the last {@link #RISE_WINDOW_S} the two sensors' 1 s means moved apart by more than
     * {@link #RISE_APART_C}. A control thermistor that falls off a roller still near room temperature reads
     * the air, which the roller is still close to: the 5 °C rule waits for the roller to warm 5 °C, 45 s at a
     * 150 W zone on a 1300 J/K pair, against issue 8's 15 s. Its twin sensor rises with the heat while it
     * does not, 0.1 °C/s apart (choice: 0.6 °C in 6 s; the twin's sensors share one bead type, 0.05 °C noise,
     * so healthy 1 s means stay within hundredths of each other's rise).
     */
    static final int RISE_WINDOW_S = 6;
    static final double RISE_APART_C = 0.6;

    private final double minValidC;
    private final double maxValidC;
    private final Lasting[] apart;
    private final int samplesPerS;
    /** Per zone, the 1 s means of control minus watch over the last RISE_WINDOW_S + 1 seconds (a ring), and this second's sum. */
    private final double[][] meanDiffC;
    private final double[] sumDiffC;
    private final int[] samples;
    private final int[] seconds;
    private final int[] nextSlot;
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
        this.samplesPerS = (int) Math.max(1, Math.round(1e9 / spec.periodNanos()));
        this.meanDiffC = new double[apart.length][RISE_WINDOW_S + 1];
        this.sumDiffC = new double[apart.length];
        this.samples = new int[apart.length];
        this.seconds = new int[apart.length];
        this.nextSlot = new int[apart.length];
    }

    void reset() {
        for (Lasting l : apart) {
            l.reset();
        }
        for (int z = 0; z < apart.length; z++) {
            restartRise(z);
        }
    }

    private void restartRise(int z) {
        sumDiffC[z] = 0;
        samples[z] = 0;
        seconds[z] = 0;
        nextSlot[z] = 0;
    }

    /** Feeds the rise rule one comparable reading pair; true when the two sensors' 1 s means moved apart too far. */
    private boolean riseApart(int z, double diffC) {
        sumDiffC[z] += diffC;
        if (++samples[z] < samplesPerS) {
            return false;
        }
        int newest = nextSlot[z];
        meanDiffC[z][newest] = sumDiffC[z] / samples[z];
        sumDiffC[z] = 0;
        samples[z] = 0;
        nextSlot[z] = (newest + 1) % (RISE_WINDOW_S + 1);
        if (++seconds[z] <= RISE_WINDOW_S) {
            return false;
        }
        // the slot written next holds the mean RISE_WINDOW_S seconds before the newest
        return Math.abs(meanDiffC[z][newest] - meanDiffC[z][nextSlot[z]]) > RISE_APART_C;
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
            if (!comparable) {
                restartRise(z);
            } else if (riseApart(z, controlC - watchC)) {
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
