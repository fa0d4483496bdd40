package org.rollwell.therapy.scan;

/**
 * A stretch of the scan the rollers crossed lifted off on purpose, in carriage-centre bed mm:
 * an excluded range (implant, skin lesion ± 50 mm, DOMAIN.md §5) widened by the rollers' reach.
 * The trace has no rows inside it; the analyser bridges it and names the levels it placed there
 * by interpolation.
 *
 * @param fromMm the last position recorded in contact before the rollers lifted
 * @param toMm   the first position recorded in contact again
 */
public record LiftedRange(double fromMm, double toMm) {
    public LiftedRange {
        if (!(Double.isFinite(fromMm) && Double.isFinite(toMm) && fromMm < toMm)) {
            throw new IllegalArgumentException("lifted range: fromMm " + fromMm + " must lie below toMm " + toMm);
        }
    }

    /** True when the stretch from {@code aMm} to {@code bMm} (either order) lies across this range. */
    public boolean spans(double aMm, double bMm) {
        return Math.min(aMm, bMm) <= fromMm + 1e-9 && Math.max(aMm, bMm) >= toMm - 1e-9;
    }

    /** True when {@code positionMm} lies inside this range. */
    public boolean contains(double positionMm) {
        return positionMm > fromMm && positionMm < toMm;
    }
}
