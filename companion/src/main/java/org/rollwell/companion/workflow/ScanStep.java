package org.rollwell.companion.workflow;

import org.rollwell.bed.loop.ControlLoop;
import org.rollwell.bed.scan.ScanRoutine;

/** A spine scan on its loop. */
public record ScanStep(ControlLoop loop, ScanRoutine routine) implements Step {
    /** Slack for homing, contact and the return on top of the pass itself, s (choice). */
    static final double HOMING_AND_RETURN_S = 120;

    @Override
    public String state() {
        return routine.state().name();
    }

    @Override
    public String phase() {
        return routine.state().name();
    }

    @Override
    public boolean finished() {
        return routine.state().finished();
    }

    /** One pass along the travel at the scan speed, plus homing and the return. */
    @Override
    public double expectedS() {
        return loop.spec().travelMm() / ScanRoutine.SCAN_SPEED_MM_PER_S + HOMING_AND_RETURN_S;
    }
}
