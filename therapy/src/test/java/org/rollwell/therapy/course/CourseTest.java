package org.rollwell.therapy.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.diary.Diary;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.diary.EntryKind;
import org.rollwell.therapy.diary.Heat;
import org.rollwell.therapy.diary.Pressure;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.input.Problem;
import org.rollwell.therapy.outcomes.Verdict;

/** Courses: the studied schedule, a person's own within the daily limits, the reminders and the end's verdict. */
class CourseTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);

    @Test
    void the_studied_course_is_forty_minutes_five_days_a_week_for_four_weeks() {
        assertThat(Course.STUDIED.minutesPerSession()).isEqualTo(40);
        assertThat(Course.STUDIED.days()).hasSize(5).doesNotContain(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(Course.STUDIED.weeks()).isEqualTo(4);
        assertThat(Course.STUDIED.plannedSessions()).isEqualTo(20);
    }

    @Test
    void a_course_past_the_daily_limits_is_refused_with_each_reason_at_its_field() {
        ParseResult<Course> r = CourseParser.parse("mine.json", "{\"format\":\"rollwell.course/1\",\"name\":\"mine\","
                + "\"minutesPerSession\":75,\"sessionsPerDay\":3,\"days\":[\"MONDAY\"],\"weeks\":30}");
        ParseResult<Course> ok = CourseParser.parse("mine.json", "{\"format\":\"rollwell.course/1\",\"name\":\"mine\","
                + "\"minutesPerSession\":30,\"sessionsPerDay\":2,\"days\":[\"MONDAY\",\"THURSDAY\"],\"weeks\":6}");

        assertThat(r.problems()).extracting(Problem::line).containsExactly(
                "mine.json: $.minutesPerSession: must be 10–60 (a session is at most 60 min), was 75",
                "mine.json: $.sessionsPerDay: must be 1–2 (at most 2 sessions a day, at least 4 h apart), was 3",
                "mine.json: $.weeks: must be 1–26, was 30");
        assertThat(((ParseResult.Parsed<Course>) ok).value().plannedSessions()).isEqualTo(24);
        assertThatThrownBy(() -> new Course("x", 40, 1, EnumSet.noneOf(DayOfWeek.class), 4))
                .hasMessageContaining("days");
    }

    @Test
    void on_a_session_day_with_nothing_entered_the_session_the_daily_rating_and_the_peg_are_due_gently() {
        Diary diary = new Diary(MONDAY, List.of(new DiaryEntry.Nrs(MONDAY.minusDays(2), EntryKind.NRS_DAILY, 6)));

        CourseStatus s = CourseStatus.on(Course.STUDIED, MONDAY, diary, Optional.empty(), MONDAY.plusDays(2));

        assertThat(s.phase()).isEqualTo(CourseStatus.Phase.RUNNING);
        assertThat(s.week()).isEqualTo(1);
        assertThat(s.plannedSoFar()).isEqualTo(3);
        assertThat(s.deliveredSoFar()).isZero();
        assertThat(s.due()).extracting(Due::kind).containsExactly(Due.Kind.SESSION, Due.Kind.NRS_DAILY, Due.Kind.PEG);
        assertThat(s.due()).allSatisfy(d -> assertThat(d.text()).doesNotContainIgnoringCase("missed")
                .doesNotContainIgnoringCase("must").doesNotContain("!"));
    }

    @Test
    void a_saturday_with_its_rating_given_asks_for_nothing_but_the_two_week_pgic_is_due_until_answered() {
        LocalDate saturday = MONDAY.plusDays(19);
        LocalDate twoWeeks = MONDAY.plusWeeks(2);
        List<DiaryEntry> entries = new ArrayList<>(List.of(new DiaryEntry.Nrs(saturday, EntryKind.NRS_DAILY, 4),
                new DiaryEntry.Peg(saturday.minusDays(3), 4, 4, 4)));
        Diary unanswered = new Diary(MONDAY, entries);
        entries.add(new DiaryEntry.Pgic(twoWeeks.plusDays(1), 3));
        Diary answered = new Diary(MONDAY, entries);

        assertThat(CourseStatus.on(Course.STUDIED, MONDAY, unanswered, Optional.empty(), saturday).due())
                .extracting(Due::kind).containsExactly(Due.Kind.PGIC);
        assertThat(CourseStatus.on(Course.STUDIED, MONDAY, answered, Optional.empty(), saturday).due()).isEmpty();
    }

    @Test
    void at_the_end_the_course_states_the_verdict_with_sessions_delivered_against_planned() {
        List<DiaryEntry> entries = new ArrayList<>();
        for (int d = -7; d < 0; d++) {
            entries.add(new DiaryEntry.Nrs(MONDAY.plusDays(d), EntryKind.NRS_DAILY, 7 + Math.floorMod(d, 2)));
        }
        entries.add(new DiaryEntry.Peg(MONDAY.minusDays(1), 7, 7, 7));
        for (int d = 0; d < 28; d++) {
            LocalDate day = MONDAY.plusDays(d);
            entries.add(new DiaryEntry.Nrs(day, EntryKind.NRS_DAILY, 3 + d % 2));
            if (d % 7 < 5 && d != 10) { // one session day missed
                entries.add(new DiaryEntry.Nrs(day, EntryKind.NRS_BEFORE, 4));
                entries.add(new DiaryEntry.Feedback(day, Pressure.RIGHT, Heat.RIGHT));
            }
            if (d % 7 == 6) {
                entries.add(new DiaryEntry.Peg(day, 3, 3, 3));
            }
        }
        Diary diary = new Diary(MONDAY, entries);

        CourseStatus s = CourseStatus.on(Course.STUDIED, MONDAY, diary, Optional.empty(), MONDAY.plusDays(28));

        assertThat(s.phase()).isEqualTo(CourseStatus.Phase.FINISHED);
        assertThat(s.deliveredSoFar()).isEqualTo(19);
        assertThat(s.plannedSoFar()).isEqualTo(20);
        assertThat(s.progress()).get().extracting(p -> p.verdict()).isEqualTo(Verdict.LIKELY_BETTER);
        assertThat(s.due()).extracting(Due::kind).containsExactly(Due.Kind.PGIC); // the 4-week PGIC
    }
}
