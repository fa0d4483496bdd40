package org.rollwell.therapy.course;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rollwell.therapy.diary.Diary;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.diary.EntryKind;
import org.rollwell.therapy.history.PastSession;
import org.rollwell.therapy.history.SessionHistory;
import org.rollwell.therapy.outcomes.Progress;
import org.rollwell.therapy.outcomes.ProgressMeasure;

/**
 * Where a person stands in a course on a day: its phase and week, the sessions planned and
 * delivered so far, what is due today (the reminders), and once it has ended, the progress verdict
 * of {@link ProgressMeasure}. Pure: the day is handed in.
 *
 * @param course           the course
 * @param start            its first day
 * @param date             the day asked about
 * @param phase            before, during or after the course
 * @param week             the course week the day falls in, 1-based (0 before the start; the last week after the end)
 * @param plannedSoFar     sessions the course planned from its start up to the day (or its end)
 * @param deliveredSoFar   sessions delivered in that time
 * @param plannedTotal     sessions the whole course plans
 * @param due              today's reminders, in the order the app shows them
 * @param progress         the verdict, once the course has ended
 */
public record CourseStatus(Course course, LocalDate start, LocalDate date, Phase phase, int week, int plannedSoFar,
                           int deliveredSoFar, int plannedTotal, List<Due> due, Optional<Progress> progress) {

    /** Before, during or after the course. */
    public enum Phase { NOT_STARTED, RUNNING, FINISHED }

    /** The PGIC is asked 2, 4 and 6 weeks after the start (issue 13; Farrar et al. 2001 for the scale). */
    public static final List<Integer> PGIC_WEEKS = List.of(2, 4, 6);
    /** A PGIC stays due for a week after its day, and one answered up to 3 days early counts (choice). */
    public static final int PGIC_DUE_DAYS = 7;
    public static final int PGIC_EARLY_DAYS = 3;

    public CourseStatus {
        Objects.requireNonNull(course, "course");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(phase, "phase");
        due = List.copyOf(due);
        Objects.requireNonNull(progress, "progress");
    }

    /** The last day of the course. */
    public LocalDate end() {
        return start.plusDays(course.lengthDays() - 1L);
    }

    /**
     * Where the person stands in {@code course}, started on {@code start}, on {@code date}. Sessions
     * delivered come from {@code history} when given, else from the diary's session entries (a day's
     * NRS before, NRS after or feedback: as many sessions as the most of any of them that day).
     */
    public static CourseStatus on(Course course, LocalDate start, Diary diary, Optional<SessionHistory> history,
                                  LocalDate date) {
        long day = ChronoUnit.DAYS.between(start, date);
        Phase phase = day < 0 ? Phase.NOT_STARTED : day >= course.lengthDays() ? Phase.FINISHED : Phase.RUNNING;
        int week = day < 0 ? 0 : (int) Math.min(course.weeks(), day / 7 + 1);
        LocalDate last = date.isAfter(start.plusDays(course.lengthDays() - 1L)) ? start.plusDays(course.lengthDays() - 1L) : date;
        int planned = 0;
        int delivered = 0;
        for (LocalDate d = start; !d.isAfter(last); d = d.plusDays(1)) {
            if (course.days().contains(d.getDayOfWeek())) {
                planned += course.sessionsPerDay();
            }
            delivered += sessionsOn(d, diary, history);
        }
        List<Due> due = new ArrayList<>();
        if (phase == Phase.RUNNING) {
            int today = sessionsOn(date, diary, history);
            if (course.days().contains(date.getDayOfWeek()) && today < course.sessionsPerDay()) {
                due.add(new Due(Due.Kind.SESSION, "Today is a session day: " + course.minutesPerSession() + " minutes"
                        + (course.sessionsPerDay() > 1 ? ", twice, at least 4 hours apart," : "")
                        + " whenever it suits you" + (today > 0 ? " (one done already, well done)" : "") + "."));
            }
            if (!has(diary, EntryKind.NRS_DAILY, date, date)) {
                due.add(new Due(Due.Kind.NRS_DAILY, "How is your back today? A pain rating from 0 to 10 takes a few"
                        + " seconds, and it is what shows whether the sessions help."));
            }
            if (!has(diary, EntryKind.PEG, date.minusDays(6), date)) {
                due.add(new Due(Due.Kind.PEG, "It is time for this week's three questions (PEG): your average pain,"
                        + " and how much it got in the way of enjoying life and of your usual activities."));
            }
        }
        if (day >= 0) {
            for (int w : PGIC_WEEKS) {
                LocalDate on = start.plusWeeks(w);
                if (!date.isBefore(on) && date.isBefore(on.plusDays(PGIC_DUE_DAYS))
                        && !has(diary, EntryKind.PGIC, on.minusDays(PGIC_EARLY_DAYS), date)) {
                    due.add(new Due(Due.Kind.PGIC, "It has been " + w + " weeks: when you have a moment, how has your"
                            + " back changed since the course began, from 1 (very much better) to 7 (very much worse)?"));
                }
            }
        }
        Optional<Progress> progress = phase == Phase.FINISHED
                ? Optional.of(ProgressMeasure.assess(diary, date)) : Optional.empty();
        return new CourseStatus(course, start, date, phase, week, planned, delivered, course.plannedSessions(), due,
                progress);
    }

    private static int sessionsOn(LocalDate d, Diary diary, Optional<SessionHistory> history) {
        if (history.isPresent()) {
            int n = 0;
            for (PastSession s : history.get().sessions()) {
                if (s.start().toLocalDate().equals(d)) {
                    n++;
                }
            }
            return n;
        }
        int before = 0;
        int after = 0;
        int feedback = 0;
        for (DiaryEntry e : diary.entries()) {
            if (e.date().equals(d)) {
                before += e.kind() == EntryKind.NRS_BEFORE ? 1 : 0;
                after += e.kind() == EntryKind.NRS_AFTER ? 1 : 0;
                feedback += e.kind() == EntryKind.FEEDBACK ? 1 : 0;
            }
        }
        return Math.max(before, Math.max(after, feedback));
    }

    private static boolean has(Diary diary, EntryKind kind, LocalDate from, LocalDate to) {
        for (DiaryEntry e : diary.entries()) {
            if (e.kind() == kind && !e.date().isBefore(from) && !e.date().isAfter(to)) {
                return true;
            }
        }
        return false;
    }
}
