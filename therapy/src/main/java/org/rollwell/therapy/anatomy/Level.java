package org.rollwell.therapy.anatomy;

import java.util.Locale;
import java.util.Optional;

/**
 * The vertebral levels Rollwell locates on a back, from the base of the neck (C7)
 * to the top of the sacrum (S1), in head-to-sacrum order. The order of the
 * constants is the order along the bed: a lower ordinal lies nearer the head.
 */
public enum Level {
    C7, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, L1, L2, L3, L4, L5, S1;

    /** The level's region of the spine. */
    public Region region() {
        return Region.of(this);
    }

    /** True when this level lies nearer the head than {@code other}. */
    public boolean isAbove(Level other) {
        return ordinal() < other.ordinal();
    }

    /** Parses {@code "t7"} or {@code "T7"}; empty for anything that is not a level. */
    public static Optional<Level> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
