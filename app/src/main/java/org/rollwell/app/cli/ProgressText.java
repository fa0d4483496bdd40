package org.rollwell.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalDouble;
import org.rollwell.therapy.outcomes.Change;
import org.rollwell.therapy.outcomes.Effect;
import org.rollwell.therapy.outcomes.Progress;
import org.rollwell.therapy.outcomes.ProgressMeasure;
import org.rollwell.therapy.outcomes.Verdict;

/**
 * Progress in plain words for the person (and whoever they show it to): each figure with what
 * it measures, the published threshold it is held against and where that comes from, and an
 * honest word on what massage can do when the pain is not improving.
 */
final class ProgressText {

    private ProgressText() {
    }

    static void print(Progress p, PrintWriter out) {
        long day = p.daysSinceFirstSession();
        out.println("Progress as of " + p.asOf() + (day >= 0
                ? " (day " + (day + 1) + ", counting the first session on " + p.firstSession() + " as day 1)"
                : " (the first session is on " + p.firstSession() + ")"));
        out.println();
        pain(p, out);
        out.println();
        peg(p, out);
        out.println();
        verdict(p, out);
        if (!p.missing().isEmpty()) {
            out.println();
            out.println("Not stated yet, and why:");
            p.missing().forEach(line -> wrapped("  - ", line, out));
        }
        out.println();
        advice(p, out);
    }

    private static void pain(Progress p, PrintWriter out) {
        out.println("Daily pain (NRS: 0 = no pain, 10 = the worst pain you can imagine)");
        out.println("  before the sessions: " + score(p.baseline().nrs()) + "  (" + ratings(p.baseline().nrs(),
                p.baselineDays(), ProgressMeasure.MIN_BASELINE_DAYS) + " before " + p.firstSession() + ")");
        out.println("  last 14 days:        " + score(p.latest().nrs()) + "  (" + (p.daysSinceFirstSession() < 0
                ? "no session yet"
                : ratings(p.latest().nrs(), p.recentDays(), ProgressMeasure.MIN_RECENT_DAYS) + " from " + p.recentFrom()
                        + " to " + p.asOf()) + ")");
        change(p.baseline().nrs(), p.latest().nrs(), p.nrsChangePct(), out);
        p.micReached().ifPresent(reached -> out.println("  Minimal important change (Ostelo et al. 2008, low-back pain:"
                + " 2 points or 30 % less): " + (reached ? "reached." : "not reached.")));
    }

    private static void peg(Progress p, PrintWriter out) {
        out.println("PEG (Krebs et al. 2009): the mean of three 0–10 ratings for the past week: average Pain,");
        out.println("  and how much pain interfered with Enjoyment of life and with General activity");
        out.println("  before the sessions: " + score(p.baseline().peg()) + "  (the first PEG before " + p.firstSession() + ")");
        out.println("  latest:              " + score(p.latest().peg()) + "  (the last PEG up to " + p.asOf() + ")");
        change(p.baseline().peg(), p.latest().peg(), p.pegChangePct(), out);
        p.immpact().ifPresent(band -> wrapped("  ", "IMMPACT band (Dworkin et al. 2008: 10 % minimal, 30 % moderate,"
                + " 50 % substantial improvement): " + band + (p.pegWorsened() ? ", because the PEG is worse than before" : "")
                + ".", out));
    }

    private static void change(OptionalDouble baseline, OptionalDouble latest, OptionalDouble pct, PrintWriter out) {
        if (baseline.isEmpty() || latest.isEmpty()) {
            return;
        }
        double points = Change.points(baseline.getAsDouble(), latest.getAsDouble());
        String pointsText = Math.abs(points) < 0.05 ? "no change in points"
                : String.format(Locale.ROOT, "%.1f points %s", Math.abs(points), points > 0 ? "less" : "more");
        String pctText = pct.isEmpty() ? "no per cent (the baseline is 0)"
                : Math.abs(pct.getAsDouble()) < 0.05 ? "0.0 %"
                : String.format(Locale.ROOT, "%.1f %% %s", Math.abs(pct.getAsDouble()), pct.getAsDouble() > 0 ? "better" : "worse");
        out.println("  change:               " + pointsText + ", " + pctText);
    }

    private static void verdict(Progress p, PrintWriter out) {
        out.println("Is it helping? " + p.verdict());
        Effect e = p.effect().orElse(null);
        String why = switch (p.verdict()) {
            case LIKELY_BETTER -> "Likely better: your daily pain in the last 14 days is lower than before the sessions,"
                    + " and the whole 95 % interval shows less pain, so day-to-day ups and downs are an unlikely explanation.";
            case UNCLEAR -> "Unclear: the 95 % interval holds both less and more pain than before the sessions,"
                    + " so the difference may be day-to-day ups and downs.";
            case LIKELY_WORSE -> "Likely worse: the whole 95 % interval shows more pain than before the sessions.";
            case NOT_ENOUGH_DATA -> "Not enough data to compare yet: at least " + ProgressMeasure.MIN_BASELINE_DAYS
                    + " daily ratings before the first session and " + ProgressMeasure.MIN_RECENT_DAYS
                    + " in the last " + ProgressMeasure.RECENT_WINDOW_DAYS + " days are needed.";
        };
        wrapped("  ", why, out);
        if (e != null) {
            wrapped("  ", String.format(Locale.ROOT, "Before minus last 14 days: %.2f points (95 %% interval %.2f to %.2f;"
                    + " positive means less pain now).", e.meanDiff(), e.ciLow(), e.ciHigh()), out);
            wrapped("  ", "The interval is Welch's (Welch 1947), which does not assume both periods vary alike; it"
                    + " treats days as independent, which they are not quite, so read it as a guide, not a proof.", out);
        }
    }

    private static void advice(Progress p, PrintWriter out) {
        boolean notImproving = p.verdict() == Verdict.UNCLEAR || p.verdict() == Verdict.LIKELY_WORSE;
        if (p.reviewSuggested()) {
            wrapped("", "It is " + ProgressMeasure.REVIEW_AFTER_DAYS / 7 + " weeks or more since the first session without a "
                    + (int) ProgressMeasure.REVIEW_PEG_PCT + " % improvement of the PEG.", out);
        }
        if (p.verdict() == Verdict.LIKELY_WORSE) {
            wrapped("", "Your pain is higher than before the sessions: consider pausing them and talking to a clinician.", out);
        }
        if (p.reviewSuggested() || notImproving) {
            wrapped("", "Please ask a clinician to review your back pain, and keep moving with exercise rather than"
                    + " simply more massage.", out);
        }
        out.println();
        wrapped("", "What massage can do: the evidence is modest. A Cochrane review (Furlan et al. 2015) found short-term"
                + " benefit for low-back pain with low-quality evidence, and NICE NG59 (2016) advises manual therapy only"
                + " together with exercise. This diary tells whether it helps you.", out);
    }

    private static String ratings(OptionalDouble mean, int count, int needed) {
        String ratings = count + " daily rating" + (count == 1 ? "" : "s");
        return mean.isPresent() ? "mean of " + ratings : ratings + ", " + needed + " needed";
    }

    /** {@code text} in lines of at most 100 characters, each after {@code indent}. */
    private static void wrapped(String indent, String text, PrintWriter out) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > 100) {
                out.println(line);
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }

    private static String score(OptionalDouble value) {
        return value.isPresent() ? String.format(Locale.ROOT, "%4.1f", value.getAsDouble()) : " n/a";
    }
}
