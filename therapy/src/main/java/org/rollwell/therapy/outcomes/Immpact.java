package org.rollwell.therapy.outcomes;

/**
 * How much an improvement in per cent matters, in the bands of the IMMPACT recommendations
 * (Dworkin et al. 2008, J Pain 9:105): a 10–20 % reduction is minimally important, 30 %
 * moderately and 50 % substantially. Rollwell starts "minimal" at 10 %, the lower end of the
 * published 10–20 % (choice).
 */
public enum Immpact {
    /** Under 10 % better, no change, or worse. */
    NONE,
    /** 10 % to under 30 % better. */
    MINIMAL,
    /** 30 % to under 50 % better. */
    MODERATE,
    /** 50 % better or more. */
    SUBSTANTIAL;

    static final double MINIMAL_PCT = 10;
    static final double MODERATE_PCT = 30;
    static final double SUBSTANTIAL_PCT = 50;

    /** The band of an improvement of {@code improvementPct} per cent (negative: worse, which is NONE). */
    public static Immpact of(double improvementPct) {
        if (!Double.isFinite(improvementPct)) {
            throw new IllegalArgumentException("improvement must be a finite per cent, was " + improvementPct);
        }
        if (Change.atLeast(improvementPct, SUBSTANTIAL_PCT)) {
            return SUBSTANTIAL;
        }
        if (Change.atLeast(improvementPct, MODERATE_PCT)) {
            return MODERATE;
        }
        if (Change.atLeast(improvementPct, MINIMAL_PCT)) {
            return MINIMAL;
        }
        return NONE;
    }
}
