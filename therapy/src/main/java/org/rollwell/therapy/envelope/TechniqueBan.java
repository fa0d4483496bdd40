package org.rollwell.therapy.envelope;

import java.util.Objects;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.technique.Technique;

/**
 * A technique that must not be used between two levels (inclusive), and the rule
 * that says so, e.g. no {@code PRESS} on L4–S1 with sciatica (DOMAIN.md §5).
 */
public record TechniqueBan(Technique technique, Level from, Level to, String setBy) {
    public TechniqueBan {
        Objects.requireNonNull(technique, "technique");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(setBy, "setBy");
        if (to.isAbove(from)) {
            throw new IllegalArgumentException("technique ban: " + to + " lies above " + from);
        }
    }

    /** True when this ban forbids {@code t} anywhere on the span from {@code a} to {@code b}. */
    public boolean forbids(Technique t, Level a, Level b) {
        return t == technique && a.ordinal() <= to.ordinal() && b.ordinal() >= from.ordinal();
    }
}
