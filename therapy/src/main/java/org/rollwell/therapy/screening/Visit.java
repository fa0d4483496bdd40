package org.rollwell.therapy.screening;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.rollwell.therapy.history.SessionHistory;
import java.util.Objects;
import org.rollwell.therapy.profile.CheckIn;
import org.rollwell.therapy.profile.Profile;

/**
 * The day a session is planned for and the check-in given for it. Therapy reads no clock:
 * the app passes "today" in (its {@code --date}, else the system date).
 *
 * @param today    the day of the session; clearances and the 6 months after surgery are counted to it
 * @param checkIn  today's check-in, or the profile's answers standing in for one
 * @param history    the person's earlier sessions (FIBROMYALGIA start rule, daily limits)
 * @param startTime  the session's start time of day, when known (the 4 h gap, the 24 h dose window)
 */
public record Visit(LocalDate today, CheckIn checkIn, SessionHistory history, Optional<LocalTime> startTime) {

    public Visit {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(checkIn, "checkIn");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(startTime, "startTime");
    }

    /** A visit with no earlier sessions known and no time of day. */
    public Visit(LocalDate today, CheckIn checkIn) {
        this(today, checkIn, SessionHistory.NONE, Optional.empty());
    }

    /** This visit with the person's earlier sessions and the session's start time. */
    public Visit with(SessionHistory earlier, Optional<LocalTime> at) {
        return new Visit(today, checkIn, earlier, at);
    }

    /** A visit on {@code today} whose check-in is the profile's own answers and pain today. */
    public static Visit fromProfile(Profile profile, LocalDate today) {
        return new Visit(today, CheckIn.fromProfile(profile, today));
    }

    /** The person as they are today ({@link CheckIn#applyTo}). */
    public Profile personToday(Profile profile) {
        return checkIn.applyTo(profile);
    }
}
