package org.rollwell.sim;

import org.rollwell.bed.io.ActuatorFrame;
import org.rollwell.bed.io.BedSpec;

/**
 * The bed's own board, below the host (DOMAIN.md §5 "Independent layers"): plain code the
 * host's commands pass through and cannot override.
 *
 * <ul>
 * <li><b>Wired e-stop</b>: the button opens heater power at once; the board stops the carriage
 * (its drive's short-circuit brake) and lowers the lift itself, then drops motor power once the
 * lift rests on its lower stop (stop category 1, IEC 60204-1). The host is told, nothing waits for it.
 * <li><b>Dead-man</b>: with no write for {@link BedSpec#motorDeadmanS()} the board does the same
 * with the motors; with none for {@link BedSpec#heaterDeadmanS()} it cuts heater power (Klipper
 * MCU {@code max_duration}). A self-locking lift must never hold a person pressed.
 * <li><b>Motor power</b>: while the host is alive the relay follows its enable; a host that drops
 * it (a runaway drive) leaves the self-locking lift holding and the carriage braking.
 * </ul>
 * The bimetal cut-offs act in {@link HeaterZone}; their state is reported from there.
 */
final class Board {
    /** A carriage slower than this counts as stopped before the board drops motor power, mm/s (choice). */
    static final double STOPPED_MM_PER_S = 0.5;
    /**
     * The board drops motor power this long after it began to lower the lift even if the lift has not
     * reached its stop (choice: a failed drive must not keep power for ever).
     */
    static final double LOWER_ALLOWANCE_S = 1.0;

    private final long motorDeadmanNanos;
    private final long heaterDeadmanNanos;
    private final double lowerMmPerS;
    private final long maxLoweringNanos;

    private boolean motorPower;
    private long takenOverAtNanos = -1;

    boolean carriageDriveOn;
    boolean liftDriveOn;
    double carriageCommandMmPerS;
    double liftCommandMmPerS;

    Board(BedSpec spec) {
        this.motorDeadmanNanos = (long) (spec.motorDeadmanS() * 1e9);
        this.heaterDeadmanNanos = (long) (spec.heaterDeadmanS() * 1e9);
        this.lowerMmPerS = spec.boardLiftLowerMmPerS();
        this.maxLoweringNanos = (long) ((spec.maxLiftMm() / lowerMmPerS + LOWER_ALLOWANCE_S) * 1e9);
    }

    /** Whether the board has taken the motors from the host: the stop button, or the host silent past the motor dead-man. */
    boolean tookOver(long sinceWriteNanos, boolean estop) {
        return estop || sinceWriteNanos > motorDeadmanNanos;
    }

    /** Whether heater power may flow: the host refreshed within the heater dead-man and the stop button is not pressed. */
    boolean heatersLive(long sinceWriteNanos, boolean estop) {
        return !estop && sinceWriteNanos <= heaterDeadmanNanos;
    }

    /**
     * Decides what the drives get for one mechanical step.
     *
     * @param nowNanos        twin time
     * @param sinceWriteNanos time since the host's last write
     * @param estop           the stop button is pressed
     * @param host            the host's latched commands
     * @param liftMm          the lift's true position (its lower stop is a switch on the board)
     * @param carriageMmPerS  the carriage's true speed (the drive's own speed feedback)
     */
    void step(long nowNanos, long sinceWriteNanos, boolean estop, ActuatorFrame host, double liftMm, double carriageMmPerS) {
        if (!tookOver(sinceWriteNanos, estop)) {
            takenOverAtNanos = -1;
            motorPower = host.motorsEnabled;
            carriageDriveOn = motorPower && host.carriageDriveEnabled;
            liftDriveOn = motorPower;
            carriageCommandMmPerS = host.carriageVelocityMmPerS;
            liftCommandMmPerS = host.liftVelocityMmPerS;
            return;
        }
        if (takenOverAtNanos < 0) {
            takenOverAtNanos = nowNanos;
            // the board powers the drives itself to lower the lift, whatever the host last asked
            motorPower = true;
        }
        carriageDriveOn = false;
        carriageCommandMmPerS = 0;
        liftCommandMmPerS = -lowerMmPerS;
        boolean done = liftMm <= 0 && Math.abs(carriageMmPerS) < STOPPED_MM_PER_S;
        if (motorPower && (done || nowNanos - takenOverAtNanos > maxLoweringNanos)) {
            motorPower = false;
        }
        liftDriveOn = motorPower;
    }

    /** The motor power relay is closed. */
    boolean motorPower() {
        return motorPower;
    }
}
