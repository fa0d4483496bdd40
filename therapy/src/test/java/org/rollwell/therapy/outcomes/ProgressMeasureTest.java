package org.rollwell.therapy.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.diary.Diary;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.diary.EntryKind;

/** The rules of "how Rollwell states progress", on small diaries worked by hand. */
class ProgressMeasureTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 9, 1);

    private final List<DiaryEntry> entries = new ArrayList<>();

    private void daily(LocalDate from, int... ratings) {
        for (int i = 0; i < ratings.length; i++) {
            entries.add(new DiaryEntry.Nrs(from.plusDays(i), EntryKind.NRS_DAILY, ratings[i]));
        }
    }

    private void peg(LocalDate date, int pain, int enjoyment, int activity) {
        entries.add(new DiaryEntry.Peg(date, pain, enjoyment, activity));
    }

    private Progress asOf(LocalDate date) {
        return ProgressMeasure.assess(new Diary(FIRST, entries), date);
    }

    @Test
    void baseline_and_latest_follow_the_rules_and_the_changes_are_worked_by_hand() {
        daily(FIRST.minusDays(4), 6, 7, 6, 5);                 // baseline mean 6
        peg(FIRST.minusDays(4), 6, 6, 6);                      // first PEG before: 6 (the baseline)
        peg(FIRST.minusDays(1), 9, 9, 9);                      // a later PEG before the first session is not the baseline
        daily(FIRST, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9); // days 1–14: outside the last 14 days below
        daily(FIRST.plusDays(14), 4, 3, 5, 4, 3, 4, 5, 4);      // last 14 days: 8 ratings, mean 4
        peg(FIRST.plusDays(14), 5, 5, 5);
        peg(FIRST.plusDays(27), 3, 4, 5);                      // last PEG: 4
        LocalDate asOf = FIRST.plusDays(27);

        Progress p = asOf(asOf);

        assertThat(p.baseline().nrs().getAsDouble()).isEqualTo(6.0);
        assertThat(p.baseline().peg().getAsDouble()).isEqualTo(6.0);
        assertThat(p.latest().nrs().getAsDouble()).isEqualTo(4.0);
        assertThat(p.latest().peg().getAsDouble()).isEqualTo(4.0);
        assertThat(p.recentFrom()).isEqualTo(FIRST.plusDays(14));
        assertThat(p.recentDays()).isEqualTo(8);
        assertThat(p.pegChangePct().getAsDouble()).isCloseTo(33.333, within(0.001));
        assertThat(p.nrsChangePct().getAsDouble()).isCloseTo(33.333, within(0.001));
        assertThat(p.immpact()).contains(Immpact.MODERATE);
        assertThat(p.micReached()).contains(true);
        assertThat(p.effect().orElseThrow().meanDiff()).isEqualTo(2.0);
        assertThat(p.verdict()).isEqualTo(Verdict.LIKELY_BETTER);
        assertThat(p.missing()).isEmpty();
    }

    @Test
    void two_baseline_days_are_not_enough_and_it_says_so_instead_of_a_number() {
        daily(FIRST.minusDays(2), 6, 6);
        daily(FIRST, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4);

        Progress p = asOf(FIRST.plusDays(9));

        assertThat(p.verdict()).isEqualTo(Verdict.NOT_ENOUGH_DATA);
        assertThat(p.effect()).isEmpty();
        assertThat(p.baseline().nrs()).isEmpty();
        assertThat(p.nrsChangePct()).isEmpty();
        assertThat(p.micReached()).isEmpty();
        assertThat(p.missing()).anySatisfy(line -> assertThat(line)
                .contains("baseline pain", "only 2 daily pain ratings", "at least 3"));
    }

    @Test
    void six_ratings_in_the_last_fourteen_days_are_not_enough() {
        daily(FIRST.minusDays(3), 6, 6, 6);
        daily(FIRST, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9);
        daily(FIRST.plusDays(30), 4, 4, 4, 4, 4, 4); // the last 14 days up to day 40 hold only these six

        Progress p = asOf(FIRST.plusDays(40));

        assertThat(p.verdict()).isEqualTo(Verdict.NOT_ENOUGH_DATA);
        assertThat(p.recentDays()).isEqualTo(6);
        assertThat(p.missing()).anySatisfy(line -> assertThat(line)
                .contains("recent pain", "only 6 daily pain ratings", "at least 7", "last 14 days"));
    }

    @Test
    void before_the_first_session_there_is_nothing_to_compare_yet() {
        daily(FIRST.minusDays(5), 6, 6, 6, 6, 6);
        peg(FIRST.minusDays(5), 6, 6, 6);

        Progress p = asOf(FIRST.minusDays(1));

        assertThat(p.verdict()).isEqualTo(Verdict.NOT_ENOUGH_DATA);
        assertThat(p.baseline().nrs().getAsDouble()).isEqualTo(6.0);
        assertThat(p.missing()).singleElement().asString().contains("no session yet");
    }

    @Test
    void an_empty_diary_says_every_missing_piece() {
        Progress p = asOf(FIRST.plusDays(20));
        assertThat(p.verdict()).isEqualTo(Verdict.NOT_ENOUGH_DATA);
        assertThat(p.missing()).hasSize(4);
        assertThat(String.join("\n", p.missing())).contains("baseline pain", "recent pain", "baseline PEG", "latest PEG");
    }

    @Test
    void entries_after_the_date_are_not_looked_at() {
        daily(FIRST.minusDays(3), 6, 6, 7);
        daily(FIRST, 5, 5, 5, 5, 5, 5, 5);
        LocalDate asOf = FIRST.plusDays(6);
        Progress before = asOf(asOf);
        daily(FIRST.plusDays(7), 0, 0, 0, 0, 0, 0, 0);
        peg(FIRST.plusDays(7), 0, 0, 0);

        assertThat(asOf(asOf)).isEqualTo(before);
    }

    @Test
    void a_baseline_peg_of_zero_is_stated_plainly_and_never_as_nan() {
        daily(FIRST.minusDays(3), 0, 0, 0);
        peg(FIRST.minusDays(3), 0, 0, 0);
        daily(FIRST, 1, 0, 1, 0, 1, 0, 1);
        peg(FIRST.plusDays(6), 1, 0, 2);

        Progress p = asOf(FIRST.plusDays(6));

        assertThat(p.pegChangePct()).isEmpty();
        assertThat(p.immpact()).isEmpty();
        assertThat(p.nrsChangePct()).isEmpty();
        assertThat(p.micReached()).contains(false);
        assertThat(p.verdict()).isIn(Verdict.UNCLEAR, Verdict.LIKELY_WORSE);
        assertThat(String.join("\n", p.missing())).contains("baseline PEG is 0", "baseline daily pain is 0");
    }

    @Test
    void a_worse_peg_is_band_none_and_the_progress_says_it_worsened() {
        daily(FIRST.minusDays(3), 4, 4, 5);
        peg(FIRST.minusDays(3), 4, 4, 4);
        daily(FIRST, 6, 6, 7, 6, 6, 7, 6);
        peg(FIRST.plusDays(6), 6, 6, 6);

        Progress p = asOf(FIRST.plusDays(6));

        assertThat(p.pegChangePct().getAsDouble()).isCloseTo(-50.0, within(1e-9));
        assertThat(p.immpact()).contains(Immpact.NONE);
        assertThat(p.pegWorsened()).isTrue();
        assertThat(p.verdict()).isEqualTo(Verdict.LIKELY_WORSE);
    }

    @Test
    void six_weeks_without_a_30_per_cent_peg_improvement_suggest_a_review() {
        daily(FIRST.minusDays(3), 6, 6, 6);
        peg(FIRST.minusDays(3), 6, 6, 6);
        peg(FIRST.plusDays(41), 5, 5, 5); // 16.7 % better: minimal, not moderate
        daily(FIRST.plusDays(35), 5, 5, 5, 5, 5, 5, 5);

        assertThat(asOf(FIRST.plusDays(41)).reviewSuggested()).isFalse(); // day 41: not yet six weeks
        assertThat(asOf(FIRST.plusDays(42)).reviewSuggested()).isTrue();

        peg(FIRST.plusDays(42), 4, 4, 4); // 33 % better
        assertThat(asOf(FIRST.plusDays(42)).reviewSuggested()).isFalse();
    }
}
