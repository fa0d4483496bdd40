package org.rollwell.reports.data;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One change the planner made to the dose from the person's history (intensity ±1 step, roller
 * temperature −2 °C on "too hot"; DOMAIN.md §6). The planner does not adapt yet, so reports
 * carry none and say so; the type is here so the report's section has its shape.
 *
 * @param date   the session the change applied to
 * @param change what changed, e.g. "intensity 5 → 4"
 * @param why    the rule and the diary entry behind it
 */
public record Adaptation(LocalDate date, String change, String why) {
    public Adaptation {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(why, "why");
    }
}
