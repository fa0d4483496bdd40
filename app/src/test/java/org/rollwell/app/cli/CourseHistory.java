package org.rollwell.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.rollwell.therapy.diary.Diary;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.diary.EntryKind;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.envelope.SafetyEnvelopes;
import org.rollwell.therapy.history.HistoryParser;
import org.rollwell.therapy.history.HistoryWriter;
import org.rollwell.therapy.history.PastSession;
import org.rollwell.therapy.history.SessionHistory;
import org.rollwell.therapy.plan.DoseAdaptation;
import org.rollwell.therapy.profile.Profile;

/**
 * The session history of a sample diary's person, as the server would export it: one session at
 * 18:00 on each day the diary has session entries, at the intensity the planner's adaptation gave
 * after the sessions before it, with that day's pain before and after and feedback.
 */
final class CourseHistory {

    private CourseHistory() {
    }

    static SessionHistory of(Path profileFile, Path diaryFile) {
        Profile profile = PlanCommand.readProfile(profileFile);
        Diary diary = ProgressCommand.readDiary(diaryFile);
        SafetyEnvelope standing = SafetyEnvelopes.forProfile(profile, profile.spineMapOrNormative(), BedLimits.REFERENCE);
        List<PastSession> past = new ArrayList<>();
        java.time.LocalDate day = null;
        Integer before = null;
        Integer after = null;
        DiaryEntry.Feedback feedback = null;
        List<DiaryEntry> entries = new ArrayList<>(diary.entries());
        entries.add(new DiaryEntry.Pgic(java.time.LocalDate.MAX.minusDays(1), 4)); // a sentinel that ends the last day
        for (DiaryEntry e : entries) {
            if (day != null && !e.date().equals(day)) {
                if (before != null || after != null || feedback != null) {
                    DoseAdaptation.Next next = DoseAdaptation.next(profile, standing, BedLimits.REFERENCE,
                            new SessionHistory(past));
                    int intensity = (int) Math.min(standing.maxIntensity().value(), next.intensity().value());
                    past.add(new PastSession(day.atTime(18, 0), intensity, HistoryParser.feedback(
                            feedback == null ? null : feedback.pressure()), 0.4,
                            feedback == null ? Optional.empty() : Optional.of(feedback.heat()),
                            before == null ? OptionalInt.empty() : OptionalInt.of(before),
                            after == null ? OptionalInt.empty() : OptionalInt.of(after)));
                }
                before = null;
                after = null;
                feedback = null;
            }
            day = e.date();
            if (e instanceof DiaryEntry.Nrs n && n.kind() == EntryKind.NRS_BEFORE) {
                before = n.nrs();
            } else if (e instanceof DiaryEntry.Nrs n && n.kind() == EntryKind.NRS_AFTER) {
                after = n.nrs();
            } else if (e instanceof DiaryEntry.Feedback f) {
                feedback = f;
            }
        }
        return new SessionHistory(past);
    }

    static Path write(Path profileFile, Path diaryFile, Path out) throws java.io.IOException {
        return java.nio.file.Files.writeString(out, HistoryWriter.write(of(profileFile, diaryFile)));
    }
}
