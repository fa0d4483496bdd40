package org.rollwell.companion;

import org.rollwell.bed.record.SessionRecord;

/**
 * Hears a session's progress, on the companion's event thread (never the loop's): a checkpoint at least
 * every {@link BedService#CHECKPOINT_S} seconds of wall time while it runs, and its record once it ends.
 */
public interface SessionListener {
    void checkpoint(Progress progress);

    /** The final record: COMPLETED, STOPPED or FAULTED. */
    void finished(SessionRecord record, Progress progress);

    /**
     * What a session has delivered so far.
     *
     * @param deliveredS      seconds of the plan delivered
     * @param cem43MaxBandMin the highest CEM43 dose of any 10 mm band so far, minutes
     * @param segment         the segment running (0-based)
     * @param state           the session's state
     */
    record Progress(double deliveredS, double cem43MaxBandMin, int segment, String state) {
    }
}
