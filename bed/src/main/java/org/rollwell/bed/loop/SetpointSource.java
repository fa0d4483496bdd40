package org.rollwell.bed.loop;

import org.rollwell.bed.io.SensorFrame;

/**
 * What decides the setpoints each tick: a {@code SessionRunner} or a {@code ScanRoutine}.
 * Called after the supervisor's check, so it already knows whether the bed has tripped.
 */
public interface SetpointSource {

    /**
     * Fills {@code into} for this tick from the frozen {@code sensors}. Must not allocate.
     *
     * @param status what the controllers and supervisor report of the previous ticks
     */
    void fill(SensorFrame sensors, LoopStatus status, Setpoints into);
}
