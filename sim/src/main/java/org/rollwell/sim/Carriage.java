package org.rollwell.sim;

/**
 * The carriage: a belt-driven mass on linear guides whose motor drive closes its
 * own speed loop on the commanded velocity, the way the drives of DOMAIN.md §2's
 * beds (and most servo drives) do. Units: mm, mm/s, N, kg, s.
 *
 * <p>The drive's speed loop is stiff against the load: the carriage's velocity follows the
 * command (clamped to the bed's top speed) as a first-order response whose acceleration the
 * drive limits to the bed's capability (DOMAIN.md §2: ≤ 80 mm/s, ≤ 300 mm/s²), as long as the
 * motor's thrust covers inertia, Coulomb and viscous guide friction and the rolling resistance
 * of the rollers pressing into the back; beyond that the thrust saturates and the carriage
 * accelerates less (or, jammed, not at all). A disabled drive shorts its windings (dynamic
 * braking, as most DC and BLDC drives do), so the carriage coasts to rest in about 0.1 s.
 * Hard stops lie a little beyond both switches.
 */
final class Carriage {

    /** Moving mass: carriage, four heated rollers, heaters and lift (choice, a commercial roller head weighs 10–20 kg). */
    static final double MASS_KG = 15.0;
    /** Drive speed-loop time constant, 15 ms (choice: a small servo drive's speed bandwidth ≈ 10 Hz). */
    static final double SPEED_LOOP_TAU_S = 0.015;
    /** Peak thrust of motor + belt, 60 N (choice: about twice the worst load, 4.5 N inertia + 8 N friction + 17.5 N rolling at 350 N). */
    static final double MAX_THRUST_N = 60.0;
    /** Braking of a disabled drive with shorted windings, N per mm/s (choice: time constant 15 kg / 250 N·s/m = 60 ms). */
    static final double DYNAMIC_BRAKE_N_PER_MM_S = 0.25;
    /** Coulomb friction of the guides and belt (choice, typical of a loaded linear guide pair). */
    static final double COULOMB_N = 8.0;
    /** Viscous friction, N per mm/s (choice: 1.6 N at 80 mm/s). */
    static final double VISCOUS_N_PER_MM_S = 0.02;
    /** Rolling resistance of the rollers pressing through the cover into soft tissue, × force (choice; soft surfaces give 0.03–0.1). */
    static final double ROLLING_COEFF = 0.05;
    /** The speed loop counts as settled on its target within this (choice: below one encoder count per 10 ms tick). */
    static final double SETTLED_MM_PER_S = 0.01;
    /** The hard stops lie this far beyond the home and limit switches (choice). */
    static final double OVERTRAVEL_MM = 5.0;

    private final double travelMm;
    private final double maxSpeedMmPerS;
    private final double maxAccelMmPerS2;
    private double positionMm;
    private double velocityMmPerS;
    private boolean jammed;
    /** A runaway drive's direction (+1 away from home, −1 towards it); 0 while the drive obeys. */
    private double runawayDirection;
    private double lastCommandMmPerS;

    Carriage(double travelMm, double maxSpeedMmPerS, double maxAccelMmPerS2, double startMm) {
        this.travelMm = travelMm;
        this.maxSpeedMmPerS = maxSpeedMmPerS;
        this.maxAccelMmPerS2 = maxAccelMmPerS2;
        place(startMm);
    }

    void place(double startMm) {
        positionMm = Math.max(-OVERTRAVEL_MM, Math.min(travelMm + OVERTRAVEL_MM, startMm));
        velocityMmPerS = 0;
    }

    /** The drive runs away: full speed in the direction the carriage moves, or was last told to, or away from home. */
    void runAway() {
        double d = velocityMmPerS != 0 ? Math.signum(velocityMmPerS) : Math.signum(lastCommandMmPerS);
        runawayDirection = d != 0 ? d : 1;
    }

    void jam() {
        jammed = true;
        velocityMmPerS = 0;
    }

    /**
     * Advances by {@code dtS}.
     *
     * @param commandMmPerS the latched velocity command
     * @param driveOn       false when the host disabled the drive or the board's dead-man dropped it: the carriage coasts
     * @param pressForceN   the rollers' force into the back, for rolling resistance
     */
    void step(double dtS, double commandMmPerS, boolean driveOn, double pressForceN) {
        if (jammed) {
            velocityMmPerS = 0;
            return;
        }
        if (commandMmPerS != 0) {
            lastCommandMmPerS = commandMmPerS;
        }
        if (velocityMmPerS == 0 && runawayDirection == 0 && (commandMmPerS == 0 || !driveOn)) {
            // at rest and told to stay (a hold, the warm-up, a pause, a tripped bed): no thrust beats the dry friction,
            // so the full step below would leave it where it is. Skipped, with the velocity's zero exactly as that step
            // leaves it (the command's own zero with the drive on, +0 braking), so the same bits (issue 8, speed)
            velocityMmPerS = driveOn ? commandMmPerS : 0.0;
            positionMm += velocityMmPerS * dtS;
            return;
        }
        if (runawayDirection != 0) {
            commandMmPerS = runawayDirection * maxSpeedMmPerS;
        }
        double v = velocityMmPerS;
        double dryN = COULOMB_N + ROLLING_COEFF * Math.max(0, pressForceN);
        if (driveOn && runawayDirection == 0 && v != 0
                && v == Math.max(-maxSpeedMmPerS, Math.min(maxSpeedMmPerS, commandMmPerS))
                && Math.abs(Math.signum(v) * dryN + VISCOUS_N_PER_MM_S * v) <= MAX_THRUST_N) {
            // cruising at the commanded speed with thrust to spare: the speed loop asks no acceleration, the thrust
            // only meets the friction, and the step below settles on the same speed to the bit (its residue is
            // rounding, far under SETTLED_MM_PER_S). Skipped, as most of a session rolls at a steady speed (issue 8, speed)
            positionMm += v * dtS;
            stopAtEnds();
            return;
        }
        double toMmPerS2 = 1000.0 / MASS_KG;
        if (driveOn) {
            double target = Math.max(-maxSpeedMmPerS, Math.min(maxSpeedMmPerS, commandMmPerS));
            double wantedMmPerS2 = Math.max(-maxAccelMmPerS2, Math.min(maxAccelMmPerS2, (target - v) / SPEED_LOOP_TAU_S));
            double direction = v != 0 ? Math.signum(v) : Math.signum(wantedMmPerS2);
            double loadN = direction * dryN + VISCOUS_N_PER_MM_S * v;
            double thrustN = wantedMmPerS2 / toMmPerS2 + loadN;
            if (Math.abs(thrustN) > MAX_THRUST_N) {
                thrustN = Math.copySign(MAX_THRUST_N, thrustN);
            }
            v = accelerate(v, thrustN, dryN, toMmPerS2, dtS);
            // the speed loop does not overshoot its target within one step, and settles on it (a drive holds zero speed)
            if ((velocityMmPerS - target) * (v - target) < 0 || Math.abs(v - target) < SETTLED_MM_PER_S) {
                v = target;
            }
        } else {
            v = accelerate(v, -DYNAMIC_BRAKE_N_PER_MM_S * v, dryN, toMmPerS2, dtS);
        }
        velocityMmPerS = v;
        positionMm += v * dtS;
        stopAtEnds();
    }

    private void stopAtEnds() {
        if (positionMm < -OVERTRAVEL_MM) {
            hitStop(-OVERTRAVEL_MM);
        } else if (positionMm > travelMm + OVERTRAVEL_MM) {
            hitStop(travelMm + OVERTRAVEL_MM);
        }
    }

    /** One explicit step of m·dv/dt = thrust − dry friction − viscous friction; dry friction holds a resting carriage and never reverses a moving one. */
    private static double accelerate(double v, double thrustN, double dryN, double toMmPerS2, double dtS) {
        if (v == 0) {
            return Math.abs(thrustN) > dryN ? (thrustN - Math.copySign(dryN, thrustN)) * toMmPerS2 * dtS : 0;
        }
        double next = v + (thrustN - Math.copySign(dryN, v) - VISCOUS_N_PER_MM_S * v) * toMmPerS2 * dtS;
        return next * v < 0 && Math.abs(thrustN) <= dryN ? 0 : next;
    }

    private void hitStop(double stopMm) {
        positionMm = stopMm;
        velocityMmPerS = 0;
    }

    double positionMm() {
        return positionMm;
    }

    double velocityMmPerS() {
        return velocityMmPerS;
    }

    boolean atHome() {
        return positionMm <= 0;
    }

    boolean atLimit() {
        return positionMm >= travelMm;
    }
}
