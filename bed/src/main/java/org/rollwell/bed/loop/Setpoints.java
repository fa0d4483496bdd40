package org.rollwell.bed.loop;

/**
 * What the setpoint source (session runner or scan routine) asks of the controllers in
 * one tick. Reused from tick to tick; the source overwrites every field it cares about.
 */
public final class Setpoints {

    /** How the carriage is driven. */
    public enum Carriage { HOLD, MOVE, HOME }

    /** How the lift is driven. */
    public enum Lift { LOWER, FORCE, POSITION }

    public Carriage carriage = Carriage.HOLD;
    /** Target position for {@link Carriage#MOVE}, mm from home. */
    public double carriageTargetMm;
    /** Cruise speed of the profile towards the target, mm/s. */
    public double carriageSpeedMmPerS;

    public Lift lift = Lift.LOWER;
    /** Target roller force for {@link Lift#FORCE}, N. */
    public double forceTargetN;
    /** Target lift for {@link Lift#POSITION}, mm. */
    public double liftTargetMm;
    /** Force the lift must not exceed while position-controlled ({@code STRETCH}), N. */
    public double liftForceLimitN;

    /** Roller target per heater zone, °C; 0 means heater off. */
    public final double[] zoneTargetC;

    public Setpoints(int heaterZones) {
        zoneTargetC = new double[heaterZones];
    }

    /** Carriage held, lift lowered, heaters off. */
    public void rest() {
        carriage = Carriage.HOLD;
        lift = Lift.LOWER;
        forceTargetN = 0;
        java.util.Arrays.fill(zoneTargetC, 0.0);
    }

    public void heatAll(double tempC) {
        java.util.Arrays.fill(zoneTargetC, tempC);
    }

    public void moveTo(double targetMm, double speedMmPerS) {
        carriage = Carriage.MOVE;
        carriageTargetMm = targetMm;
        carriageSpeedMmPerS = speedMmPerS;
    }

    public void press(double forceN) {
        lift = forceN > 0 ? Lift.FORCE : Lift.LOWER;
        forceTargetN = forceN;
    }

    public boolean heating() {
        for (double t : zoneTargetC) {
            if (t > 0) {
                return true;
            }
        }
        return false;
    }
}
