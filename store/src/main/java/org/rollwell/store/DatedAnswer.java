package org.rollwell.store;

import java.time.LocalDate;
import java.util.Objects;
import org.rollwell.therapy.screening.ScreeningId;

/** One screening answer and the day it was given (DOMAIN.md §5: answers carry their date). */
public record DatedAnswer(ScreeningId id, boolean yes, LocalDate answeredOn) {
    public DatedAnswer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(answeredOn, "answeredOn");
    }
}
