package org.rollwell.bed.safety;

import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.therapy.envelope.SafetyEnvelope;

/**
 * Time itself: a tick far past its deadline (the host stalled: LOOP_OVERRUN), a session over its
 * maximum time (SESSION_OVERTIME), homing and warm-up that never end (WARM_UP_TIMEOUT).
 */
final class SessionClockWatch {
    /** A tick later than this after the previous one: the host stalled (choice, well under the 0.5 s motor dead-man). */
    static final long OVERRUN_TRIP_NANOS = 100_000_000L;
    /**
     * Homing plus warm-up may take this long, s (choice: a healthy zone heats 20 → 65 °C in ≈ 6–8 min in the
     * twin; twice that means it will not get there). Also the allowance on top of the envelope's minutes for
     * the whole session counted from start(), pauses included.
     */
    static final double WARM_UP_LIMIT_S = 15 * 60.0;
    /** Grace on the envelope's minutes of plan time, s (choice: one second of rounding). */
    static final double ACTIVE_GRACE_S = 1.0;

    private final long periodNanos;
    private final double maxActiveS;
    private final double maxSessionS;
    private long lastTickNanos = Long.MIN_VALUE;
    private long worstLatenessNanos;

    SessionClockWatch(BedSpec spec, SafetyEnvelope envelope) {
        this.periodNanos = spec.periodNanos();
        this.maxActiveS = Math.min(envelope.maxMinutes().value(), spec.maxSessionMinutes()) * 60.0 + ACTIVE_GRACE_S;
        this.maxSessionS = maxActiveS + WARM_UP_LIMIT_S;
    }

    /** Judges this tick's lateness (first in the tick: a stall explains whatever else looks wrong). */
    void checkTick(long now, Trips trips) {
        if (lastTickNanos != Long.MIN_VALUE) {
            long lateness = now - lastTickNanos - periodNanos;
            worstLatenessNanos = Math.max(worstLatenessNanos, lateness);
            if (lateness > OVERRUN_TRIP_NANOS) {
                trips.trip(FaultCode.LOOP_OVERRUN, now, -1, lateness / 1e9);
            }
        }
        lastTickNanos = now;
    }

    /** Judges the session's durations. */
    void checkDurations(long now, LoopStatus status, Trips trips) {
        if (status.activeS > maxActiveS) {
            trips.trip(FaultCode.SESSION_OVERTIME, now, -1, status.activeS);
        }
        if (status.sessionS > maxSessionS) {
            trips.trip(FaultCode.SESSION_OVERTIME, now, -1, status.sessionS);
        }
        if (status.warmUpS > WARM_UP_LIMIT_S) {
            trips.trip(FaultCode.WARM_UP_TIMEOUT, now, -1, status.warmUpS);
        }
    }

    long worstLatenessNanos() {
        return worstLatenessNanos;
    }

    /** The next tick is judged as a first one (after an acknowledgement, the bed may have stood idle). */
    void reset() {
        lastTickNanos = Long.MIN_VALUE;
    }
}
