package org.rollwell.bed.motion;

/**
 * An online trapezoidal motion profile: a reference that moves towards its target at
 * no more than the cruise speed and the acceleration limit, braking in time to stop on
 * it. Re-planned every tick, so the target may change at any time (a KNEAD stroke
 * reverses, a ROLL turns at the end of its span). DOMAIN.md §2: ≤ 80 mm/s, ≤ 300 mm/s².
 */
public final class TrapezoidProfile {
    private final double maxAccelMmPerS2;
    private double positionMm;
    private double velocityMmPerS;

    public TrapezoidProfile(double maxAccelMmPerS2) {
        if (!(maxAccelMmPerS2 > 0)) {
            throw new IllegalArgumentException("maxAccelMmPerS2 must be positive, was " + maxAccelMmPerS2);
        }
        this.maxAccelMmPerS2 = maxAccelMmPerS2;
    }

    /** Restarts the profile at rest at {@code positionMm}. */
    public void reset(double positionMm) {
        this.positionMm = positionMm;
        this.velocityMmPerS = 0;
    }

    /** Advances the reference by {@code dtS} towards {@code targetMm} at up to {@code cruiseMmPerS}. */
    public void step(double targetMm, double cruiseMmPerS, double dtS) {
        double distanceMm = targetMm - positionMm;
        double dv = maxAccelMmPerS2 * dtS;
        if (Math.abs(distanceMm) <= Math.abs(velocityMmPerS) * dtS + 1e-9 && Math.abs(velocityMmPerS) <= dv) {
            positionMm = targetMm;
            velocityMmPerS = 0;
            return;
        }
        // Braking curve v = sqrt(2 a d): the fastest speed from which the reference still stops on the target.
        double brakingMmPerS = Math.sqrt(2 * maxAccelMmPerS2 * Math.abs(distanceMm));
        double wantedMmPerS = Math.copySign(Math.min(Math.abs(cruiseMmPerS), brakingMmPerS), distanceMm);
        double change = wantedMmPerS - velocityMmPerS;
        if (change > dv) {
            change = dv;
        } else if (change < -dv) {
            change = -dv;
        }
        velocityMmPerS += change;
        double next = positionMm + velocityMmPerS * dtS;
        if ((targetMm - positionMm) * (targetMm - next) < 0 && Math.abs(velocityMmPerS) <= dv) {
            // land on the target; the last bit of speed goes next tick, inside the acceleration limit
            next = targetMm;
        }
        positionMm = next;
    }

    public double positionMm() {
        return positionMm;
    }

    public double velocityMmPerS() {
        return velocityMmPerS;
    }

    /** The reference stands on {@code targetMm}. */
    public boolean reached(double targetMm) {
        return velocityMmPerS == 0 && Math.abs(positionMm - targetMm) < 1e-6;
    }
}
