package org.rollwell.therapy.profile;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import org.rollwell.therapy.screening.ScreeningId;

/**
 * Today's check-in before a session (DOMAIN.md §5, "Check-in before every session"): the
 * three symptoms-now red flags, pain now (NRS 0–10; no plan without it) and what is new
 * since last time ({@code changes}: ids that are now "yes", which reopens those questions).
 * The file format is {@code rollwell.checkin/1} ({@link CheckInParser}, docs/checkin-format.md).
 *
 * @param date        the day the answers were given
 * @param answers     symptoms-now id → yes/no, for the ids answered
 * @param painNowNrs  pain now, empty when not given (the plan is then blocked)
 * @param changes     ids that are now "yes" (an injury, surgery, clot, pregnancy, new medicine)
 * @param source      where the check-in came from
 */
public record CheckIn(LocalDate date, Map<ScreeningId, Boolean> answers, OptionalInt painNowNrs,
        Set<ScreeningId> changes, Source source) {

    /** The format identifier a check-in file must carry. */
    public static final String FORMAT = "rollwell.checkin/1";

    /** Where a check-in's answers came from. */
    public enum Source {
        /** The person checked in today (a check-in file or a scenario's {@code checkIn}). */
        CHECK_IN,
        /** No check-in was given: the profile's answers and {@code painTodayNrs} stand in for it. */
        PROFILE
    }

    public CheckIn {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(painNowNrs, "painNowNrs");
        Objects.requireNonNull(source, "source");
        if (painNowNrs.isPresent() && (painNowNrs.getAsInt() < 0 || painNowNrs.getAsInt() > 10)) {
            throw new IllegalArgumentException("painNowNrs must be 0–10, was " + painNowNrs.getAsInt());
        }
        EnumMap<ScreeningId, Boolean> answerCopy = new EnumMap<>(ScreeningId.class);
        answerCopy.putAll(answers);
        for (ScreeningId id : answerCopy.keySet()) {
            if (!id.symptomNow()) {
                throw new IllegalArgumentException("a check-in answers only the symptoms-now red flags, not " + id);
            }
        }
        answers = Collections.unmodifiableMap(answerCopy);
        changes = Collections.unmodifiableSet(changes.isEmpty() ? EnumSet.noneOf(ScreeningId.class) : EnumSet.copyOf(changes));
        for (ScreeningId id : changes) {
            if (!changeable(id)) {
                throw new IllegalArgumentException("a check-in's changes cannot hold " + id);
            }
        }
    }

    /** The profile's own answers and {@code painTodayNrs} as today's check-in on {@code today}. */
    public static CheckIn fromProfile(Profile profile, LocalDate today) {
        Map<ScreeningId, Boolean> answers = new EnumMap<>(ScreeningId.class);
        for (Map.Entry<ScreeningId, Boolean> answer : profile.answers().entrySet()) {
            if (answer.getKey().symptomNow()) {
                answers.put(answer.getKey(), answer.getValue());
            }
        }
        return new CheckIn(today, answers, profile.painTodayNrs(), Set.of(), Source.PROFILE);
    }

    /**
     * Whether {@code id} may be listed as new since last time: not a symptoms-now flag (those are
     * answered every time) and not {@code NO_DIAGNOSIS} (an assessment does not come undone).
     */
    public static boolean changeable(ScreeningId id) {
        return !id.symptomNow() && id != ScreeningId.NO_DIAGNOSIS;
    }

    /**
     * The person as they are today: the profile's answers with the symptoms-now flags replaced by
     * this check-in's (unanswered here stays unanswered, never "no"), every change answered yes,
     * and pain now as {@code painTodayNrs}.
     */
    public Profile applyTo(Profile profile) {
        Map<ScreeningId, Boolean> today = new EnumMap<>(ScreeningId.class);
        for (Map.Entry<ScreeningId, Boolean> answer : profile.answers().entrySet()) {
            if (!answer.getKey().symptomNow()) {
                today.put(answer.getKey(), answer.getValue());
            }
        }
        today.putAll(answers);
        for (ScreeningId id : changes) {
            today.put(id, true);
        }
        return profile.withToday(today, painNowNrs);
    }
}
