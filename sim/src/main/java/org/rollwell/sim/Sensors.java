package org.rollwell.sim;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;

/**
 * The bed's sensors as the board reports them: quantised encoder and lift sensor,
 * a noisy load cell that clips at its ends, noisy thermistors, the switches, the stop
 * button and the presence mat, each with the signature of its failure (DOMAIN.md §2,
 * §5 "Heater protection"). All noise comes from one seeded stream.
 */
final class Sensors {

    /** Thermistor noise σ, 0.05 °C (choice: a 12-bit ADC on a 100 kΩ NTC near 45 °C). */
    static final double THERMISTOR_NOISE_C = 0.05;
    /** An open thermistor reads the bottom of the board's table (choice, far below the valid −10 °C). */
    static final double THERMISTOR_OPEN_C = -40.0;
    /** A shorted thermistor reads the top of the board's table (choice, far above the valid 120 °C). */
    static final double THERMISTOR_SHORT_C = 250.0;
    /**
     * A load cell with an open bridge wire drives its instrumentation amplifier into the rail: the ADC
     * reads 110 % of full scale, outside the valid 0…full scale (choice; a constant 0 would look like
     * a lost contact, saturation is what an open signal wire on a bridge amplifier typically gives).
     */
    static final double LOAD_CELL_FAILED_FRACTION = 1.1;

    private final BedSpec spec;
    private final SplittableRandom random;
    private final double[] lastReadingC;
    private boolean noise = true;

    Sensors(BedSpec spec, long seed, double startC) {
        this.spec = spec;
        this.random = new SplittableRandom(seed);
        this.lastReadingC = new double[spec.heaterZones()];
        Arrays.fill(lastReadingC, startC);
    }

    void noise(boolean enabled) {
        noise = enabled;
    }

    void resetReadings(double tempC) {
        Arrays.fill(lastReadingC, tempC);
    }

    /** The last temperature zone {@code z}'s thermistor reported: where a stuck one freezes. */
    double lastReadingC(int z) {
        return lastReadingC[z];
    }

    void fill(SensorFrame into, long nowNanos, double encoderMm, Carriage carriage, double liftMm, double forceN,
              HeaterZone[] zones, FaultState faults) {
        into.timeNanos = nowNanos;
        into.carriagePositionMm = quantise(encoderMm, spec.encoderResolutionMm());
        into.homeSwitch = carriage.atHome();
        into.limitSwitch = carriage.atLimit();
        into.liftMm = quantise(liftMm, spec.liftResolutionMm());
        // one draw per sensor per read whatever the faults or the noise switch, so a seed always gives the same stream
        double forceNoiseN = random.nextGaussian() * spec.forceNoiseN();
        into.forceN = faults.loadCellFailed
                ? LOAD_CELL_FAILED_FRACTION * spec.forceFullScaleN()
                : Math.max(0, Math.min(spec.forceFullScaleN(), forceN + (noise ? forceNoiseN : 0)));
        for (int z = 0; z < zones.length; z++) {
            double tempNoiseC = random.nextGaussian() * THERMISTOR_NOISE_C;
            double readingC;
            if (faults.thermistorOpen[z]) {
                readingC = THERMISTOR_OPEN_C;
            } else if (faults.thermistorShort[z]) {
                readingC = THERMISTOR_SHORT_C;
            } else if (faults.thermistorStuck[z]) {
                readingC = faults.stuckReadingC[z];
            } else {
                readingC = zones[z].thermistorC() + (noise ? tempNoiseC : 0);
            }
            into.zoneTempC[z] = readingC;
            lastReadingC[z] = readingC;
        }
        into.stopButton = faults.estop;
        into.presence = !faults.presenceLost;
    }

    /** Whole counts of {@code resolution}; the tiny bias keeps 12.3 from reading 12.2 through rounding of the division. */
    private static double quantise(double value, double resolution) {
        return Math.floor(value / resolution + 1e-6) * resolution;
    }
}
