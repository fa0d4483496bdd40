package org.rollwell.reports.data;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One change the planner made to the dose from the person's history (intensity ±1 step, roller
 * temperature −2 °C on "too hot"; DOMAIN.md §6), as {@code therapy.plan.DoseAdaptation} logs it.
 *
 * @param date   the day of the session whose feedback caused it; it applies from the next session
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
