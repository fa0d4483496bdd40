package org.rollwell.bed.heat;

import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.safety.FaultCode;
import org.rollwell.bed.safety.Lasting;

/**
 * Watches one heater zone every tick: the sensor checks that hold in every state
 * (out of range, frozen, over-temperature), then the {@link HeaterProtection} state's
 * handler. Every window is a {@link Lasting} in seconds, so a rule keeps its time at any loop
 * rate. Windows are preallocated; nothing allocates per tick.
 */
public final class HeaterWatch {
    /** Klipper {@code hysteresis}: the band around the target, °C (DOMAIN.md §5). */
    static final double BAND_C = 5.0;
    /** Klipper {@code max_error}: error accumulated outside the band before a runaway trip, °C·s (DOMAIN.md §5). */
    static final double MAX_ERROR_C_S = 120.0;
    /** Klipper {@code heating_gain} and {@code check_gain_time} (DOMAIN.md §5). */
    static final double HEATING_GAIN_C = 2.0;
    static final long CHECK_GAIN_NANOS = 60_000_000_000L;
    /** Klipper's ADC range check: out of range this long before a trip (DOMAIN.md §5: 4 samples, at 100 Hz). */
    static final double OUT_OF_RANGE_S = 0.040;
    /**
     * A live thermistor always shows noise; an unchanged reading for 5 s is a frozen ADC or a
     * stuck sensor (choice: 500 samples at 100 Hz; the twin's noise is σ 0.05 °C).
     */
    static final double FROZEN_S = 5.0;
    /**
     * "Power on but no rise" at target (DOMAIN.md §5 "Stuck or failed heater"): at ≥ 90 % duty for
     * 30 s a working 150 W zone of ≈ 1300 J/K rises ≥ 2 °C even at 65 °C, so under 1 °C means a
     * dead heater or a sensor that is not in the roller (choice, faster than the 60 s warm-up rule
     * so a heater dying at target trips within 90 s).
     */
    static final double NO_RISE_DUTY = 0.9;
    static final double NO_RISE_S = 30.0;
    static final double NO_RISE_MIN_C = 1.0;
    /**
     * "Power off but still rising": with duty 0 the reading can rise only by the thermistor's lag
     * (≤ 0.5 °C after full power: 4 s × 0.115 °C/s); a rise of 1 °C within 30 s of duty 0 is heat the
     * host did not command, i.e. a stuck-on switch (choice). The window sets the length of the
     * ring of per-second minima the rise is measured from.
     */
    static final double STUCK_ON_RISE_C = 1.0;
    static final long STUCK_ON_WINDOW_NANOS = 30_000_000_000L;
    private static final long SECOND_NANOS = 1_000_000_000L;

    /**
     * The probe check: full power for ≥ 5 s, then duty 0 for 4.5 s; by then a working zone's
     * measured rise has slowed below 70 % of what it was at the switch-off (model: to ≈ 35 %),
     * a stuck-on one keeps rising as before (choice; see {@code HeaterController} probes).
     */
    static final double PROBE_FULL_S = 5.0;
    static final long PROBE_JUDGE_NANOS = 4_500_000_000L;
    static final double PROBE_KEPT_FRACTION = 0.7;
    static final double PROBE_MIN_SLOPE_C_PER_S = 0.03;

    private final int zone;
    private final Lasting fullPower;
    private double slopeAtOffCPerS = Double.NaN;
    private boolean probeJudged;
    private final double minValidC;
    private final double maxValidC;
    private final double overTempC;
    private final double dtS;
    private final MeasuredSlope smooth;

    private HeaterProtection state = HeaterProtection.OFF;
    private double targetC;
    private final Lasting readsLow;
    private final Lasting readsHigh;
    private final Lasting frozen;
    private double lastRawC = Double.NaN;
    private double goalC;
    private long goalNanos;
    private double errorCS;
    private final Lasting highDuty;
    private boolean highDutyLasted;
    private boolean fullPowerLasted;
    private double highDutyStartC;
    private long offSinceNanos = -1;
    /** Minimum of the smoothed reading per second since the heater went off, ring of 30 s. */
    private final double[] offMinPerS = new double[(int) (STUCK_ON_WINDOW_NANOS / SECOND_NANOS)];
    private long offMinSecond = -1;
    private double smoothC;
    private long nowNanos;
    private double lastValue;

    public HeaterWatch(BedSpec spec, int zone, double dtS) {
        this.zone = zone;
        this.minValidC = spec.thermistorMinC();
        this.maxValidC = spec.thermistorMaxC();
        this.overTempC = spec.overTempTripC();
        this.dtS = dtS;
        this.smooth = new MeasuredSlope(dtS);
        long periodNanos = spec.periodNanos();
        this.readsLow = new Lasting(OUT_OF_RANGE_S, periodNanos);
        this.readsHigh = new Lasting(OUT_OF_RANGE_S, periodNanos);
        // a frozen reading is timed from the last change: the first repeat opens the window one period later
        this.frozen = new Lasting(FROZEN_S, periodNanos);
        this.highDuty = new Lasting(NO_RISE_S, periodNanos);
        this.fullPower = new Lasting(PROBE_FULL_S, periodNanos);
    }

    /**
     * Checks one tick.
     *
     * @param rawC    the thermistor reading of this tick
     * @param targetC the zone's target (0 = off)
     * @param duty    the duty actually written last tick (after the supervisor's clamp)
     * @return the trip, or null
     */
    public FaultCode check(double rawC, double targetC, double duty, long nowNanos) {
        this.nowNanos = nowNanos;
        // Range check (Klipper): an open NTC reads cold, a shorted one hot; NaN counts as open.
        boolean low = !(rawC >= minValidC);
        boolean high = rawC > maxValidC;
        boolean lowLasted = readsLow.update(low, nowNanos);
        boolean highLasted = readsHigh.update(high, nowNanos);
        if (low || high) {
            if (lowLasted || highLasted) {
                lastValue = rawC;
                return lowLasted ? FaultCode.THERMISTOR_OPEN : FaultCode.THERMISTOR_SHORT;
            }
            return null;
        }
        boolean unchanged = rawC == lastRawC;
        lastRawC = rawC;
        if (frozen.update(unchanged, nowNanos)) {
            lastValue = rawC;
            return FaultCode.THERMISTOR_STUCK;
        }
        if (rawC > overTempC) {
            lastValue = rawC;
            return FaultCode.ROLLER_OVER_TEMPERATURE;
        }
        smooth.add(rawC);
        smoothC = smooth.filtered();
        trackDuty(duty);
        lastValue = smoothC;
        return state.handle(this, targetC, smoothC, duty, nowNanos);
    }

    private void trackDuty(double duty) {
        if (duty <= 0.0 && fullPowerLasted) {
            // full power for the probe's time just switched off: remember how fast the reading was rising
            slopeAtOffCPerS = smooth.perS();
            probeJudged = false;
        }
        fullPowerLasted = fullPower.update(duty >= 1.0, nowNanos);
        if (duty >= NO_RISE_DUTY && !highDuty.holding()) {
            highDutyStartC = smoothC;
        }
        highDutyLasted = highDuty.update(duty >= NO_RISE_DUTY, nowNanos);
        if (duty <= 0.0) {
            if (offSinceNanos < 0) {
                offSinceNanos = nowNanos;
                offMinSecond = -1;
            }
            long second = (nowNanos - offSinceNanos) / SECOND_NANOS;
            int slot = (int) (second % offMinPerS.length);
            if (second != offMinSecond) {
                offMinPerS[slot] = smoothC;
                offMinSecond = second;
            } else if (smoothC < offMinPerS[slot]) {
                offMinPerS[slot] = smoothC;
            }
        } else {
            offSinceNanos = -1;
        }
    }

    void enter(HeaterProtection next, double newTargetC, double tempC, long now) {
        state = next;
        targetC = newTargetC;
        errorCS = 0;
        goalC = tempC + HEATING_GAIN_C;
        goalNanos = now + CHECK_GAIN_NANOS;
    }

    void retarget(double newTargetC) {
        targetC = newTargetC;
    }

    double targetC() {
        return targetC;
    }

    FaultCode gainCheck(double tempC, long now) {
        if (tempC >= goalC) {
            goalC = tempC + HEATING_GAIN_C;
            goalNanos = now + CHECK_GAIN_NANOS;
            return null;
        }
        return now >= goalNanos ? FaultCode.HEATER_NOT_HEATING : null;
    }

    FaultCode bandCheck(double target, double tempC) {
        double outsideC = 0;
        if (tempC < target - BAND_C) {
            outsideC = target - BAND_C - tempC;
        } else if (tempC > target + BAND_C) {
            outsideC = tempC - target - BAND_C;
        } else {
            errorCS = 0;
            return null;
        }
        errorCS += outsideC * dtS;
        return errorCS > MAX_ERROR_C_S ? FaultCode.HEATER_RUNAWAY : null;
    }

    FaultCode noRiseCheck() {
        if (highDutyLasted) {
            if (smoothC - highDutyStartC < NO_RISE_MIN_C) {
                return FaultCode.HEATER_NOT_HEATING;
            }
            // it rose: restart the window from here so a later failure is still caught
            highDuty.restart(nowNanos);
            highDutyLasted = false;
            highDutyStartC = smoothC;
        }
        return null;
    }

    FaultCode stuckOnCheck() {
        if (offSinceNanos < 0) {
            return null;
        }
        if (!probeJudged && !Double.isNaN(slopeAtOffCPerS) && nowNanos - offSinceNanos >= PROBE_JUDGE_NANOS) {
            probeJudged = true;
            if (slopeAtOffCPerS > PROBE_MIN_SLOPE_C_PER_S && smooth.perS() > PROBE_KEPT_FRACTION * slopeAtOffCPerS) {
                return FaultCode.HEATER_STUCK_ON;
            }
        }
        long seconds = (nowNanos - offSinceNanos) / SECOND_NANOS;
        int span = (int) Math.min(seconds + 1, offMinPerS.length);
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < span; k++) {
            int slot = (int) ((seconds - k) % offMinPerS.length);
            if (offMinPerS[slot] < min) {
                min = offMinPerS[slot];
            }
        }
        return smoothC - min >= STUCK_ON_RISE_C ? FaultCode.HEATER_STUCK_ON : null;
    }

    /** The reading low-passed over 1 s, °C. */
    public double smoothedC() {
        return smoothC;
    }

    /** The reading's slope, °C/s. */
    public double slopeCPerS() {
        return smooth.perS();
    }

    public HeaterProtection state() {
        return state;
    }

    public int zone() {
        return zone;
    }

    /** The reading that the last trip judged, in °C. */
    public double lastValue() {
        return lastValue;
    }
}
