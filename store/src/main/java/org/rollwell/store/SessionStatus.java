package org.rollwell.store;

/**
 * Where a stored session stands. RUNNING is the only state that changes; the others are final,
 * because each records how a real session on a real person ended.
 */
public enum SessionStatus {
    /** On the bed now; checkpointed at least every 5 s. */
    RUNNING,
    /** Ran its plan to the end. Final: the dose is what the record says. */
    COMPLETED,
    /** A safety trip ended it in the safe state. Final: the trip is in the record. */
    FAULTED,
    /** The person (or a shutdown) stopped it. Final. */
    STOPPED,
    /** The process died under it; found RUNNING at the next start. Final: delivered is its last checkpoint. */
    INTERRUPTED;

    /** Whether a running session may end in this state (INTERRUPTED is set only by the startup recovery). */
    public boolean endsARun() {
        return this == COMPLETED || this == FAULTED || this == STOPPED;
    }
}
