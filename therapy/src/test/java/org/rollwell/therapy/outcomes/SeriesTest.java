package org.rollwell.therapy.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.diary.Diary;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.diary.EntryKind;

class SeriesTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 9, 1);

    @Test
    void the_series_hold_daily_pain_and_peg_scores_oldest_first_up_to_the_date() {
        Diary diary = new Diary(FIRST, List.of(
                new DiaryEntry.Nrs(FIRST.plusDays(1), EntryKind.NRS_DAILY, 4),
                new DiaryEntry.Peg(FIRST.minusDays(2), 6, 5, 6),
                new DiaryEntry.Nrs(FIRST.minusDays(2), EntryKind.NRS_DAILY, 6),
                new DiaryEntry.Nrs(FIRST, EntryKind.NRS_BEFORE, 6),
                new DiaryEntry.Nrs(FIRST.plusDays(9), EntryKind.NRS_DAILY, 3),
                new DiaryEntry.Peg(FIRST.plusDays(5), 4, 4, 4)));

        Series series = Series.of(diary, FIRST.plusDays(7));

        assertThat(series.firstSession()).isEqualTo(FIRST);
        assertThat(series.dailyNrs()).containsExactly(new Series.Point(FIRST.minusDays(2), 6),
                new Series.Point(FIRST.plusDays(1), 4));
        assertThat(series.weeklyPeg()).containsExactly(new Series.Point(FIRST.minusDays(2), 17 / 3.0),
                new Series.Point(FIRST.plusDays(5), 4));
    }
}
