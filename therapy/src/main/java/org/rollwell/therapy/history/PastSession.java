package org.rollwell.therapy.history;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.rollwell.therapy.diary.Heat;

/**
 * One earlier session, as the planner needs it: when it started, at which intensity it
 * worked, what the person said about it, the highest CEM43 dose any 10 mm band received, and
 * the pain just before and just after it (DOMAIN.md §6: the adaptation rules read these).
 *
 * @param start            when it started (local time)
 * @param intensity        the working intensity 1–10
 * @param feedback         the person's word on the pressure
 * @param cem43MaxBandMin  the highest thermal dose of any band, CEM43 minutes (0 for an unheated session)
 * @param heat             the person's word on the heat, when given
 * @param nrsBefore        pain (NRS 0–10) just before the session, when given
 * @param nrsAfter         pain (NRS 0–10) just after the session, when given
 */
public record PastSession(LocalDateTime start, int intensity, Feedback feedback, double cem43MaxBandMin,
                          Optional<Heat> heat, OptionalInt nrsBefore, OptionalInt nrsAfter) {
    public PastSession {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(heat, "heat");
        Objects.requireNonNull(nrsBefore, "nrsBefore");
        Objects.requireNonNull(nrsAfter, "nrsAfter");
        if (intensity < 1 || intensity > 10) {
            throw new IllegalArgumentException("intensity must be 1–10, was " + intensity);
        }
        if (!(cem43MaxBandMin >= 0)) {
            throw new IllegalArgumentException("cem43MaxBandMin must be ≥ 0, was " + cem43MaxBandMin);
        }
        requireNrs("nrsBefore", nrsBefore);
        requireNrs("nrsAfter", nrsAfter);
    }

    /** A session with only its pressure feedback known (no word on the heat, no pain before or after). */
    public PastSession(LocalDateTime start, int intensity, Feedback feedback, double cem43MaxBandMin) {
        this(start, intensity, feedback, cem43MaxBandMin, Optional.empty(), OptionalInt.empty(), OptionalInt.empty());
    }

    /** How much the pain rose over the session (after − before), when both were given. */
    public OptionalInt painRise() {
        return nrsBefore.isPresent() && nrsAfter.isPresent()
                ? OptionalInt.of(nrsAfter.getAsInt() - nrsBefore.getAsInt()) : OptionalInt.empty();
    }

    private static void requireNrs(String name, OptionalInt nrs) {
        if (nrs.isPresent() && (nrs.getAsInt() < 0 || nrs.getAsInt() > 10)) {
            throw new IllegalArgumentException(name + " must be 0–10, was " + nrs.getAsInt());
        }
    }
}
