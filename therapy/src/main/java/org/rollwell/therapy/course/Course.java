package org.rollwell.therapy.course;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.rollwell.therapy.history.SessionHistory;
import org.rollwell.therapy.plan.SessionPlanner;

/**
 * A course: sessions of a set length on set days of the week for a number of weeks, with the
 * diary's checkpoints (daily NRS, weekly PEG, PGIC at 2, 4 and 6 weeks). The studied one is
 * {@link #STUDIED}; a person may set their own within the daily limits ({@link #problems}).
 *
 * @param name              what the person calls it
 * @param minutesPerSession each session's length, 10–60 min (DOMAIN.md §2: sessions ≤ 60 min)
 * @param sessionsPerDay    1 or 2 (DOMAIN.md §5 "Per day": at most 2 sessions a day, 4 h apart)
 * @param days              the days of the week with sessions
 * @param weeks             how many weeks it runs, 1–{@value #MAX_WEEKS}
 */
public record Course(String name, int minutesPerSession, int sessionsPerDay, Set<DayOfWeek> days, int weeks) {

    /** Longest course (choice: half a year; past it, a clinical review is due anyway, DOMAIN.md §6). */
    public static final int MAX_WEEKS = 26;

    /**
     * The course studied for thermal roller beds: 40 min a day, 5 days a week (Monday to Friday), for
     * 4 weeks (Kim et al., Healthcare 2023, n = 40; DOMAIN.md §1).
     */
    public static final Course STUDIED = new Course("studied (Kim et al. 2023)", 40, 1,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), 4);

    public Course {
        Objects.requireNonNull(name, "name");
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        List<String> problems = problems(minutesPerSession, sessionsPerDay, days, weeks);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Every reason a course of these figures is refused, as {@code field: reason}; empty when it is fine. */
    public static List<String> problems(int minutesPerSession, int sessionsPerDay, Set<DayOfWeek> days, int weeks) {
        List<String> problems = new ArrayList<>();
        if (minutesPerSession < SessionPlanner.MIN_MINUTES || minutesPerSession > SessionPlanner.MAX_MINUTES) {
            problems.add("minutesPerSession: must be " + SessionPlanner.MIN_MINUTES + "–" + SessionPlanner.MAX_MINUTES
                    + " (a session is at most " + SessionPlanner.MAX_MINUTES + " min), was " + minutesPerSession);
        }
        if (sessionsPerDay < 1 || sessionsPerDay > SessionHistory.MAX_SESSIONS_PER_DAY) {
            problems.add("sessionsPerDay: must be 1–" + SessionHistory.MAX_SESSIONS_PER_DAY + " (at most "
                    + SessionHistory.MAX_SESSIONS_PER_DAY + " sessions a day, at least "
                    + SessionHistory.MIN_GAP.toHours() + " h apart), was " + sessionsPerDay);
        }
        if (days.isEmpty()) {
            problems.add("days: at least one day of the week is needed");
        }
        if (weeks < 1 || weeks > MAX_WEEKS) {
            problems.add("weeks: must be 1–" + MAX_WEEKS + ", was " + weeks);
        }
        return problems;
    }

    /** Sessions the whole course plans. */
    public int plannedSessions() {
        return weeks * days.size() * sessionsPerDay;
    }

    /** Days the course lasts, counted from its start. */
    public int lengthDays() {
        return weeks * 7;
    }
}
