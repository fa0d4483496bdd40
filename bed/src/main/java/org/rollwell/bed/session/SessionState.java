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
            return r.startRequested() ? HOMING : IDLE;
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

    /** Carriage stopped, lift lowered, heaters holding; {@code resume()} restarts the segment from its entry point. */
    PAUSED {
        @Override
        SessionState handle(SessionRunner r, SensorFrame s, LoopStatus st, Setpoints sp) {
            sp.rest();
            sp.heatAll(r.currentHeatC());
            if (r.stopRequested()) {
                return COOLDOWN;
            }
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

    /** The supervisor tripped: it holds the safe state; the runner rests until a person acknowledges. */
    FAULTED {
        @Override
        SessionState handle(SessionRunner r, SensorFrame s, LoopStatus st, Setpoints sp) {
            sp.rest();
            return st.fault == null ? IDLE : FAULTED;
        }
    };

    abstract SessionState handle(SessionRunner runner, SensorFrame sensors, LoopStatus status, Setpoints into);

    /** The session has ended, one way or the other. */
    public boolean finished() {
        return this == COMPLETED || this == FAULTED;
    }
}
