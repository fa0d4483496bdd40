package org.rollwell.therapy.outcomes;

/** The n-of-1 answer to "is it helping me?", from the 95 % interval of the change in daily pain. */
public enum Verdict {
    /** The whole interval shows less pain than at baseline. */
    LIKELY_BETTER,
    /** The interval holds both less and more pain (or no change). */
    UNCLEAR,
    /** The whole interval shows more pain than at baseline. */
    LIKELY_WORSE,
    /** Too few baseline or recent days to compare; {@link Progress#missing()} says which. */
    NOT_ENOUGH_DATA
}
