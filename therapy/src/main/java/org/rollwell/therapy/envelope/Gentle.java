package org.rollwell.therapy.envelope;

/**
 * What "gentle only" means, for {@code NO_DIAGNOSIS} and for a pain score of 8 or more
 * today (DOMAIN.md §5): intensity at most 3 (105 N on the 35 N-per-step scale), force at most
 * 150 N, and no {@code PRESS} (sustained ischemic compression is the firmest thing the bed does,
 * DOMAIN.md §4). (choice: DOMAIN.md §5 gives the 150 N for NO_DIAGNOSIS but does not define
 * "gentle"; intensity 3 is where a session starts anyway, DOMAIN.md §4 "starts low".)
 */
public final class Gentle {

    /** The highest intensity of a gentle session. */
    public static final int MAX_INTENSITY = 3;
    /** The highest roller force of a gentle session (DOMAIN.md §5, NO_DIAGNOSIS). */
    public static final double MAX_FORCE_N = 150.0;

    private Gentle() {
    }
}
