package org.rollwell.bed.heat;

/**
 * PID for one heater zone (DOMAIN.md §5 "Heater protection", last item): derivative on
 * the measurement, so a target step does not kick the output; the integral is clamped
 * and frozen while the output saturates in the direction it would push.
 *
 * <p>The derivative is the slope of a 1 s low-passed reading over a 2 s baseline: the
 * thermistor's noise (σ ≈ 0.05 °C per sample at 100 Hz) would otherwise dominate it.
 */
public final class ZonePid {
    /**
     * Gains for a roller pair of ≈ 1300 J/K heated by 150 W (≈ 0.1 °C/s at full power) seen
     * through a 4 s thermistor lag: Kp 1.0 per °C reaches full duty 1 °C below target, so a dead
     * heater saturates the output within ≈ 20 s (the no-rise check then has it); Ti ≈ 80 s;
     * Kd 12 s brakes the warm-up so the lagging reading overshoots by well under 2 °C (choice, tuned in the twin).
     */
    static final double KP_PER_C = 1.0;
    static final double KI_PER_C_S = 0.0125;
    static final double KD_S = 12.0;
    /** The integral never holds more than this much duty (choice: the holding duty at 65 °C is ≈ 0.4). */
    static final double INTEGRAL_MAX = 0.6;

    private final MeasuredSlope slope;
    private double integral;
    private double duty;

    public ZonePid(double dtS) {
        this.slope = new MeasuredSlope(dtS);
    }

    public void reset() {
        integral = 0;
        duty = 0;
    }

    /**
     * @param targetC   0 for heater off
     * @param measuredC the reading; a non-finite one is skipped and the last duty kept
     * @return the duty 0–1
     */
    public double update(double targetC, double measuredC, double dtS) {
        if (!Double.isFinite(measuredC)) {
            // one NaN would stay in the integral and the slope filter for good (issue 8): skip the sample and keep
            // the last output; a sensor that stays bad trips its range check within 4 samples (HeaterWatch)
            return !(targetC > 0) ? 0 : duty;
        }
        slope.add(measuredC);
        if (!(targetC > 0)) {
            integral = 0;
            duty = 0;
            return 0;
        }
        double errorC = targetC - measuredC;
        double derivative = -KD_S * slope.perS();
        double unsaturated = KP_PER_C * errorC + integral + derivative;
        double out = unsaturated > 1 ? 1 : (unsaturated < 0 ? 0 : unsaturated);
        boolean pushingHigh = out >= 1 && errorC > 0;
        boolean pushingLow = out <= 0 && errorC < 0;
        if (!pushingHigh && !pushingLow) {
            integral += KI_PER_C_S * errorC * dtS;
            integral = integral > INTEGRAL_MAX ? INTEGRAL_MAX : (integral < 0 ? 0 : integral);
        }
        duty = out;
        return out;
    }

    public double duty() {
        return duty;
    }

    /** The measured slope, °C/s, smoothed. */
    public double slopeCPerS() {
        return slope.perS();
    }
}
