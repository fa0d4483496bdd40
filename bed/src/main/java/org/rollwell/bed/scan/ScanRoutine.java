package org.rollwell.bed.scan;

import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.bed.loop.SetpointSource;
import org.rollwell.bed.loop.Setpoints;
import org.rollwell.bed.motion.CarriageController;

/**
 * The spine scan (issue 5 item 1, DOMAIN.md §3): refuses to start without a person on the
 * bed; homes; presses the rollers to a light constant force (≈ 60 N) at the head end and
 * travels the full length at ≤ 30 mm/s, recording {@code position_mm, lift_mm, force_n}
 * once per tick into a buffer allocated up front; any fault aborts it to the safe state
 * like a session (the supervisor holds the safe state, the routine rests).
 */
public final class ScanRoutine implements SetpointSource {
    /** DOMAIN.md §3: light constant force ≈ 60 N. */
    public static final double SCAN_FORCE_N = 60.0;
    /** Issue 5: ≤ 30 mm/s; 25 mm/s leaves the profile margin to brake inside the limit (choice). The most the scan travels at. */
    public static final double SCAN_SPEED_MM_PER_S = 25.0;
    /**
     * The slowest the governor lets the scan travel (choice): the steepest necks descend about 1 mm
     * per mm, which the 10 mm/s lift follows at 6 mm/s with a third to spare for the force loop.
     */
    static final double MIN_SCAN_SPEED_MM_PER_S = 6.0;
    /**
     * The lift may need at most this share of its top speed to follow the surface just traced
     * (choice, as the session's follow speed): the rest is the force loop's to hold 60 N. Without it
     * the lift saturates where the back falls from the neck to the upper thorax (slope ≈ 0.4–0.8 at
     * 25 mm/s needs 10–20 mm/s of a 10 mm/s lift) and the force runs to 70–90 N exactly where C7 lies.
     */
    static final double FOLLOW_FRACTION = 0.55;
    /** The surface's slope is taken over this much of the travel just behind the rollers, mm (choice: under half a vertebra). */
    static final double SLOPE_SPAN_MM = 6.0;
    /** Force error at which the governor starts to slow the scan, N (choice: 4 σ of the 2 N load cell noise). */
    static final double FORCE_SLACK_N = 8.0;
    /** The governor's speed recovers at this rate, mm/s² (choice: gently, the slope may steepen again). */
    static final double RECOVER_MM_PER_S2 = 15.0;
    /** Tissue stiffness to read the surface from lift and force, N/mm (the analyser's nominal 20 N/mm, docs/scan-format.md). */
    static final double NOMINAL_STIFFNESS_N_PER_MM = 20.0;
    /** The force is held when within this of 60 N before the travel starts (choice). */
    static final double HELD_WITHIN_N = 6.0;

    /** The scan's lifecycle, one handler per state. */
    public enum State {
        IDLE {
            @Override
            State handle(ScanRoutine r, SensorFrame s, LoopStatus st, Setpoints sp) {
                sp.rest();
                if (!r.startRequested) {
                    return IDLE;
                }
                if (!s.presence) {
                    r.refusal = "nobody lies on the bed: the occupancy mat reports no presence";
                    return REFUSED;
                }
                if (r.locks.liftLocked()) {
                    org.rollwell.bed.safety.Lock lock = r.locks.state().lift();
                    r.refusal = "the lift is locked since " + lock.at() + " by " + lock.cause()
                            + ": no scan until a service reset";
                    return REFUSED;
                }
                return HOMING;
            }
        },
        HOMING {
            @Override
            State handle(ScanRoutine r, SensorFrame s, LoopStatus st, Setpoints sp) {
                sp.rest();
                if (!st.liftLowered) {
                    return HOMING;
                }
                sp.carriage = Setpoints.Carriage.HOME;
                return st.homed ? CONTACT : HOMING;
            }
        },
        /** At the head end, raise the rollers until the force holds at 60 N. */
        CONTACT {
            @Override
            State handle(ScanRoutine r, SensorFrame s, LoopStatus st, Setpoints sp) {
                sp.rest();
                sp.moveTo(r.startMm, SCAN_SPEED_MM_PER_S);
                sp.press(SCAN_FORCE_N);
                if (st.carriageSettled && Math.abs(s.forceN - SCAN_FORCE_N) < HELD_WITHIN_N) {
                    if (++r.heldTicks >= r.heldNeeded) {
                        r.scanStartNanos = st.nowNanos;
                        return SCANNING;
                    }
                } else {
                    r.heldTicks = 0;
                }
                return CONTACT;
            }
        },
        /** Travel to the far end at 60 N, recording every tick. */
        SCANNING {
            @Override
            State handle(ScanRoutine r, SensorFrame s, LoopStatus st, Setpoints sp) {
                sp.rest();
                r.record(s, st.nowNanos);
                sp.moveTo(r.endMm, r.governedSpeed());
                sp.press(SCAN_FORCE_N);
                return st.carriageSettled && Math.abs(s.carriagePositionMm - r.endMm) < 1.0 ? FINISHING : SCANNING;
            }
        },
        /** Lower the rollers; the scan is done when they are down. */
        FINISHING {
            @Override
            State handle(ScanRoutine r, SensorFrame s, LoopStatus st, Setpoints sp) {
                sp.rest();
                return st.liftLowered ? DONE : FINISHING;
            }
        },
        DONE {
            @Override
            State handle(ScanRoutine r, SensorFrame s, LoopStatus st, Setpoints sp) {
                sp.rest();
                return DONE;
            }
        },
        /** Refused before moving (no presence). */
        REFUSED {
            @Override
            State handle(ScanRoutine r, SensorFrame s, LoopStatus st, Setpoints sp) {
                sp.rest();
                return REFUSED;
            }
        },
        /** A fault tripped the supervisor: the scan is abandoned, the bed is in the safe state. */
        ABORTED {
            @Override
            State handle(ScanRoutine r, SensorFrame s, LoopStatus st, Setpoints sp) {
                sp.rest();
                return ABORTED;
            }
        };

        abstract State handle(ScanRoutine routine, SensorFrame sensors, LoopStatus status, Setpoints into);

        public boolean finished() {
            return this == DONE || this == REFUSED || this == ABORTED;
        }
    }

    private final double startMm;
    private final double endMm;
    private final double[] timeS;
    private final double[] positionMm;
    private final double[] liftMm;
    private final double[] forceN;
    private final int heldNeeded;
    private final double maxLiftSpeedMmPerS;
    private final double dtS;
    private double speedMmPerS = SCAN_SPEED_MM_PER_S;
    /** The earliest recorded sample within {@link #SLOPE_SPAN_MM} behind the carriage. */
    private int slopeFrom;
    private State state = State.IDLE;
    private volatile boolean startRequested;
    private String refusal = "";
    private final org.rollwell.bed.safety.ServiceLocks locks;
    private int count;
    private int heldTicks;
    private long scanStartNanos;

    /** A scan on a bed without locks (a fresh twin, a test). */
    public ScanRoutine(BedSpec spec) {
        this(spec, org.rollwell.bed.safety.ServiceLocks.fresh(spec.heaterZones()));
    }

    /** A scan on a bed with {@code locks}: a locked lift refuses it (DOMAIN.md §5 "Latches"). */
    public ScanRoutine(BedSpec spec, org.rollwell.bed.safety.ServiceLocks locks) {
        this.locks = java.util.Objects.requireNonNull(locks, "locks");
        this.startMm = CarriageController.TRAVEL_MARGIN_MM;
        this.endMm = spec.travelMm() - CarriageController.TRAVEL_MARGIN_MM;
        // the whole travel at the governor's slowest speed, with margin
        int capacity = (int) Math.ceil((endMm - startMm) / MIN_SCAN_SPEED_MM_PER_S * spec.loopHz() * 1.2) + 100;
        maxLiftSpeedMmPerS = spec.maxLiftSpeedMmPerS();
        dtS = 1.0 / spec.loopHz();
        timeS = new double[capacity];
        positionMm = new double[capacity];
        liftMm = new double[capacity];
        forceN = new double[capacity];
        heldNeeded = spec.loopHz() / 2;
    }

    public void start() {
        startRequested = true;
    }

    @Override
    public void fill(SensorFrame s, LoopStatus st, Setpoints sp) {
        if (st.fault != null && !state.finished()) {
            state = State.ABORTED;
        }
        state = state.handle(this, s, st, sp);
    }

    /**
     * The speed for this tick: no faster than the lift can follow the surface just traced
     * (its slope over the last {@link #SLOPE_SPAN_MM}, read as lift minus the tissue's give),
     * slower still while the force is off 60 N; it drops at once and recovers gently.
     */
    private double governedSpeed() {
        double target = SCAN_SPEED_MM_PER_S;
        int last = count - 1;
        if (last > 0) {
            while (slopeFrom < last - 1 && positionMm[last] - positionMm[slopeFrom + 1] >= SLOPE_SPAN_MM) {
                slopeFrom++;
            }
            double spanMm = positionMm[last] - positionMm[slopeFrom];
            if (spanMm >= 0.5 * SLOPE_SPAN_MM) {
                double slope = (surfaceMm(last) - surfaceMm(slopeFrom)) / spanMm;
                double follow = FOLLOW_FRACTION * maxLiftSpeedMmPerS / Math.max(1e-6, Math.abs(slope));
                target = Math.min(target, follow);
            }
            double errorN = Math.abs(forceN[last] - SCAN_FORCE_N);
            if (errorN > FORCE_SLACK_N) {
                target = Math.min(target, SCAN_SPEED_MM_PER_S * FORCE_SLACK_N / errorN);
            }
        }
        target = Math.max(MIN_SCAN_SPEED_MM_PER_S, target);
        speedMmPerS = target < speedMmPerS ? target : Math.min(target, speedMmPerS + RECOVER_MM_PER_S2 * dtS);
        return speedMmPerS;
    }

    private double surfaceMm(int i) {
        return liftMm[i] - (forceN[i] - SCAN_FORCE_N) / NOMINAL_STIFFNESS_N_PER_MM;
    }

    private void record(SensorFrame s, long nowNanos) {
        if (count < positionMm.length) {
            timeS[count] = (nowNanos - scanStartNanos) / 1e9;
            positionMm[count] = s.carriagePositionMm;
            liftMm[count] = s.liftMm;
            forceN[count] = s.forceN;
            count++;
        }
    }

    public State state() {
        return state;
    }

    /** Why the scan was refused, or empty. */
    public String refusal() {
        return refusal;
    }

    /** The samples so far (all of them once {@link State#DONE}). */
    public ScanTrace trace() {
        return new ScanTrace(java.util.Arrays.copyOf(timeS, count), java.util.Arrays.copyOf(positionMm, count),
                java.util.Arrays.copyOf(liftMm, count), java.util.Arrays.copyOf(forceN, count));
    }
}
