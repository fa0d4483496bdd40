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
 * <li><b>Stale lift command</b>: the host's lift command is obeyed only {@value #LIFT_STALE_S} s after
 * its last write; then the board lowers the lift (the carriage runs on until the motor dead-man).
 * <li><b>Motor power</b>: while the host is alive the relay follows its enable; a host that drops
 * it (a runaway drive) leaves the self-locking lift holding and the carriage braking. The board never
 * gives back power the host has taken: a stop pressed after a runaway trip keeps the drives unpowered.
 * <li><b>A lift that rises when told not to</b>: while the lift's command (the host's, or the board's own
 * lowering) is to hold or come down, a lift that climbs {@value #RISE_WHILE_LOWERING_MM} mm above the
 * lowest it reached since is a drive that obeys no command (a runaway): the board opens the motor power
 * relay and keeps it open until power-off, and the self-locking screw holds. It acts with or without a
 * host (a host hung while the drive runs away has nobody else to stop it).
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
    /**
     * The host's lift command is obeyed only this long after its last write, s; then the board lowers the lift (choice:
     * 5 missed writes at 100 Hz, half the 100 ms lateness at which the host trips LOOP_OVERRUN). Waiting for the 0.5 s
     * motor dead-man let a hung host press a light, kyphotic upper back to 1.4–2.8 × its envelope's force, by a lift
     * still rising or by the carriage running on up the back, in SessionProperties' multi-fault exploration.
     */
    static final double LIFT_STALE_S = 0.05;
    /** ... and never less than this many of the host's periods, for slow loops (BedSpec allows 10 Hz) (choice). */
    static final double LIFT_STALE_PERIODS = 2.5;
    /**
     * While told to hold or come down, a lift this far above the lowest it reached since runs away, mm (choice: a
     * healthy lift caught rising at its top speed coasts up ≤ 0.5 mm through its 50 ms drive lag; a runaway at 10 mm/s
     * passes 1 mm within ≈ 0.15 s, about as fast as the host's own rule, 0.4 mm more than its commands in 0.1 s).
     */
    static final double RISE_WHILE_LOWERING_MM = 1.0;

    private final long motorDeadmanNanos;
    private final long heaterDeadmanNanos;
    private final double lowerMmPerS;
    private final long maxLoweringNanos;
    private final long liftStaleNanos;

    private boolean motorPower;
    private long takenOverAtNanos = -1;
    /** The lowest the lift reached since its command last turned to hold or come down, mm. */
    private double lowestWhileLoweringMm;
    /** The last step's lift command asked it to rise. */
    private boolean wasRising = true;
    /** The board saw the lift drive run away: the motor power relay stays open until power-off. */
    private boolean runawayCut;

    boolean carriageDriveOn;
    boolean liftDriveOn;
    double carriageCommandMmPerS;
    double liftCommandMmPerS;

    Board(BedSpec spec) {
        this.motorDeadmanNanos = (long) (spec.motorDeadmanS() * 1e9);
        this.heaterDeadmanNanos = (long) (spec.heaterDeadmanS() * 1e9);
        this.lowerMmPerS = spec.boardLiftLowerMmPerS();
        this.maxLoweringNanos = (long) ((spec.maxLiftMm() / lowerMmPerS + LOWER_ALLOWANCE_S) * 1e9);
        this.liftStaleNanos = Math.max((long) (LIFT_STALE_S * 1e9), (long) (LIFT_STALE_PERIODS * spec.periodNanos()));
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
     * @param liftMm          the lift's true position (its lower stop is a switch on the board; the drive's own
     *                        position feedback tells the board when it rises)
     * @param carriageMmPerS  the carriage's true speed (the drive's own speed feedback)
     */
    void step(long nowNanos, long sinceWriteNanos, boolean estop, ActuatorFrame host, double liftMm, double carriageMmPerS) {
        if (!tookOver(sinceWriteNanos, estop)) {
            takenOverAtNanos = -1;
            motorPower = host.motorsEnabled && !runawayCut;
            carriageDriveOn = motorPower && host.carriageDriveEnabled;
            carriageCommandMmPerS = host.carriageVelocityMmPerS;
            // the lift obeys the host only while the host keeps writing: a host that hangs with the lift rising, or with
            // the carriage running onto a higher part of the back, must not press the rollers in until the motor dead-man
            liftCommandMmPerS = sinceWriteNanos > liftStaleNanos ? Math.min(-lowerMmPerS, host.liftVelocityMmPerS)
                    : host.liftVelocityMmPerS;
        } else {
            if (takenOverAtNanos < 0) {
                takenOverAtNanos = nowNanos;
                // the board powers the drives itself to lower the lift, whatever speeds the host last asked, but never
                // gives back power the host had cut: it cut it because a drive obeys no command, and lowering cannot stop it
                motorPower = host.motorsEnabled && !runawayCut;
            }
            carriageDriveOn = false;
            carriageCommandMmPerS = 0;
            liftCommandMmPerS = -lowerMmPerS;
            boolean done = liftMm <= 0 && Math.abs(carriageMmPerS) < STOPPED_MM_PER_S;
            // a live host that cuts the power during the stop (it saw a drive run away) is obeyed at once
            boolean hostCut = sinceWriteNanos <= motorDeadmanNanos && !host.motorsEnabled;
            if (done || hostCut || nowNanos - takenOverAtNanos > maxLoweringNanos) {
                motorPower = false;
            }
        }
        watchRunaway(liftMm);
        liftDriveOn = motorPower;
    }

    /** Opens the motor power relay for good when the lift climbs while its command is to hold or come down. */
    private void watchRunaway(double liftMm) {
        boolean rising = liftCommandMmPerS > 0;
        if (!rising && (wasRising || liftMm < lowestWhileLoweringMm)) {
            lowestWhileLoweringMm = liftMm;
        }
        wasRising = rising;
        if (!rising && motorPower && liftMm > lowestWhileLoweringMm + RISE_WHILE_LOWERING_MM) {
            runawayCut = true;
            motorPower = false;
        }
    }

    /** The motor power relay is closed. */
    boolean motorPower() {
        return motorPower;
    }
}
