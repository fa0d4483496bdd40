package org.rollwell.therapy.outcomes;

/**
 * The n-of-1 effect: baseline mean daily NRS minus recent mean daily NRS, in NRS points
 * (positive: less pain now), with its 95 % Welch confidence interval.
 */
public record Effect(double meanDiff, double ciLow, double ciHigh) {

    public Effect {
        if (!Double.isFinite(meanDiff) || !Double.isFinite(ciLow) || !Double.isFinite(ciHigh)
                || ciLow > meanDiff || meanDiff > ciHigh) {
            throw new IllegalArgumentException("an effect needs finite ciLow ≤ meanDiff ≤ ciHigh, was "
                    + ciLow + " ≤ " + meanDiff + " ≤ " + ciHigh);
        }
    }

    /** The verdict the interval supports: better or worse only when it excludes no change. */
    public Verdict verdict() {
        if (ciLow > 0) {
            return Verdict.LIKELY_BETTER;
        }
        if (ciHigh < 0) {
            return Verdict.LIKELY_WORSE;
        }
        return Verdict.UNCLEAR;
    }
}
