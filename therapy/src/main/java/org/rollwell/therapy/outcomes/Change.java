package org.rollwell.therapy.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/** Change from baseline in points and per cent, and the minimal important change of Ostelo et al. */
public final class Change {

    /**
     * Ostelo et al. 2008 (Spine 33:90), low-back pain: an improvement of 30 % or of 2 points on
     * the 0–10 NRS is the minimal important change.
     */
    public static final double MIC_POINTS = 2;
    public static final double MIC_PCT = 30;

    private Change() {
    }

    /** Improvement in points: baseline − latest (positive: less pain). */
    public static double points(double baseline, double latest) {
        return baseline - latest;
    }

    /**
     * Improvement in per cent: (baseline − latest) / baseline × 100 (positive: less pain), or
     * empty when the baseline is 0, where no per cent exists (there was nothing to reduce).
     */
    public static OptionalDouble percent(double baseline, double latest) {
        if (baseline == 0) {
            return OptionalDouble.empty();
        }
        // Multiplying before dividing keeps whole-number cases exact: (10 − 9) × 100 / 10 is 10, not 9.99….
        return OptionalDouble.of((baseline - latest) * 100 / baseline);
    }

    /** Whether the daily-NRS improvement reaches the minimal important change (≥ 2 points or ≥ 30 %). */
    public static boolean micReached(double baselineNrs, double latestNrs) {
        OptionalDouble pct = percent(baselineNrs, latestNrs);
        return atLeast(points(baselineNrs, latestNrs), MIC_POINTS) || (pct.isPresent() && atLeast(pct.getAsDouble(), MIC_PCT));
    }

    /**
     * {@code value ≥ threshold}, judged on {@code value} rounded to 9 decimals, so that a mean of
     * ratings that is 30 % on paper (and 29.999999999999996 in binary) counts as 30 %.
     */
    static boolean atLeast(double value, double threshold) {
        return BigDecimal.valueOf(value).setScale(9, RoundingMode.HALF_UP).compareTo(BigDecimal.valueOf(threshold)) >= 0;
    }
}
