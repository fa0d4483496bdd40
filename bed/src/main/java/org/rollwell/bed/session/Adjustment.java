package org.rollwell.bed.session;

import java.util.Objects;

/**
 * The answer to a live adjustment: accepted, or refused with the limit that refused it and why,
 * naming the rule that sets it ("force 130 N is above the ceiling 108 N: 90 % of 120 N set by
 * CI_OSTEOPOROSIS").
 *
 * @param accepted whether the change now applies
 * @param limit    the limit that refused it; {@link Limit#NONE} when accepted
 * @param reason   what now applies, or why not
 */
public record Adjustment(boolean accepted, Limit limit, String reason) {
    /** What can refuse a live adjustment. */
    public enum Limit {
        /** Accepted. */
        NONE,
        /** Not a usable request (not a number, zero, negative). */
        INPUT,
        /** More than one intensity step up in one request (DOMAIN.md §5 "Dose decisions": one step at a time). */
        STEP,
        /** Above 90 % of the maximum force: the envelope's maximum is a ceiling on what is delivered (DOMAIN.md §5). */
        FORCE_CEILING,
        /** Above the envelope's intensity cap (condition, pain now, preference). */
        INTENSITY_CAP,
        /** Roller temperature above the envelope's or the bed's maximum, or below the bed's lowest target. */
        ROLLER_TEMPERATURE,
        /** Heat is off for this person. */
        HEAT_OFF
    }

    public Adjustment {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(reason, "reason");
        if (accepted != (limit == Limit.NONE)) {
            throw new IllegalArgumentException("limit: an accepted adjustment has limit NONE, a refused one names its limit");
        }
    }

    static Adjustment accept(String what) {
        return new Adjustment(true, Limit.NONE, what);
    }

    static Adjustment refuse(Limit limit, String why) {
        return new Adjustment(false, limit, why);
    }
}
