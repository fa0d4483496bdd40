package org.rollwell.bed.io;

/**
 * The commands of one tick. Reused from tick to tick. The board's motor drivers
 * close their own speed loops, so the runtime commands velocities; heater power
 * is a duty cycle per zone, with the mains relay separate from the duty so that a
 * heater whose switch has stuck on can still be cut.
 */
public final class ActuatorFrame {
    /** Carriage speed command, mm/s, positive away from home. */
    public double carriageVelocityMmPerS;
    /** Lift speed command, mm/s, positive raises the rollers into the back. */
    public double liftVelocityMmPerS;
    /** Motor drivers enabled; false lets the carriage coast to a stop and holds the lift. */
    public boolean motorsEnabled;
    /**
     * The carriage driver's own enable (its safe-torque-off input), inside {@link #motorsEnabled}: false lets the
     * carriage coast to a stop while the lift keeps its power to lower. One relay for both drives would leave a
     * runaway carriage a choice between running on and a lift held pressed into the back (issue 8).
     */
    public boolean carriageDriveEnabled = true;
    /** Heater duty per zone, 0–1. */
    public final double[] heaterDuty;
    /** Heater mains relay closed. */
    public boolean heaterMains;

    public ActuatorFrame(int heaterZones) {
        heaterDuty = new double[heaterZones];
    }

    /** Sets this frame to the safe state's commands: carriage stopped, lift lowering, heaters off. */
    public void safeState(double liftLowerMmPerS) {
        carriageVelocityMmPerS = 0;
        liftVelocityMmPerS = -Math.abs(liftLowerMmPerS);
        motorsEnabled = true;
        carriageDriveEnabled = true;
        java.util.Arrays.fill(heaterDuty, 0.0);
        heaterMains = false;
    }

    public void copyFrom(ActuatorFrame other) {
        carriageVelocityMmPerS = other.carriageVelocityMmPerS;
        liftVelocityMmPerS = other.liftVelocityMmPerS;
        motorsEnabled = other.motorsEnabled;
        carriageDriveEnabled = other.carriageDriveEnabled;
        System.arraycopy(other.heaterDuty, 0, heaterDuty, 0, heaterDuty.length);
        heaterMains = other.heaterMains;
    }
}
