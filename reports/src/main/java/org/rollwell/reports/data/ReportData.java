package org.rollwell.reports.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rollwell.therapy.diary.Diary;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.envelope.SafetyEnvelopes;
import org.rollwell.therapy.history.PastSession;
import org.rollwell.therapy.history.SessionHistory;
import org.rollwell.therapy.outcomes.Progress;
import org.rollwell.therapy.outcomes.ProgressMeasure;
import org.rollwell.therapy.outcomes.Series;
import org.rollwell.therapy.plan.DoseAdaptation;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.screening.Screening;
import org.rollwell.therapy.screening.Visit;

/**
 * Everything a clinician's report and the exports show, assembled once from domain objects and
 * then only read: the profile, its screening and restrictions, the diary, the progress of
 * therapy.outcomes, the sessions delivered and the adaptation log. Pure: no clock, no files.
 *
 * @param asOf        the day the report is stated for; diary entries and dated sessions after it are left out
 * @param profile     the person
 * @param screening   the screening of the profile on {@code asOf} (its own answers standing in for a check-in)
 * @param envelope    the person's limits on the reference bed, each with the rule that set it
 * @param diary       the pain diary, entries up to {@code asOf}
 * @param progress    baseline, latest, change, IMMPACT band, minimal important change, verdict
 * @param series      daily NRS and weekly PEG over time
 * @param sessions    the sessions delivered
 * @param adaptations the adaptation log: each change of dose the planner's rules made after a session
 */
public record ReportData(LocalDate asOf, Profile profile, Screening.Outcome screening, SafetyEnvelope envelope,
                         Diary diary, Progress progress, Series series, SessionSummary sessions,
                         List<Adaptation> adaptations) {

    public ReportData {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(screening, "screening");
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(diary, "diary");
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(sessions, "sessions");
        adaptations = List.copyOf(adaptations);
    }

    /**
     * The report of {@code profile} with {@code diary} and {@code records} as of {@code asOf}, on
     * the reference bed. Diary entries and dated records after {@code asOf} are not looked at.
     */
    public static ReportData assemble(Profile profile, Diary diary, List<SessionRecord> records, LocalDate asOf) {
        return assemble(profile, diary, records, SessionHistory.NONE, asOf);
    }

    /**
     * The report as {@link #assemble(Profile, Diary, List, LocalDate)}, with the adaptation log the
     * planner's rules make from {@code history} (sessions after {@code asOf} are not looked at).
     */
    public static ReportData assemble(Profile profile, Diary diary, List<SessionRecord> records, SessionHistory history,
                                      LocalDate asOf) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(diary, "diary");
        Objects.requireNonNull(asOf, "asOf");
        List<DiaryEntry> upTo = new ArrayList<>();
        for (DiaryEntry e : diary.entries()) {
            if (!e.date().isAfter(asOf)) {
                upTo.add(e);
            }
        }
        Diary shown = new Diary(diary.firstSessionDate(), upTo);
        List<SessionRecord> sessions = new ArrayList<>();
        for (SessionRecord r : records) {
            if (r.date().isEmpty() || !r.date().get().isAfter(asOf)) {
                sessions.add(r);
            }
        }
        BedLimits bed = BedLimits.REFERENCE;
        Screening.Outcome screening = Screening.screen(profile, Visit.fromProfile(profile, asOf), bed);
        SafetyEnvelope envelope = SafetyEnvelopes.forProfile(profile, profile.spineMapOrNormative(), bed);
        List<PastSession> past = new ArrayList<>();
        for (PastSession s : history.sessions()) {
            if (!s.start().toLocalDate().isAfter(asOf)) {
                past.add(s);
            }
        }
        List<Adaptation> log = new ArrayList<>();
        for (DoseAdaptation.Change c : DoseAdaptation.log(profile, envelope, bed, new SessionHistory(past))) {
            log.add(new Adaptation(c.after(), c.what(), c.why()));
        }
        return new ReportData(asOf, profile, screening, envelope, shown, ProgressMeasure.assess(shown, asOf),
                Series.of(shown, asOf), SessionSummary.of(sessions), log);
    }

    /** The PGIC answers, oldest first. */
    public List<DiaryEntry.Pgic> pgic() {
        List<DiaryEntry.Pgic> answers = new ArrayList<>();
        for (DiaryEntry e : diary.entries()) {
            if (e instanceof DiaryEntry.Pgic p) {
                answers.add(p);
            }
        }
        return answers;
    }
}
