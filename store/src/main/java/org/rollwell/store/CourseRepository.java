package org.rollwell.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.rollwell.therapy.course.Course;

/**
 * The course each profile follows (docs/courses.md), at most one: chosen, replaced, left. The rules
 * of a course are {@link Course}'s own, checked when the record is made; this only keeps it.
 */
public final class CourseRepository {
    private final Transactions tx;

    CourseRepository(Transactions tx) {
        this.tx = tx;
    }

    /** The profile's course, if one is chosen. @throws NotFoundException if the profile is not in the account */
    public Optional<StoredCourse> find(String accountId, String profileId) {
        return tx.read(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            return h.createQuery("SELECT * FROM courses WHERE account_id = :account AND profile_id = :profile")
                    .bind("account", accountId).bind("profile", profileId)
                    .map((rs, ctx) -> row(rs)).findOne();
        });
    }

    /** Chooses {@code course} from {@code start}, replacing any course the profile had. */
    public StoredCourse choose(String accountId, String profileId, Course course, boolean studied, LocalDate start) {
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(start, "start");
        long now = tx.now().toEpochMilli();
        return tx.write(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            h.createUpdate("DELETE FROM courses WHERE account_id = :account AND profile_id = :profile")
                    .bind("account", accountId).bind("profile", profileId).execute();
            h.createUpdate("INSERT INTO courses (profile_id, account_id, name, studied, minutes_per_session, "
                            + "sessions_per_day, days, weeks, start_day, chosen_at_ms) VALUES (:profile, :account, :name, "
                            + ":studied, :minutes, :perDay, :days, :weeks, :start, :at)")
                    .bind("profile", profileId).bind("account", accountId).bind("name", course.name())
                    .bind("studied", studied ? 1 : 0).bind("minutes", course.minutesPerSession())
                    .bind("perDay", course.sessionsPerDay()).bind("days", days(course.days()))
                    .bind("weeks", course.weeks()).bind("start", start.toString()).bind("at", now)
                    .execute();
            return new StoredCourse(profileId, course, studied, start);
        });
    }

    /** Leaves the profile's course. @return whether it had one */
    public boolean leave(String accountId, String profileId) {
        return tx.write(h -> {
            Transactions.requireProfile(h, accountId, profileId);
            return h.createUpdate("DELETE FROM courses WHERE account_id = :account AND profile_id = :profile")
                    .bind("account", accountId).bind("profile", profileId).execute() == 1;
        });
    }

    private static String days(Set<DayOfWeek> days) {
        return EnumSet.copyOf(days).stream().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    private static StoredCourse row(ResultSet rs) throws SQLException {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : rs.getString("days").split(",")) {
            days.add(DayOfWeek.valueOf(d));
        }
        Course course = new Course(rs.getString("name"), rs.getInt("minutes_per_session"),
                rs.getInt("sessions_per_day"), days, rs.getInt("weeks"));
        return new StoredCourse(rs.getString("profile_id"), course, rs.getInt("studied") == 1,
                LocalDate.parse(rs.getString("start_day")));
    }
}
