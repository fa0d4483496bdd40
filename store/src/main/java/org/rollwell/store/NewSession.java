package org.rollwell.store;

import java.util.Objects;

/**
 * What is known when a session starts.
 *
 * @param intensity the working intensity 1–10
 * @param plannedS  the plan's length, seconds
 * @param planJson  the plan as the front shows it (its segments and reasons)
 */
public record NewSession(int intensity, double plannedS, String planJson) {
    public NewSession {
        Objects.requireNonNull(planJson, "planJson");
        if (intensity < 1 || intensity > 10) {
            throw RefusedInputException.of("intensity", "must be 1–10, was " + intensity);
        }
        if (!(plannedS > 0) || Double.isInfinite(plannedS)) {
            throw RefusedInputException.of("plannedS", "must be a positive number of seconds, was " + plannedS);
        }
    }
}
