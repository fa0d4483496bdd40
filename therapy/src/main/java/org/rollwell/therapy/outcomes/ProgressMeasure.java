package org.rollwell.therapy.outcomes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.rollwell.therapy.diary.Diary;
import org.rollwell.therapy.diary.DiaryEntry;

/**
 * States a person's progress from their diary as of a date, by the rules of DOMAIN.md §6 "How
 * Rollwell states progress" (choices inside the published ranges). Entries after the date are
 * not looked at, so the same diary and date always give the same answer.
 */
public final class ProgressMeasure {

    /** Fewest daily ratings before the first session for a baseline (DOMAIN.md §6: at least 3 days, choice). */
    public static final int MIN_BASELINE_DAYS = 3;
    /** The recent window compared with the baseline, in days up to and including the date (choice). */
    public static final int RECENT_WINDOW_DAYS = 14;
    /** Fewest daily ratings in the recent window: half its days (choice). */
    public static final int MIN_RECENT_DAYS = 7;
    /** After 6 weeks without a 30 % PEG improvement, suggest a clinical review and exercise (DOMAIN.md §6, choice). */
    public static final int REVIEW_AFTER_DAYS = 42;
    public static final double REVIEW_PEG_PCT = 30;

    private ProgressMeasure() {
    }

    /** The progress stated by {@code diary} as of {@code asOf}. */
    public static Progress assess(Diary diary, LocalDate asOf) {
        LocalDate first = diary.firstSessionDate();
        List<String> missing = new ArrayList<>();

        // Baseline: every daily rating before the first session; the first PEG before it.
        List<Double> baselineNrs = new ArrayList<>();
        // Recent: the last 14 days up to asOf, never reaching back before the first session
        // (so a baseline day is never also a recent day).
        LocalDate windowStart = asOf.minusDays(RECENT_WINDOW_DAYS - 1L);
        LocalDate recentFrom = windowStart.isBefore(first) ? first : windowStart;
        List<Double> recentNrs = new ArrayList<>();
        for (DiaryEntry.Nrs daily : diary.dailyNrs()) {
            if (daily.date().isAfter(asOf)) {
                continue;
            }
            if (daily.date().isBefore(first)) {
                baselineNrs.add((double) daily.nrs());
            } else if (!daily.date().isBefore(recentFrom)) {
                recentNrs.add((double) daily.nrs());
            }
        }
        OptionalDouble baselinePeg = OptionalDouble.empty();
        OptionalDouble latestPeg = OptionalDouble.empty();
        for (DiaryEntry.Peg peg : diary.pegs()) {
            if (peg.date().isAfter(asOf)) {
                continue;
            }
            if (peg.date().isBefore(first)) {
                if (baselinePeg.isEmpty()) {
                    baselinePeg = OptionalDouble.of(peg.score());
                }
            } else {
                latestPeg = OptionalDouble.of(peg.score()); // oldest first: the last one wins
            }
        }

        OptionalDouble baselineMean = OptionalDouble.empty();
        if (baselineNrs.size() >= MIN_BASELINE_DAYS) {
            baselineMean = OptionalDouble.of(WelchInterval.mean(toArray(baselineNrs)));
        } else {
            missing.add("baseline pain: " + count(baselineNrs.size()) + " before the first session on " + first
                    + "; at least " + MIN_BASELINE_DAYS + " days are needed");
        }
        OptionalDouble recentMean = OptionalDouble.empty();
        if (asOf.isBefore(first)) {
            missing.add("recent pain: no session yet on " + asOf + " (the first session is on " + first + ")");
        } else if (recentNrs.size() >= MIN_RECENT_DAYS) {
            recentMean = OptionalDouble.of(WelchInterval.mean(toArray(recentNrs)));
        } else {
            missing.add("recent pain: " + count(recentNrs.size()) + " from " + recentFrom + " to " + asOf
                    + "; at least " + MIN_RECENT_DAYS + " in the last " + RECENT_WINDOW_DAYS + " days are needed");
        }
        if (baselinePeg.isEmpty()) {
            missing.add("baseline PEG: no PEG answered before the first session on " + first);
        }
        if (latestPeg.isEmpty() && !asOf.isBefore(first)) {
            missing.add("latest PEG: no PEG answered between the first session on " + first + " and " + asOf);
        }

        OptionalDouble pegPct = OptionalDouble.empty();
        Optional<Immpact> immpact = Optional.empty();
        if (baselinePeg.isPresent() && latestPeg.isPresent()) {
            pegPct = Change.percent(baselinePeg.getAsDouble(), latestPeg.getAsDouble());
            if (pegPct.isPresent()) {
                immpact = Optional.of(Immpact.of(pegPct.getAsDouble()));
            } else {
                missing.add("PEG change in per cent: the baseline PEG is 0 (no pain or interference to reduce),"
                        + " so a per-cent change and its IMMPACT band cannot be stated");
            }
        }
        OptionalDouble nrsPct = OptionalDouble.empty();
        Optional<Boolean> mic = Optional.empty();
        Optional<Effect> effect = Optional.empty();
        Verdict verdict = Verdict.NOT_ENOUGH_DATA;
        if (baselineMean.isPresent() && recentMean.isPresent()) {
            nrsPct = Change.percent(baselineMean.getAsDouble(), recentMean.getAsDouble());
            if (nrsPct.isEmpty()) {
                missing.add("pain change in per cent: the baseline daily pain is 0 (no pain to reduce),"
                        + " so only the change in points can be stated");
            }
            mic = Optional.of(Change.micReached(baselineMean.getAsDouble(), recentMean.getAsDouble()));
            effect = Optional.of(WelchInterval.of(toArray(baselineNrs), toArray(recentNrs), WelchInterval.CONFIDENCE));
            verdict = effect.get().verdict();
        }
        boolean review = !asOf.isBefore(first.plusDays(REVIEW_AFTER_DAYS))
                && !(pegPct.isPresent() && Change.atLeast(pegPct.getAsDouble(), REVIEW_PEG_PCT));
        return new Progress(asOf, first, new Scores(baselineMean, baselinePeg), new Scores(recentMean, latestPeg),
                pegPct, nrsPct, immpact, mic, verdict, effect, missing, baselineNrs.size(), recentFrom,
                recentNrs.size(), review);
    }

    private static String count(int ratings) {
        return switch (ratings) {
            case 0 -> "no daily pain rating";
            case 1 -> "only 1 daily pain rating";
            default -> "only " + ratings + " daily pain ratings";
        };
    }

    private static double[] toArray(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }
}
