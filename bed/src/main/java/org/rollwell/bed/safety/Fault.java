package org.rollwell.bed.safety;

import java.util.Objects;

/**
 * A latched trip: what tripped, when (loop ticker nanos) and the reading that tripped it.
 *
 * @param code      the rule that tripped
 * @param atNanos   ticker time of the tick that detected it
 * @param zone      the heater zone for heater and thermistor codes, otherwise −1
 * @param value     the reading that tripped the rule, in the rule's unit (°C, N, mm, s)
 */
public record Fault(FaultCode code, long atNanos, int zone, double value) {
    public Fault {
        Objects.requireNonNull(code, "code");
    }

    public double atS() {
        return atNanos / 1e9;
    }
}
