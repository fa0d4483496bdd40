package org.rollwell.therapy.history;

/** What the person said about a session's pressure afterwards (DOMAIN.md §6, adaptation). */
public enum Feedback {
    /** The pressure was right: intensity may rise one step next time. */
    PRESSURE_RIGHT,
    /** Too strong: one step down next time. */
    TOO_STRONG,
    /** Too light. */
    TOO_LIGHT,
    /** Nothing said. */
    NONE
}
