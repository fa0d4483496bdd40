package org.rollwell.therapy.diary;

/** What one diary entry records; the names are the file's {@code kind} values. */
public enum EntryKind {
    /** Pain now on the 0–10 numeric rating scale, once a day. */
    NRS_DAILY,
    /** Pain just before a session (0–10). */
    NRS_BEFORE,
    /** Pain just after a session (0–10). */
    NRS_AFTER,
    /** The weekly PEG (Krebs et al. 2009): pain, enjoyment, activity, each 0–10. */
    PEG,
    /** Patient Global Impression of Change, 1–7. */
    PGIC,
    /** Comfort after a session: pressure and heat. */
    FEEDBACK;

    /** Whether the entry belongs to a session (so cannot come before the first one). */
    public boolean aboutSessions() {
        return this == NRS_BEFORE || this == NRS_AFTER || this == PGIC || this == FEEDBACK;
    }
}
