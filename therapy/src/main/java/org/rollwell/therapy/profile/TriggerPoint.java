package org.rollwell.therapy.profile;

import java.util.Objects;
import org.rollwell.therapy.anatomy.Level;

/** A tender knot the person (or their therapist) marked, for {@code PRESS} (DOMAIN.md §4). */
public record TriggerPoint(Level level, Side side) {
    public TriggerPoint {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(side, "side");
    }
}
