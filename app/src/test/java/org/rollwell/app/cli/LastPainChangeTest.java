package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rollwell.store.StoredDiaryEntry;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.diary.EntryKind;

/** Home Assistant's "last session's pain change": after − before of the last session rated both ways. */
class LastPainChangeTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);
    private int ids;

    private StoredDiaryEntry nrs(EntryKind kind, int nrs, String session) {
        return new StoredDiaryEntry("e" + ids++, "anna", Optional.ofNullable(session), new DiaryEntry.Nrs(MONDAY, kind, nrs));
    }

    @Test
    void the_last_session_rated_before_and_after_gives_the_change_in_points() {
        List<StoredDiaryEntry> diary = List.of(
                nrs(EntryKind.NRS_BEFORE, 7, "s1"), nrs(EntryKind.NRS_AFTER, 6, "s1"),
                nrs(EntryKind.NRS_DAILY, 5, null),
                nrs(EntryKind.NRS_BEFORE, 6, "s2"), nrs(EntryKind.NRS_AFTER, 3, "s2"));
        assertThat(LastPainChange.of(diary)).contains(-3);
    }

    @Test
    void a_session_not_yet_rated_after_leaves_the_one_before_it_as_the_last_change() {
        List<StoredDiaryEntry> diary = List.of(
                nrs(EntryKind.NRS_BEFORE, 5, "s1"), nrs(EntryKind.NRS_AFTER, 6, "s1"),
                nrs(EntryKind.NRS_BEFORE, 6, "s2"));
        assertThat(LastPainChange.of(diary)).contains(1);
    }

    @Test
    void pain_after_without_its_own_pain_before_is_no_change() {
        // an after-rating is paired only with the before-rating of the same session, never a neighbour's
        List<StoredDiaryEntry> diary = List.of(nrs(EntryKind.NRS_BEFORE, 8, "s1"), nrs(EntryKind.NRS_AFTER, 2, "s2"),
                nrs(EntryKind.NRS_DAILY, 4, null));
        assertThat(LastPainChange.of(diary)).isEmpty();
        assertThat(LastPainChange.of(List.of())).isEmpty();
    }
}
