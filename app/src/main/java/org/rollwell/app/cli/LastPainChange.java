package org.rollwell.app.cli;

import java.util.List;
import java.util.Optional;
import org.rollwell.store.StoredDiaryEntry;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.diary.EntryKind;

/**
 * The pain change of a person's last rated session for Home Assistant's {@code pain_change}
 * sensor: the pain after the session minus the pain before it (NRS points, so −2 is 2 points
 * better), from the diary entries the app stores with each session.
 */
final class LastPainChange {

    private LastPainChange() {
    }

    /**
     * The change of the last session that has both ratings; empty when no session has both yet.
     *
     * @param entries the profile's diary by day and then as entered (as the store lists it)
     */
    static Optional<Integer> of(List<StoredDiaryEntry> entries) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            StoredDiaryEntry after = entries.get(i);
            if (after.entry().kind() != EntryKind.NRS_AFTER || after.sessionId().isEmpty()) {
                continue;
            }
            for (int j = i - 1; j >= 0; j--) {
                StoredDiaryEntry before = entries.get(j);
                if (before.entry().kind() == EntryKind.NRS_BEFORE && before.sessionId().equals(after.sessionId())) {
                    return Optional.of(nrs(after) - nrs(before));
                }
            }
        }
        return Optional.empty();
    }

    private static int nrs(StoredDiaryEntry e) {
        return ((DiaryEntry.Nrs) e.entry()).nrs();
    }
}
