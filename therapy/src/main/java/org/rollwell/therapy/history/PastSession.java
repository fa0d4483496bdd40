package org.rollwell.therapy.history;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One earlier session, as the planner needs it: when it started, at which intensity it
 * worked, what the person said, and the highest CEM43 dose any 10 mm band received.
 *
 * @param start            when it started (local time)
 * @param intensity        the working intensity 1–10
 * @param feedback         the person's word on the pressure
 * @param cem43MaxBandMin  the highest thermal dose of any band, CEM43 minutes (0 for an unheated session)
 */
public record PastSession(LocalDateTime start, int intensity, Feedback feedback, double cem43MaxBandMin) {
    public PastSession {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(feedback, "feedback");
        if (intensity < 1 || intensity > 10) {
            throw new IllegalArgumentException("intensity must be 1–10, was " + intensity);
        }
        if (!(cem43MaxBandMin >= 0)) {
            throw new IllegalArgumentException("cem43MaxBandMin must be ≥ 0, was " + cem43MaxBandMin);
        }
    }
}
