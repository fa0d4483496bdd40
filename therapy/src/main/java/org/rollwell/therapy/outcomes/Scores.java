package org.rollwell.therapy.outcomes;

import java.util.Objects;
import java.util.OptionalDouble;

/** Pain at one time: mean daily NRS (0–10) and a PEG score (0–10); either may be unknown. */
public record Scores(OptionalDouble nrs, OptionalDouble peg) {

    public Scores {
        Objects.requireNonNull(nrs, "nrs");
        Objects.requireNonNull(peg, "peg");
    }
}
