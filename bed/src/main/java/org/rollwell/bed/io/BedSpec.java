package org.rollwell.bed.io;

import org.rollwell.therapy.envelope.BedLimits;

/**
 * A bed's geometry and limits. {@link #REFERENCE} is the reference bed of
 * DOMAIN.md §2 (the simulator's default); other beds load theirs from a file.
 *
 * @param travelMm                  carriage travel from the home switch to the limit switch
 * @param maxCarriageSpeedMmPerS    ≤ 80 mm/s
 * @param maxCarriageAccelMmPerS2   ≤ 300 mm/s²
 * @param encoderResolutionMm       0.1 mm
 * @param maxLiftMm                 roller protrusion 0–70 mm
 * @param maxLiftSpeedMmPerS        ≤ 10 mm/s
 * @param liftResolutionMm          0.1 mm
 * @param forceFullScaleN           load cell measures 0–600 N
 * @param maxForceN                 the bed's force limit, 350 N
 * @param forceNoiseN               load cell noise σ ≈ 2 N
 * @param heaterZones               2 (upper pair, lower pair)
 * @param heaterPowerW              150 W per zone
 * @param rollerPairOffsetMm        each roller pair's distance from the carriage centre (upper at −, lower at +)
 * @param thermistorMinC            lowest valid thermistor reading, −10 °C
 * @param thermistorMaxC            highest valid thermistor reading, 120 °C
 * @param rollerTempMinC            lowest settable roller target, 30 °C
 * @param rollerTempMaxC            highest settable roller target, 65 °C
 * @param rollerOvershootMarginC    room above the highest target before the over-temperature trip (Marlin HOTEND_OVERSHOOT)
 * @param thermalFuseC              the fuse opens at 85 °C
 * @param maxSessionMinutes         auto-off, 60 min
 * @param loopHz                    control loop rate, 100 Hz
 * @param motorDeadmanS             the board stops the motors when not refreshed for this long
 * @param heaterDeadmanS            the board cuts heater power when not refreshed for this long (Klipper max_duration ≈ 3 s)
 * @param rollerContactAreaCm2      contact area of the rollers (2 × 12 cm²)
 * @param personHeightMinCm         145 cm
 * @param personHeightMaxCm         205 cm
 * @param personWeightMaxKg         135 kg
 * @param bimetalCutoffC            the board's bimetal cut-off on each roller pair opens heater power at this surface
 *                                  temperature, 70 °C (DOMAIN.md §5 "Independent layers"; latches until power-off)
 * @param liftFrictionBandN         how far the force derived from the lift motor's current may differ from the load
 *                                  cell on a healthy bed (the lead screw's friction), 15 N (choice: low enough that a
 *                                  load cell sagging to half its gain shows within 10 s at 40 N)
 * @param liftCurrentAPerN          lift motor current per newton of axial load, 0.01 A/N (choice: 3.5 A at 350 N)
 * @param boardLiftLowerFraction    how fast the board itself lowers the lift on the wired e-stop or its dead-man, as a
 *                                  share of the lift's top speed: 1 (choice: the fastest it can, 10 mm/s, DOMAIN.md §2)
 * @param rollerHeatCapacityJPerK   heat capacity of one roller pair with its element, 1300 J/K (the maker's figure; the
 *                                  supervisor's heat balance checks that a zone delivers the power its duty asks for)
 * @param rollerLossWPerK           one roller pair's heat loss to the room, 1.2 W/K (the maker's figure)
 */
public record BedSpec(
        double travelMm,
        double maxCarriageSpeedMmPerS,
        double maxCarriageAccelMmPerS2,
        double encoderResolutionMm,
        double maxLiftMm,
        double maxLiftSpeedMmPerS,
        double liftResolutionMm,
        double forceFullScaleN,
        double maxForceN,
        double forceNoiseN,
        int heaterZones,
        double heaterPowerW,
        double rollerPairOffsetMm,
        double thermistorMinC,
        double thermistorMaxC,
        double rollerTempMinC,
        double rollerTempMaxC,
        double rollerOvershootMarginC,
        double thermalFuseC,
        double maxSessionMinutes,
        int loopHz,
        double motorDeadmanS,
        double heaterDeadmanS,
        double rollerContactAreaCm2,
        double personHeightMinCm,
        double personHeightMaxCm,
        double personWeightMaxKg,
        double bimetalCutoffC,
        double liftFrictionBandN,
        double liftCurrentAPerN,
        double boardLiftLowerFraction,
        double rollerHeatCapacityJPerK,
        double rollerLossWPerK) {

    /** DOMAIN.md §2, the reference bed. Roller pairs ±40 mm from the carriage centre and a 5 °C overshoot margin are choices. */
    public static final BedSpec REFERENCE = new BedSpec(
            950, 80, 300, 0.1,
            70, 10, 0.1,
            600, 350, 2,
            2, 150, 40,
            -10, 120, 30, 65, 5, 85,
            60, 100, 0.5, 3.0,
            24, 145, 205, 135,
            70, 15, 0.01, 1,
            1300, 1.2);

    /**
     * The load cell's noise counted in {@link #forceHeadroomN()}, σ, and the lift's lag, N. In the twin a target
     * at 90 % of a 120 N limit is delivered with its measured force's 99th percentile ≈ 10.5 N over the target on
     * the reference bed (σ 2 N) and ≈ 14 N on compact-800 (σ 4 N, an 8 mm/s lift): the true force's own lag over
     * the spinous processes, ≈ 10 N, plus the noise, adding less than linearly. 4 σ + 4 N covers both, with
     * room on the noisier bed, and on the reference bed equals the 90 % rule at 120 N (choice, tuned on
     * ForceCeilingTest's tuning seeds).
     */
    public static final double FORCE_HEADROOM_NOISE_SIGMAS = 4.0;
    public static final double FORCE_TRACKING_N = 4.0;

    /**
     * Length along the back of one roller pair's contact patch, mm: 30 mm, the conservative figure the
     * bed's skin estimator and excluded-range clamp use (two Ø 60 mm rollers pressed into tissue touch
     * ≈ 20 mm, the twin's figure; choice). A constant, not a component, so bed files keep their format.
     */
    public static final double ROLLER_CONTACT_LENGTH_MM = 30.0;

    public BedSpec {
        requirePositive("travelMm", travelMm);
        requirePositive("maxCarriageSpeedMmPerS", maxCarriageSpeedMmPerS);
        requirePositive("maxCarriageAccelMmPerS2", maxCarriageAccelMmPerS2);
        requirePositive("encoderResolutionMm", encoderResolutionMm);
        requirePositive("maxLiftMm", maxLiftMm);
        requirePositive("maxLiftSpeedMmPerS", maxLiftSpeedMmPerS);
        requirePositive("liftResolutionMm", liftResolutionMm);
        requirePositive("forceFullScaleN", forceFullScaleN);
        requirePositive("maxForceN", maxForceN);
        if (maxForceN > forceFullScaleN) {
            throw new IllegalArgumentException("maxForceN " + maxForceN + " exceeds what the load cell measures, " + forceFullScaleN);
        }
        if (heaterZones < 1) {
            throw new IllegalArgumentException("heaterZones must be at least 1, was " + heaterZones);
        }
        if (!(forceNoiseN >= 0)) {
            throw new IllegalArgumentException("forceNoiseN must be 0 or more, was " + forceNoiseN);
        }
        requirePositive("heaterPowerW", heaterPowerW);
        if (!(rollerPairOffsetMm >= 0)) {
            throw new IllegalArgumentException("rollerPairOffsetMm must be 0 or more, was " + rollerPairOffsetMm);
        }
        if (!(thermistorMinC < thermistorMaxC) || !(rollerTempMinC < rollerTempMaxC)
                || !(rollerOvershootMarginC > 0)
                // the parameters, not overTempTripC(): the fields are not assigned yet in a compact constructor
                || !(rollerTempMaxC + rollerOvershootMarginC < thermalFuseC)
                || !(thermalFuseC <= thermistorMaxC)) {
            throw new IllegalArgumentException("temperatures must satisfy thermistorMin < thermistorMax,"
                    + " rollerTempMin < rollerTempMax + overshoot margin < thermalFuse ≤ thermistorMax");
        }
        if (loopHz < 10 || loopHz > 1000) {
            throw new IllegalArgumentException("loopHz must be 10–1000, was " + loopHz);
        }
        requirePositive("motorDeadmanS", motorDeadmanS);
        requirePositive("heaterDeadmanS", heaterDeadmanS);
        requirePositive("rollerContactAreaCm2", rollerContactAreaCm2);
        requirePositive("maxSessionMinutes", maxSessionMinutes);
        requirePositive("personHeightMinCm", personHeightMinCm);
        requirePositive("personWeightMaxKg", personWeightMaxKg);
        // a cut-off at or under the highest target caps the surface there: the board's limit wins, as the lower always does
        if (!(bimetalCutoffC > rollerTempMinC && bimetalCutoffC < thermalFuseC)) {
            throw new IllegalArgumentException("bimetalCutoffC must lie above rollerTempMinC " + rollerTempMinC
                    + " and below thermalFuseC " + thermalFuseC + ", was " + bimetalCutoffC);
        }
        requirePositive("liftFrictionBandN", liftFrictionBandN);
        requirePositive("liftCurrentAPerN", liftCurrentAPerN);
        requirePositive("boardLiftLowerFraction", boardLiftLowerFraction);
        requirePositive("rollerHeatCapacityJPerK", rollerHeatCapacityJPerK);
        requirePositive("rollerLossWPerK", rollerLossWPerK);
        if (boardLiftLowerFraction > 1) {
            throw new IllegalArgumentException("boardLiftLowerFraction is a share of the lift's top speed, 0–1, was "
                    + boardLiftLowerFraction);
        }
        if (!(personHeightMinCm < personHeightMaxCm)) {
            throw new IllegalArgumentException("personHeightMinCm must be below personHeightMaxCm, was "
                    + personHeightMinCm + " ≥ " + personHeightMaxCm);
        }
    }

    /** How fast the board itself lowers the lift, mm/s. */
    public double boardLiftLowerMmPerS() {
        return boardLiftLowerFraction * maxLiftSpeedMmPerS;
    }

    /** One control period in nanoseconds. */
    public long periodNanos() {
        return 1_000_000_000L / loopHz;
    }

    /**
     * The roller temperature that trips the supervisor whatever the target: the highest
     * target plus the overshoot margin. Marlin caps a target at MAXTEMP − HOTEND_OVERSHOOT;
     * here the settable maximum is fixed and the trip lies that margin above it.
     */
    public double overTempTripC() {
        return rollerTempMaxC + rollerOvershootMarginC;
    }

    /** {@link #ROLLER_CONTACT_LENGTH_MM}: one roller pair's contact patch along the back, mm. */
    public double rollerContactLengthMm() {
        return ROLLER_CONTACT_LENGTH_MM;
    }

    /**
     * How far under a force ceiling this bed aims so that its measured force's 99th percentile stays at or
     * under the ceiling (DOMAIN.md §5 "Dose decisions"), N: {@link #FORCE_HEADROOM_NOISE_SIGMAS} σ of the load
     * cell's noise plus {@link #FORCE_TRACKING_N} for the lift's lag over the spinous processes.
     */
    public double forceHeadroomN() {
        return FORCE_HEADROOM_NOISE_SIGMAS * forceNoiseN + FORCE_TRACKING_N;
    }

    /** What therapy needs to know of this bed, roller geometry included (plans keep every roller patch off excluded ranges). */
    public BedLimits limits() {
        return new BedLimits(travelMm, maxForceN, rollerTempMinC, rollerTempMaxC, maxSessionMinutes,
                personHeightMinCm, personHeightMaxCm, personWeightMaxKg, maxLiftMm, rollerContactAreaCm2,
                rollerPairOffsetMm, rollerContactLengthMm(), forceHeadroomN());
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
