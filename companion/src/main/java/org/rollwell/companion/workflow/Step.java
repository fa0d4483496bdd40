package org.rollwell.companion.workflow;

import org.rollwell.bed.loop.ControlLoop;
import org.rollwell.bed.loop.Setpoints;

/** A part of the workflow that moves the bed: a scan or a session, with the loop that ticks it. */
public sealed interface Step permits ScanStep, SessionStep {
    ControlLoop loop();

    /** The routine's state: HOMING, RUNNING, SCANNING, ... */
    String state();

    /** The state, or the technique while a session runs: what a phase-timed fault or a trace keys on. */
    String phase();

    /** Whether the scan or session has ended, either way. */
    boolean finished();

    /** Seconds the step is expected to take on the bed's clock, before any slack. */
    double expectedS();

    /** The force the loop aims at now, N (0 while the lift is not force-controlled). */
    default double forceTargetN() {
        Setpoints sp = loop().setpoints();
        return sp.lift == Setpoints.Lift.FORCE ? sp.forceTargetN : 0.0;
    }

    /** Heaters off with the mains open and the lift lowered, as the loop commands them: where a pacer may stop ticking. */
    default boolean atRest() {
        ControlLoop loop = loop();
        if (loop.commands().heaterMains || !loop.status().liftLowered) {
            return false;
        }
        for (double duty : loop.commands().heaterDuty) {
            if (duty > 0) {
                return false;
            }
        }
        return true;
    }
}
