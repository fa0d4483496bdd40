package org.rollwell.sim;

import java.util.Objects;

/**
 * Ground truth of one fault that has struck the twin: what, where, when it was
 * asked for and when it took effect, so a harness can measure detection latency.
 *
 * @param kind            the fault
 * @param zone            the heater zone for {@link FaultKind#zoned()} kinds, otherwise −1
 * @param scheduledAtS    seconds after the twin's start at which it was asked to strike
 * @param injectedAtNanos ticker nanoseconds at which the physics started to show it
 */
public record InjectedFault(FaultKind kind, int zone, double scheduledAtS, long injectedAtNanos) {

    public InjectedFault {
        Objects.requireNonNull(kind, "kind");
        if (kind.zoned() ? zone < 0 : zone != -1) {
            throw new IllegalArgumentException("zone of a " + kind + " fault must be "
                    + (kind.zoned() ? "0 or more" : "-1") + ", was " + zone);
        }
        if (!(scheduledAtS >= 0) || Double.isInfinite(scheduledAtS)) {
            throw new IllegalArgumentException("scheduledAtS must be a finite time ≥ 0, was " + scheduledAtS);
        }
    }
}
