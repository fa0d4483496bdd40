package org.rollwell.store;

import java.util.Objects;
import java.util.Optional;
import org.rollwell.therapy.diary.DiaryEntry;

/** A diary entry as stored, with its id and the session it is about (for NRS_BEFORE, NRS_AFTER, FEEDBACK). */
public record StoredDiaryEntry(String id, String profileId, Optional<String> sessionId, DiaryEntry entry) {
    public StoredDiaryEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profileId, "profileId");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(entry, "entry");
    }
}
