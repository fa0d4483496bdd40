package org.rollwell.companion;

import java.util.Objects;

/** The bed cannot do what was asked now, and why in words a person can act on. */
public final class BedRefusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a start was refused. */
    public enum Why {
        /** Another session or scan uses the bed. */
        BUSY,
        /** The presence mat reports nobody: motion never starts on an empty bed (DOMAIN.md §5 "Moving parts"). */
        EMPTY,
        /** A fault stands unacknowledged. */
        FAULTED,
        /** A service lock forbids it (the lift is locked). */
        LOCKED,
        /** The plan does not fit the bed. */
        PLAN,
        /** Nothing runs that the request could act on. */
        NOTHING_RUNNING
    }

    private final Why why;

    public BedRefusal(Why why, String message) {
        super(message, null, false, false);
        this.why = Objects.requireNonNull(why, "why");
    }

    public Why why() {
        return why;
    }
}
