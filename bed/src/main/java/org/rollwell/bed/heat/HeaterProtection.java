package org.rollwell.bed.heat;

import org.rollwell.bed.safety.FaultCode;

/**
 * The heater protection state machine of one zone, one handler per state, after
 * Klipper's {@code verify_heater} and Marlin's thermal runaway (DOMAIN.md §5 "Heater
 * protection"). The sensor checks (range, frozen reading, over-temperature) run before
 * the handler in every state; see {@link HeaterWatch}.
 */
public enum HeaterProtection {

    /** No target. A heater that is off can only cool: a rise means its switch is stuck on. */
    OFF {
        @Override
        FaultCode handle(HeaterWatch w, double targetC, double tempC, double duty, long nowNanos) {
            if (targetC > 0) {
                w.enter(tempC < targetC - HeaterWatch.BAND_C ? APPROACHING : AT_TARGET, targetC, tempC, nowNanos);
                return null;
            }
            return w.stuckOnCheck();
        }
    },

    /**
     * Heating towards a target more than 5 °C away: every 2 °C of rise must come within
     * 60 s (Klipper heating_gain 2, check_gain_time 60), else the heater is not heating; the
     * controller's off-probes show whether the switch obeys (stuck-on).
     */
    APPROACHING {
        @Override
        FaultCode handle(HeaterWatch w, double targetC, double tempC, double duty, long nowNanos) {
            if (!(targetC > 0)) {
                w.enter(OFF, targetC, tempC, nowNanos);
                return null;
            }
            if (tempC >= targetC - HeaterWatch.BAND_C) {
                w.enter(AT_TARGET, targetC, tempC, nowNanos);
                return null;
            }
            FaultCode gain = w.gainCheck(tempC, nowNanos);
            return gain != null ? gain : w.stuckOnCheck();
        }
    },

    /**
     * Holding a target: leaving the ±5 °C band with more than 120 °C·s of accumulated error is
     * a runaway (Klipper hysteresis 5, max_error 120); full power without a rise is a dead
     * heater; rising with the heater off is a stuck-on switch.
     */
    AT_TARGET {
        @Override
        FaultCode handle(HeaterWatch w, double targetC, double tempC, double duty, long nowNanos) {
            if (!(targetC > 0)) {
                w.enter(OFF, targetC, tempC, nowNanos);
                return null;
            }
            if (targetC != w.targetC()) {
                if (tempC < targetC - HeaterWatch.BAND_C) {
                    w.enter(APPROACHING, targetC, tempC, nowNanos);
                    return null;
                }
                if (tempC > targetC + HeaterWatch.BAND_C) {
                    w.enter(COOLING, targetC, tempC, nowNanos);
                    return null;
                }
                w.retarget(targetC);
            }
            FaultCode band = w.bandCheck(targetC, tempC);
            if (band != null) {
                return band;
            }
            FaultCode noRise = w.noRiseCheck();
            return noRise != null ? noRise : w.stuckOnCheck();
        }
    },

    /** The target dropped more than 5 °C below the roller: wait for it to cool into the band, watching for a stuck switch. */
    COOLING {
        @Override
        FaultCode handle(HeaterWatch w, double targetC, double tempC, double duty, long nowNanos) {
            if (!(targetC > 0)) {
                w.enter(OFF, targetC, tempC, nowNanos);
                return null;
            }
            if (tempC < targetC - HeaterWatch.BAND_C) {
                w.enter(APPROACHING, targetC, tempC, nowNanos);
                return null;
            }
            if (tempC <= targetC + HeaterWatch.BAND_C) {
                w.enter(AT_TARGET, targetC, tempC, nowNanos);
                return null;
            }
            w.retarget(targetC);
            return w.stuckOnCheck();
        }
    };

    /** Runs this state's checks; returns the trip or null. Must not allocate. */
    abstract FaultCode handle(HeaterWatch watch, double targetC, double tempC, double duty, long nowNanos);
}
