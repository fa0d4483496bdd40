package org.rollwell.server;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.rollwell.store.StoredDiaryEntry;
import org.rollwell.store.StoredSession;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.diary.EntryKind;
import org.rollwell.therapy.diary.Heat;
import org.rollwell.therapy.diary.Pressure;
import org.rollwell.therapy.history.HistoryParser;
import org.rollwell.therapy.history.PastSession;
import org.rollwell.therapy.history.SessionHistory;

/**
 * The stored sessions that delivered anything, with what the diary says about each (pressure and heat
 * feedback, pain before and after), as the adaptation rules read a {@code rollwell.history/1} file. The
 * report (through the app's renderer, {@code rollwell report --account}) and the adaptation log of
 * /api/profiles/{id}/adaptations both read it, so they list the same changes.
 */
public final class StoredHistory {

    private StoredHistory() {
    }

    public static SessionHistory of(List<StoredSession> sessions, List<StoredDiaryEntry> entries, ZoneId zone) {
        Map<String, List<DiaryEntry>> about = new HashMap<>();
        for (StoredDiaryEntry e : entries) {
            e.sessionId().ifPresent(id -> about.computeIfAbsent(id, k -> new ArrayList<>()).add(e.entry()));
        }
        List<PastSession> past = new ArrayList<>();
        for (StoredSession s : sessions) {
            if (!(s.deliveredS() > 0)) {
                continue;
            }
            Pressure pressure = null;
            Heat heat = null;
            OptionalInt before = OptionalInt.empty();
            OptionalInt after = OptionalInt.empty();
            for (DiaryEntry e : about.getOrDefault(s.id(), List.of())) {
                if (e instanceof DiaryEntry.Feedback f) {
                    pressure = f.pressure();
                    heat = f.heat();
                } else if (e instanceof DiaryEntry.Nrs n && n.kind() == EntryKind.NRS_BEFORE) {
                    before = OptionalInt.of(n.nrs());
                } else if (e instanceof DiaryEntry.Nrs n && n.kind() == EntryKind.NRS_AFTER) {
                    after = OptionalInt.of(n.nrs());
                }
            }
            past.add(new PastSession(LocalDateTime.ofInstant(s.startedAt(), zone), s.intensity(),
                    HistoryParser.feedback(pressure), s.cem43MaxBandMin(), Optional.ofNullable(heat), before, after));
        }
        return new SessionHistory(past);
    }
}
