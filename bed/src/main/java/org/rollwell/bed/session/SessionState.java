package org.rollwell.bed.session;

import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.bed.loop.Setpoints;

/**
 * The lifecycle of a session, one handler per state (OpenEMS {@code StateHandler}). A
 * handler fills the tick's setpoints and returns the next state (itself to stay).
 * A latched fault takes any state to {@link #FAULTED}; see {@link SessionRunner#fill}.
 */
public enum SessionState {

    /** Waiting for {@code start()}: carriage held, lift lowered, heaters off. */
    IDLE {
        @Override
        SessionState handle(SessionRunner r, SensorFrame s, LoopStatus st, Setpoints sp) {
            sp.rest();
            // the request is used up here: a later pass through IDLE needs a new start()
            return r.takeStartRequest(st) ? HOMING : IDLE;
        }
    },

    /**
     * Lowers the lift, then drives the carriage to the home switch. The heaters start warming
     * to the first heated segment now, so the warm-up overlaps homing.
     */
    HOMING {
        @Override
        SessionState handle(SessionRunner r, SensorFrame s, LoopStatus st, Setpoints sp) {
            sp.rest();
            if (r.stopRequested()) {
                return COOLDOWN;
            }
            sp.heatAll(r.firstHeatC());
            if (!st.liftLowered) {
                return HOMING;
            }
            sp.carriage = Setpoints.Carriage.HOME;
            return st.homed ? WARMING : HOMING;
        }
    },

    /** Moves to the first segment's entry point with the lift lowered until every zone is within 1 °C of its target. */
    WARMING {
        @Override
        SessionState handle(SessionRunner r, SensorFrame s, LoopStatus st, Setpoints sp) {
            sp.rest();
            if (r.stopRequested()) {
                return COOLDOWN;
            }
            sp.heatAll(r.firstHeatC());
            sp.moveTo(r.firstEntryMm(), SegmentExecutor.APPROACH_SPEED_MM_PER_S);
            return st.carriageSettled && r.warm(s, sp) ? r.beginRunning(st) : WARMING;
        }
    },

    /** Runs the plan's segments in order; pause and stop requests are honoured here. */
    RUNNING {
        @Override
        SessionState handle(SessionRunner r, SensorFrame s, LoopStatus st, Setpoints sp) {
            if (r.stopRequested()) {
                return COOLDOWN;
            }
            if (r.pauseRequested()) {
                return PAUSED;
            }
            return r.runSegments(s, st, sp);
        }
    },

    /**
     * Carriage stopped, lift lowered, heaters holding; {@code resume()} restarts the segment from its entry
     * point. A pause longer than {@link SessionRunner#PAUSE_LIMIT_S} ends the session in cool-down.
     */
    PAUSED {
        @Override
        SessionState handle(SessionRunner r, SensorFrame s, LoopStatus st, Setpoints sp) {
            sp.rest();
            if (r.stopRequested() || r.pausedTooLong(st)) {
                return COOLDOWN;
            }
            sp.heatAll(r.currentHeatC());
            return r.resumeRequested() ? r.resumeRunning() : PAUSED;
        }
    },

    /** Heaters off, lift lowered, carriage parked at home. */
    COOLDOWN {
        @Override
        SessionState handle(SessionRunner r, SensorFrame s, LoopStatus st, Setpoints sp) {
            sp.rest();
            if (!st.liftLowered) {
                return COOLDOWN;
            }
            sp.moveTo(0, SegmentExecutor.APPROACH_SPEED_MM_PER_S);
            return st.carriageSettled ? COMPLETED : COOLDOWN;
        }
    },

    /** The session is over; the bed rests. */
    COMPLETED {
        @Override
        SessionState handle(SessionRunner r, SensorFrame s, LoopStatus st, Setpoints sp) {
            sp.rest();
            return COMPLETED;
        }
    },

    /**
     * The supervisor tripped: the session is over for good. Acknowledging the fault clears the
     * supervisor's latch so the bed can serve a NEW session (a new runner); this runner keeps
     * resting and its record stays FAULTED. It never goes back to {@link #IDLE}: a pending
     * start would otherwise home, heat and press again with nobody asking (DOMAIN.md §5 safe state).
     */
    FAULTED {
        @Override
        SessionState handle(SessionRunner r, SensorFrame s, LoopStatus st, Setpoints sp) {
            sp.rest();
            return FAULTED;
        }
    };

    abstract SessionState handle(SessionRunner runner, SensorFrame sensors, LoopStatus status, Setpoints into);

    /** The session has ended, one way or the other. */
    public boolean finished() {
        return this == COMPLETED || this == FAULTED;
    }
}
