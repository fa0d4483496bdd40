package org.rollwell.therapy.profile;

import java.util.Objects;
import org.rollwell.therapy.anatomy.Level;

/**
 * One mark on the body map: where it hurts and how much, on the 0–10 numeric rating
 * scale (NRS, DOMAIN.md §6). Only painful places are marked, so {@code nrs} is 1–10.
 */
public record PainEntry(Level level, Side side, int nrs) {
    public PainEntry {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(side, "side");
        if (nrs < 1 || nrs > 10) {
            throw new IllegalArgumentException("pain NRS must be 1–10, was " + nrs);
        }
    }
}
