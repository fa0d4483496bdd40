package org.rollwell.therapy.screening;

import java.time.LocalDate;
import java.util.Objects;
import org.rollwell.therapy.profile.CheckIn;
import org.rollwell.therapy.profile.Profile;

/**
 * The day a session is planned for and the check-in given for it. Therapy reads no clock:
 * the app passes "today" in (its {@code --date}, else the system date).
 *
 * @param today    the day of the session; clearances and the 6 months after surgery are counted to it
 * @param checkIn  today's check-in, or the profile's answers standing in for one
 */
public record Visit(LocalDate today, CheckIn checkIn) {

    public Visit {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(checkIn, "checkIn");
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
