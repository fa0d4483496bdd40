package org.rollwell.therapy.profile;

/**
 * The person's comfort limits. They only ever tighten the safety envelope.
 *
 * @param intensity       the strongest intensity (1–10) the person wants; the planner works at it
 * @param maxRollerTempC  the hottest roller surface the person wants (30–65 °C, the settable range of DOMAIN.md §2)
 * @param heat            whether the person wants heated rollers at all
 */
public record Preferences(int intensity, double maxRollerTempC, boolean heat) {

    /**
     * Used for anything a profile leaves out: intensity 3 because intensity is personal and
     * starts low (DOMAIN.md §4), rollers at most 45 °C, the low end of what commercial beds use
     * (Dmochowski et al. 2022, DOMAIN.md §2) (choice).
     */
    public static final Preferences DEFAULT = new Preferences(3, 45.0, true);

    public Preferences {
        if (intensity < 1 || intensity > 10) {
            throw new IllegalArgumentException("intensity must be 1–10, was " + intensity);
        }
        if (!(maxRollerTempC >= 30 && maxRollerTempC <= 65)) {
            throw new IllegalArgumentException("maxRollerTempC must be 30–65 °C, was " + maxRollerTempC);
        }
    }
}
