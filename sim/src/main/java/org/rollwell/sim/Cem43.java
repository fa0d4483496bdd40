package org.rollwell.sim;

/**
 * The CEM43 thermal dose rate (Sapareto &amp; Dewey 1984, DOMAIN.md §5): equivalent
 * minutes at 43 °C per minute at temperature T, R^(43 − T) with R = 0.5 at or above
 * 43 °C and 0.25 below. Tabulated every 0.05 °C from 20 to 90 °C and interpolated
 * linearly (relative error below 1e-3), so the per-band update costs no pow().
 *
 * <p>The twin's own copy on purpose: Rollwell's one CEM43 function is
 * {@code org.rollwell.therapy.heat.Cem43}, used by the planner and the bed's estimator; the twin
 * is the truth they are checked against, so it must not share their code (DESIGN.md walls).
 */
final class Cem43 {

    private static final double TABLE_MIN_C = 20.0;
    private static final double TABLE_MAX_C = 90.0;
    private static final double STEPS_PER_C = 20.0;
    private static final double[] RATE = new double[(int) ((TABLE_MAX_C - TABLE_MIN_C) * STEPS_PER_C) + 2];

    static {
        for (int i = 0; i < RATE.length; i++) {
            RATE[i] = exact(TABLE_MIN_C + i / STEPS_PER_C);
        }
    }

    private Cem43() {
    }

    /** Equivalent minutes at 43 °C per minute at {@code tempC}, exactly. */
    static double exact(double tempC) {
        return Math.pow(tempC >= 43.0 ? 0.5 : 0.25, 43.0 - tempC);
    }

    /** Equivalent minutes at 43 °C per minute at {@code tempC}, from the table where it reaches. */
    static double ratePerMin(double tempC) {
        double x = (tempC - TABLE_MIN_C) * STEPS_PER_C;
        if (!(x >= 0) || x >= RATE.length - 1) {
            return exact(tempC);
        }
        int i = (int) x;
        double frac = x - i;
        return RATE[i] + (RATE[i + 1] - RATE[i]) * frac;
    }
}
