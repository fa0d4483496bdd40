package org.rollwell.bed.session;

import java.util.Objects;

/**
 * The answer to a live adjustment: accepted, or refused with the reason and the rule
 * that sets the limit ("force 260 N is above the maximum 200 N set by DEGENERATION").
 */
public record Adjustment(boolean accepted, String reason) {
    public Adjustment {
        Objects.requireNonNull(reason, "reason");
    }

    static Adjustment accept(String what) {
        return new Adjustment(true, what);
    }

    static Adjustment refuse(String why) {
        return new Adjustment(false, why);
    }
}
