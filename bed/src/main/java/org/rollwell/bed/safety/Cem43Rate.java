package org.rollwell.bed.safety;

/**
 * The CEM43 rate R^(43 − T) per minute (Sapareto & Dewey 1984; R = 0.5 at or above 43 °C,
 * 0.25 below; DOMAIN.md §5), from a table with 0.05 °C steps so the 100 Hz loop
 * never calls {@link Math#pow}.
 */
final class Cem43Rate {
    private static final double MIN_C = 20.0;
    private static final double MAX_C = 90.0;
    private static final double STEPS_PER_C = 20.0;
    private static final double[] RATE = new double[(int) ((MAX_C - MIN_C) * STEPS_PER_C) + 2];

    static {
        for (int i = 0; i < RATE.length; i++) {
            RATE[i] = exact(MIN_C + i / STEPS_PER_C);
        }
    }

    private Cem43Rate() {
    }

    static double exact(double tempC) {
        return Math.pow(tempC >= 43.0 ? 0.5 : 0.25, 43.0 - tempC);
    }

    /** Minutes-equivalent at 43 °C per minute at {@code tempC}; the table rounds up, never down. */
    static double perMin(double tempC) {
        if (tempC <= MIN_C) {
            return 0.0;
        }
        if (tempC >= MAX_C) {
            return exact(tempC);
        }
        // ceil to the next table step: the rate grows with temperature, so this never under-counts
        int i = (int) Math.ceil((tempC - MIN_C) * STEPS_PER_C);
        return RATE[i];
    }
}
