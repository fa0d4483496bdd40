package org.rollwell.sim;

/**
 * The lift: a self-locking screw actuator that raises the roller head into the back.
 * Its drive follows the commanded velocity with a short lag; when disabled it holds
 * (a lead screw does not back-drive). Units: mm, mm/s, N, s.
 */
final class Lift {

    /** Drive lag, 50 ms (choice: a small geared DC motor's speed loop). */
    static final double SPEED_TAU_S = 0.05;
    /** Thrust at which the screw stalls and the lift cannot rise further (choice: above the load cell's 600 N full scale, DOMAIN.md §2). */
    static final double STALL_THRUST_N = 800.0;

    private final double maxLiftMm;
    private final double maxSpeedMmPerS;
    private double liftMm;
    private double velocityMmPerS;

    Lift(double maxLiftMm, double maxSpeedMmPerS) {
        this.maxLiftMm = maxLiftMm;
        this.maxSpeedMmPerS = maxSpeedMmPerS;
    }

    /**
     * Advances by {@code dtS}; {@code lagFactor} is 1 − exp(−dt/τ) for this step. A {@code runaway} drive
     * pushes up at full speed whatever the command, as long as it has power.
     */
    void step(double dtS, double lagFactor, double commandMmPerS, boolean driveOn, boolean runaway, double forceN) {
        double wanted = runaway ? maxSpeedMmPerS : commandMmPerS;
        double target = driveOn ? Math.max(-maxSpeedMmPerS, Math.min(maxSpeedMmPerS, wanted)) : 0;
        velocityMmPerS = driveOn ? velocityMmPerS + (target - velocityMmPerS) * lagFactor : 0;
        if (velocityMmPerS > 0 && forceN >= STALL_THRUST_N) {
            velocityMmPerS = 0;
        }
        liftMm += velocityMmPerS * dtS;
        if (liftMm < 0) {
            liftMm = 0;
            velocityMmPerS = 0;
        } else if (liftMm > maxLiftMm) {
            liftMm = maxLiftMm;
            velocityMmPerS = 0;
        }
    }

    static double lagFactor(double dtS) {
        return 1 - Math.exp(-dtS / SPEED_TAU_S);
    }

    double liftMm() {
        return liftMm;
    }

    double velocityMmPerS() {
        return velocityMmPerS;
    }
}
