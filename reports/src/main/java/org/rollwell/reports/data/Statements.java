package org.rollwell.reports.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rollwell.therapy.outcomes.Progress;
import org.rollwell.therapy.outcomes.ProgressMeasure;
import org.rollwell.therapy.outcomes.Verdict;

/**
 * The plain-language sentences a clinician reads next to the figures: the verdict, the advice
 * when the massage is not helping, and the words of each PGIC answer. Written for a third
 * reader ("the person"), unlike the CLI's progress text, which speaks to the person.
 */
public final class Statements {

    /** PGIC answers 1–7 (Farrar et al. 2001, Pain 94:149; Dworkin et al. 2008). */
    private static final String[] PGIC = {"very much improved", "much improved", "minimally improved", "no change",
            "minimally worse", "much worse", "very much worse"};

    private Statements() {
    }

    /** The words of PGIC answer {@code pgic} (1–7). */
    public static String pgic(int pgic) {
        if (pgic < 1 || pgic > 7) {
            throw new IllegalArgumentException("pgic must be 1–7, was " + pgic);
        }
        return PGIC[pgic - 1];
    }

    /** The verdict in one or two sentences. */
    public static String verdict(Progress p) {
        return switch (p.verdict()) {
            case LIKELY_BETTER -> String.format(Locale.ROOT, "Likely better: the mean daily pain of the last %d days is"
                    + " lower than before the sessions, and the whole 95 %% interval of the difference (%.2f to %.2f"
                    + " points) shows less pain.", ProgressMeasure.RECENT_WINDOW_DAYS, p.effect().get().ciLow(),
                    p.effect().get().ciHigh());
            case UNCLEAR -> String.format(Locale.ROOT, "Unclear: the 95 %% interval of the difference (%.2f to %.2f"
                    + " points) holds both less and more pain than before the sessions, so the change may be day-to-day"
                    + " variation.", p.effect().get().ciLow(), p.effect().get().ciHigh());
            case LIKELY_WORSE -> String.format(Locale.ROOT, "Likely worse: the whole 95 %% interval of the difference"
                    + " (%.2f to %.2f points) shows more pain than before the sessions.", p.effect().get().ciLow(),
                    p.effect().get().ciHigh());
            case NOT_ENOUGH_DATA -> "Not enough data to compare yet: " + String.join("; ", p.missing()) + ".";
        };
    }

    /** Advice when the massage is not helping (DOMAIN.md §6), or an empty list. */
    public static List<String> advice(Progress p) {
        List<String> lines = new ArrayList<>();
        if (p.reviewSuggested()) {
            lines.add(ProgressMeasure.REVIEW_AFTER_DAYS / 7 + " weeks or more since the first session without a "
                    + (int) ProgressMeasure.REVIEW_PEG_PCT + " % improvement of the PEG.");
        }
        if (p.verdict() == Verdict.LIKELY_WORSE) {
            lines.add("Pain is higher than before the sessions: consider pausing them.");
        }
        if (p.reviewSuggested() || p.verdict() == Verdict.UNCLEAR || p.verdict() == Verdict.LIKELY_WORSE) {
            lines.add("Suggested: a clinical review of the back pain, and exercise rather than more of the same"
                    + " massage (NICE NG59 advises manual therapy only as part of a package with exercise).");
        }
        return lines;
    }
}
