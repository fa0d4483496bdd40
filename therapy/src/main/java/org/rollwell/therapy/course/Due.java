package org.rollwell.therapy.course;

import java.util.Objects;

/**
 * Something the course asks for today, with a gentle reminder (the app reminds; it never scolds).
 *
 * @param kind  what is due
 * @param text  the reminder in the person's words
 */
public record Due(Kind kind, String text) {

    /** What may be due on a day. */
    public enum Kind { SESSION, NRS_DAILY, PEG, PGIC }

    public Due {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }
}
