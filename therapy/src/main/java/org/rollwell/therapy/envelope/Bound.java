package org.rollwell.therapy.envelope;

import java.util.Objects;

/**
 * One limit of a {@link SafetyEnvelope} and the rule that set it, so every limit
 * a person meets can be explained ("max force 120 N: CI_OSTEOPOROSIS").
 *
 * @param value the limit, in the unit its name in the envelope states
 * @param setBy the rule that set it: a screening id, a condition, {@code BED}, {@code IEC_60601_1},
 *              {@code PREFERENCE}, ...
 */
public record Bound(double value, String setBy) {
    public Bound {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("a bound needs a value");
        }
        Objects.requireNonNull(setBy, "setBy");
    }

    /** The tighter (smaller) of this bound and {@code value}; ties keep the earlier rule. */
    public Bound tighten(double candidate, String rule) {
        return candidate < value ? new Bound(candidate, rule) : this;
    }
}
