package org.rollwell.therapy.heat;

/**
 * The CEM43 thermal dose (Sapareto &amp; Dewey 1984): cumulative equivalent minutes at 43 °C,
 * the sum of {@code Δt · R^(43 − T)} with R = 0.5 at or above 43 °C and 0.25 below
 * (DOMAIN.md §5 "Heat and skin"). The one CEM43 function of Rollwell: the planner's forecast
 * and the bed's skin estimator both use it. The twin in {@code sim} keeps its own,
 * independent copy on purpose: its truth must not share a bug with the estimate it checks.
 *
 * <p>{@link #perMin} reads a table in 0.05 °C steps, rounded up, so the 100 Hz loop never
 * calls {@link Math#exp} and never under-counts (beyond the last bits of {@link #exactPerMin}'s rounding).
 */
public final class Cem43 {
    /**
     * ln 0.5 and ln 0.25: R^(43 − T) is taken as e^((43 − T)·ln R), which the JIT's exp stub works out in about half
     * the time of pow's. Declared before the table, which is built from them.
     */
    private static final double LN_R_ABOVE_43 = Math.log(0.5);
    private static final double LN_R_BELOW_43 = Math.log(0.25);

    private static final double MIN_C = 20.0;
    private static final double MAX_C = 90.0;
    private static final double STEPS_PER_C = 20.0;
    private static final double[] RATE = new double[(int) ((MAX_C - MIN_C) * STEPS_PER_C) + 2];

    static {
        for (int i = 0; i < RATE.length; i++) {
            RATE[i] = exactPerMin(MIN_C + i / STEPS_PER_C);
        }
    }

    private Cem43() {
    }

    /**
     * CEM43 minutes per minute at {@code tempC}, computed (to rounding: within about 16 ulp of R^(43 − T) far from
     * 43 °C, a relative 4e-15; the planner's forecast calls it for every warm band every second).
     */
    public static double exactPerMin(double tempC) {
        return Math.exp((43.0 - tempC) * (tempC >= 43.0 ? LN_R_ABOVE_43 : LN_R_BELOW_43));
    }

    /** CEM43 minutes per minute at {@code tempC}, from the table (rounded up to the next 0.05 °C; 0 at or below 20 °C). */
    public static double perMin(double tempC) {
        if (tempC <= MIN_C) {
            return 0.0;
        }
        if (tempC >= MAX_C) {
            return exactPerMin(tempC);
        }
        // ceil to the next table step: the rate grows with temperature, so this never under-counts. Written as
        // truncate-and-bump (the same integer as Math.ceil for these positive steps) because the quick compiler
        // the CLI runs on calls out for Math.ceil, and this runs for every band the bed steps (issue 8, speed)
        double steps = (tempC - MIN_C) * STEPS_PER_C;
        int i = (int) steps;
        if (i < steps) {
            i++;
        }
        return RATE[i];
    }

    /** The dose of {@code minutes} at a constant {@code tempC}, CEM43 minutes. */
    public static double dose(double tempC, double minutes) {
        return minutes * exactPerMin(tempC);
    }
}
