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

    /** A drifting thermistor reads low by this much more each second (issue 8: THERMISTOR_DRIFT, 0.5 °C/s) ... */
    static final double DRIFT_C_PER_S = 0.5;
    /** ... up to this offset, °C (issue 8: 20 °C). */
    static final double DRIFT_MAX_C = 20.0;
    /** A drifting load cell's gain falls linearly to this ... (issue 8: LOAD_CELL_DRIFT, 0.5) ... */
    static final double DRIFT_GAIN_END = 0.5;
    /** ... over this long, s (issue 8: 10 s), and then stays there. */
    static final double DRIFT_GAIN_S = 10.0;
    /** Lift motor current noise σ, A (choice: 2 N at 0.01 A/N, like the load cell). */
    static final double CURRENT_NOISE_A = 0.02;
    /** The screw's friction turns on over this lift speed, mm/s (choice: a smooth sign, so a holding lift shows none). */
    static final double FRICTION_ONSET_MM_PER_S = 0.5;
    /** Seed offset of the board's own sensors, so adding them left the host sensors' noise stream as it was. */
    private static final long BOARD_STREAM = 0x5EED_B0A2DL;

    private final BedSpec spec;
    private final SplittableRandom random;
    private final SplittableRandom boardRandom;
    private final double[] lastReadingC;
    private final double screwFrictionN;
    private boolean noise = true;
    private double lastForceReadingN;

    Sensors(BedSpec spec, long seed, double startC) {
        this.spec = spec;
        this.random = new SplittableRandom(seed);
        this.boardRandom = new SplittableRandom(seed ^ BOARD_STREAM);
        // the twin's screw has half the friction the maker's band allows (choice)
        this.screwFrictionN = 0.5 * spec.liftFrictionBandN();
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

    /**
     * Fills {@code into} with what the board reports now.
     *
     * @param sinceStartNanos twin time since its start, for the drifting faults
     * @param liftMmPerS      the lift's true speed, for the friction in its motor current
     * @param board           the board's state (motor power, what it has taken over)
     */
    void fill(SensorFrame into, long nowNanos, long sinceStartNanos, double encoderMm, Carriage carriage, double liftMm,
              double liftMmPerS, double forceN, HeaterZone[] zones, FaultState faults, Board board) {
        into.timeNanos = nowNanos;
        into.carriagePositionMm = quantise(encoderMm, spec.encoderResolutionMm());
        into.homeSwitch = carriage.atHome();
        into.limitSwitch = carriage.atLimit();
        into.liftMm = quantise(liftMm, spec.liftResolutionMm());
        // one draw per sensor per read whatever the faults or the noise switch, so a seed always gives the same stream
        double forceNoiseN = random.nextGaussian() * spec.forceNoiseN();
        double gain = 1.0;
        if (faults.loadCellDriftSinceNanos >= 0) {
            double driftS = (sinceStartNanos - faults.loadCellDriftSinceNanos) * 1e-9;
            gain = 1.0 - (1.0 - DRIFT_GAIN_END) * Math.min(1.0, driftS / DRIFT_GAIN_S);
        }
        if (faults.loadCellFailed) {
            into.forceN = LOAD_CELL_FAILED_FRACTION * spec.forceFullScaleN();
        } else if (faults.loadCellStuck) {
            into.forceN = lastForceReadingN;
        } else {
            into.forceN = Math.max(0, Math.min(spec.forceFullScaleN(), gain * forceN + (noise ? forceNoiseN : 0)));
        }
        lastForceReadingN = into.forceN;
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
                if (faults.driftSinceNanos[z] >= 0) {
                    double driftS = (sinceStartNanos - faults.driftSinceNanos[z]) * 1e-9;
                    readingC -= Math.min(DRIFT_MAX_C, DRIFT_C_PER_S * driftS);
                }
            }
            into.zoneTempC[z] = readingC;
            lastReadingC[z] = readingC;
            double watchNoiseC = boardRandom.nextGaussian() * THERMISTOR_NOISE_C;
            into.watchTempC[z] = zones[z].watchC() + (noise ? watchNoiseC : 0);
            into.cutoffOpen[z] = zones[z].cutoffOpen();
        }
        into.stopButton = faults.estop;
        into.presence = !faults.nobody();
        into.motorPower = board.motorPower();
        // the lift motor carries the axial load through the screw, plus or minus its friction while it turns;
        // with the drive unpowered it draws nothing (the self-locking screw holds the load)
        double currentNoiseA = boardRandom.nextGaussian() * CURRENT_NOISE_A;
        if (board.liftDriveOn) {
            // a lift standing still shows no friction: tanh(0) is 0, so the look-up is skipped there (issue 8, speed;
            // the same bits: forceN is never −0, so adding +0 where the product was ±0 changes nothing)
            double frictionN = liftMmPerS == 0 ? 0.0 : screwFrictionN * Math.tanh(liftMmPerS / FRICTION_ONSET_MM_PER_S);
            into.liftMotorCurrentA = spec.liftCurrentAPerN() * (forceN + frictionN) + (noise ? currentNoiseA : 0);
        } else {
            into.liftMotorCurrentA = 0;
        }
    }

    /** Whole counts of {@code resolution}; the tiny bias keeps 12.3 from reading 12.2 through rounding of the division. */
    private static double quantise(double value, double resolution) {
        return Math.floor(value / resolution + 1e-6) * resolution;
    }
}
