package org.rollwell.therapy.outcomes;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Whether the massage is helping, as of one date. Every figure that cannot be stated is empty,
 * and {@link #missing()} says in plain words why: nothing is ever NaN.
 *
 * @param asOf            the date the progress is stated for
 * @param firstSession    the date of the first session
 * @param baseline        mean daily NRS before the first session, and the first PEG before it
 * @param latest          mean daily NRS of the recent window, and the last PEG since the first session
 * @param pegChangePct    (baseline − latest) / baseline × 100 of the PEG; positive is better
 * @param nrsChangePct    the same for the mean daily NRS
 * @param immpact         the IMMPACT band of the PEG change (a worsening is NONE)
 * @param micReached      whether the daily-NRS improvement reaches Ostelo's minimal important change
 * @param verdict         the n-of-1 verdict
 * @param effect          the n-of-1 effect and its 95 % interval, when there is enough data
 * @param missing         what is missing or cannot be stated, one plain sentence each
 * @param baselineDays    how many daily NRS ratings the baseline has
 * @param recentFrom      the first day of the recent window (inclusive)
 * @param recentDays      how many daily NRS ratings the recent window has
 * @param reviewSuggested six weeks or more since the first session without a 30 % PEG improvement
 */
public record Progress(LocalDate asOf, LocalDate firstSession, Scores baseline, Scores latest,
                       OptionalDouble pegChangePct, OptionalDouble nrsChangePct, Optional<Immpact> immpact,
                       Optional<Boolean> micReached, Verdict verdict, Optional<Effect> effect, List<String> missing,
                       int baselineDays, LocalDate recentFrom, int recentDays, boolean reviewSuggested) {

    public Progress {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(firstSession, "firstSession");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(pegChangePct, "pegChangePct");
        Objects.requireNonNull(nrsChangePct, "nrsChangePct");
        Objects.requireNonNull(immpact, "immpact");
        Objects.requireNonNull(micReached, "micReached");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(recentFrom, "recentFrom");
        missing = List.copyOf(missing);
        if ((verdict == Verdict.NOT_ENOUGH_DATA) == effect.isPresent()) {
            throw new IllegalArgumentException("an effect is stated exactly when there is enough data");
        }
    }

    /** Whether the PEG is worse than at baseline (its IMMPACT band is then NONE). */
    public boolean pegWorsened() {
        return pegChangePct.isPresent() && pegChangePct.getAsDouble() < 0;
    }

    /** Whole days from the first session to {@link #asOf()} (negative before it). */
    public long daysSinceFirstSession() {
        return java.time.temporal.ChronoUnit.DAYS.between(firstSession, asOf);
    }
}
