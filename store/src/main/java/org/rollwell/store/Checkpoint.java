package org.rollwell.store;

import java.util.Objects;

/**
 * What a running session has delivered so far, saved at least every 5 s (issue 11: after a crash
 * the session is recorded with what was delivered up to its last checkpoint).
 *
 * @param deliveredS      seconds of the plan delivered so far
 * @param cem43MaxBandMin the highest CEM43 dose of any 10 mm band so far, minutes
 * @param progressJson    the front's own progress (segment, per-segment delivered dose), kept as given
 */
public record Checkpoint(double deliveredS, double cem43MaxBandMin, String progressJson) {
    public Checkpoint {
        Objects.requireNonNull(progressJson, "progressJson");
        requireAmount("deliveredS", deliveredS);
        requireAmount("cem43MaxBandMin", cem43MaxBandMin);
    }

    static void requireAmount(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw RefusedInputException.of(field, "must be a finite number ≥ 0, was " + value);
        }
    }
}
