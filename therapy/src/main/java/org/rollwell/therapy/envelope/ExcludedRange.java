package org.rollwell.therapy.envelope;

import java.util.Objects;

/**
 * A stretch of the bed the rollers must not press on, in bed millimetres,
 * e.g. a skin lesion or an implant with its ±50 mm margin (DOMAIN.md §5).
 */
public record ExcludedRange(double fromMm, double toMm, String reason) {
    public ExcludedRange {
        if (!(fromMm <= toMm)) {
            throw new IllegalArgumentException("excluded range: fromMm " + fromMm + " must not exceed toMm " + toMm);
        }
        Objects.requireNonNull(reason, "reason");
    }

    public boolean contains(double positionMm) {
        return positionMm >= fromMm && positionMm <= toMm;
    }

    /** True when [aMm, bMm] (either order) overlaps this range. */
    public boolean overlaps(double aMm, double bMm) {
        return Math.max(aMm, bMm) >= fromMm && Math.min(aMm, bMm) <= toMm;
    }
}
