package org.rollwell.bed.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.loop.LoopStatus;
import org.rollwell.bed.loop.SetpointSource;
import org.rollwell.bed.loop.Setpoints;
import org.rollwell.bed.motion.CarriageController;
import org.rollwell.therapy.envelope.ExcludedRange;
import org.rollwell.therapy.scan.LiftedRange;
import org.rollwell.therapy.scan.ScanTrace;

/**
 * The spine scan (issue 5 item 1, DOMAIN.md §3): refuses to start without a person on the
 * bed; homes; presses the rollers to a light constant force (≈ 60 N) at the head end and
 * travels the full length at ≤ 30 mm/s, recording {@code position_mm, lift_mm, force_n}
 * once per tick into a buffer allocated up front; any fault aborts it to the safe state
 * like a session (the supervisor holds the safe state, the routine rests).
 *
 * <p>Scan for everyone (issue 10): over each excluded range (an implant or skin lesion ± 50 mm,
 * DOMAIN.md §5) widened by the rollers' reach (both roller pairs ± their contact patch, not just
 * the carriage centre) the routine stops, lowers the rollers, crosses lifted off, presses to 60 N
 * again beyond it and carries on. It records nothing while out of contact and declares each
 * crossing in the trace ({@link LiftedRange}), so the analyser can bridge it.
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
    /**
     * Kept between a roller patch and an excluded range beyond the patch's own reach, mm (choice:
     * the carriage settles within 1 mm of its target, a few encoder counts more give margin).
     */
    static final double KEEP_OFF_MARGIN_MM = 3.0;

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
                if (r.forceHeld(st.carriageSettled, s.forceN)) {
                    r.scanStartNanos = st.nowNanos;
                    return SCANNING;
                }
                return CONTACT;
            }
        },
        /** Travel to the far end (or to the next excluded range) at 60 N, recording every tick. */
        SCANNING {
            @Override
            State handle(ScanRoutine r, SensorFrame s, LoopStatus st, Setpoints sp) {
                sp.rest();
                r.record(s, st.nowNanos);
                double stopMm = r.nextKeepOff < r.keepOffFromMm.length ? r.keepOffFromMm[r.nextKeepOff] : r.endMm;
                sp.moveTo(stopMm, r.governedSpeed());
                sp.press(SCAN_FORCE_N);
                if (!arrived(s, st, stopMm)) {
                    return SCANNING;
                }
                if (r.nextKeepOff >= r.keepOffFromMm.length) {
                    return FINISHING;
                }
                return LIFTING;
            }
        },
        /** Before an excluded range: the carriage holds while the rollers come down off the back. */
        LIFTING {
            @Override
            State handle(ScanRoutine r, SensorFrame s, LoopStatus st, Setpoints sp) {
                return r.onceLowered(st, sp, CROSSING, LIFTING);
            }
        },
        /** Across the excluded range out of contact, to just beyond the rollers' reach of it. */
        CROSSING {
            @Override
            State handle(ScanRoutine r, SensorFrame s, LoopStatus st, Setpoints sp) {
                sp.rest();
                double beyondMm = r.keepOffToMm[r.nextKeepOff];
                sp.moveTo(beyondMm, SCAN_SPEED_MM_PER_S);
                if (arrived(s, st, beyondMm)) {
                    r.heldTicks = 0;
                    return RECONTACT;
                }
                return CROSSING;
            }
        },
        /** Beyond the range: press to 60 N again and resume the scan once the force holds. */
        RECONTACT {
            @Override
            State handle(ScanRoutine r, SensorFrame s, LoopStatus st, Setpoints sp) {
                sp.rest();
                sp.press(SCAN_FORCE_N);
                if (r.forceHeld(true, s.forceN)) {
                    r.resumedAtRow[r.nextKeepOff] = r.count;
                    r.nextKeepOff++;
                    r.slopeFrom = r.count;
                    r.speedMmPerS = MIN_SCAN_SPEED_MM_PER_S;
                    return SCANNING;
                }
                return RECONTACT;
            }
        },
        /** Lower the rollers; the scan is done when they are down. */
        FINISHING {
            @Override
            State handle(ScanRoutine r, SensorFrame s, LoopStatus st, Setpoints sp) {
                return r.onceLowered(st, sp, DONE, FINISHING);
            }
        },
        DONE,
        /** Refused before moving (no presence, a locked lift). */
        REFUSED,
        /** A fault tripped the supervisor: the scan is abandoned, the bed is in the safe state. */
        ABORTED;

        /** The final states rest where they are; every other state overrides this with its step. */
        State handle(ScanRoutine routine, SensorFrame sensors, LoopStatus status, Setpoints into) {
            into.rest();
            return this;
        }

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
    /** Excluded ranges widened by the rollers' reach, carriage-centre mm, merged and in travel order. */
    private final double[] keepOffFromMm;
    private final double[] keepOffToMm;
    /** The first row recorded after each crossing. */
    private final int[] resumedAtRow;
    private int nextKeepOff;
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

    /** A scan of the whole back on a bed without locks (a fresh twin, a test): nothing is excluded. */
    public ScanRoutine(BedSpec spec) {
        this(spec, List.of());
    }

    /** A scan of the whole back on a bed without locks that crosses each of {@code excluded} lifted off. */
    public ScanRoutine(BedSpec spec, List<ExcludedRange> excluded) {
        this(spec, excluded, org.rollwell.bed.safety.ServiceLocks.fresh(spec.heaterZones()));
    }

    /**
     * A scan that crosses each of {@code excluded} (bed mm, as the person's envelope places them)
     * lifted off; the rollers stay a patch's reach and {@link #KEEP_OFF_MARGIN_MM} away from them.
     */
    public ScanRoutine(BedSpec spec, List<ExcludedRange> excluded, org.rollwell.bed.safety.ServiceLocks locks) {
        this.locks = java.util.Objects.requireNonNull(locks, "locks");
        double travelFromMm = CarriageController.TRAVEL_MARGIN_MM;
        double travelToMm = spec.travelMm() - CarriageController.TRAVEL_MARGIN_MM;
        double reachMm = spec.rollerPairOffsetMm() + spec.rollerContactLengthMm() / 2 + KEEP_OFF_MARGIN_MM;
        List<double[]> keepOff = new ArrayList<>();
        excluded.stream().sorted(Comparator.comparingDouble(ExcludedRange::fromMm)).forEach(range -> {
            double from = range.fromMm() - reachMm;
            double to = range.toMm() + reachMm;
            double[] last = keepOff.isEmpty() ? null : keepOff.get(keepOff.size() - 1);
            if (last != null && from <= last[1]) {
                last[1] = Math.max(last[1], to);
            } else {
                keepOff.add(new double[] {from, to});
            }
        });
        // a range the rollers would reach at either end of the travel moves that end instead: the scan
        // begins beyond it or ends before it (nothing to bridge there, the trace is just shorter)
        if (!keepOff.isEmpty() && keepOff.get(0)[0] <= travelFromMm) {
            travelFromMm = Math.max(travelFromMm, keepOff.remove(0)[1]);
        }
        if (!keepOff.isEmpty() && keepOff.get(keepOff.size() - 1)[1] >= travelToMm) {
            travelToMm = Math.min(travelToMm, keepOff.remove(keepOff.size() - 1)[0]);
        }
        this.startMm = travelFromMm;
        this.endMm = travelToMm;
        keepOff.removeIf(k -> k[1] <= startMm || k[0] >= endMm);
        keepOffFromMm = new double[keepOff.size()];
        keepOffToMm = new double[keepOff.size()];
        for (int i = 0; i < keepOff.size(); i++) {
            keepOffFromMm[i] = keepOff.get(i)[0];
            keepOffToMm[i] = keepOff.get(i)[1];
        }
        resumedAtRow = new int[keepOff.size()];
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

    /** The carriage has settled within 1 mm of {@code atMm}. */
    private static boolean arrived(SensorFrame s, LoopStatus st, double atMm) {
        return st.carriageSettled && Math.abs(s.carriagePositionMm - atMm) < 1.0;
    }

    /** Rests (the rollers come down) and moves on to {@code next} once they are down, else stays in {@code waiting}. */
    private State onceLowered(LoopStatus st, Setpoints sp, State next, State waiting) {
        sp.rest();
        return st.liftLowered ? next : waiting;
    }

    /**
     * Counts the ticks the force has held within {@link #HELD_WITHIN_N} of 60 N while {@code ready}
     * (any tick outside starts the count again); true once it has held for half a second.
     */
    private boolean forceHeld(boolean ready, double forceN) {
        if (ready && Math.abs(forceN - SCAN_FORCE_N) < HELD_WITHIN_N) {
            return ++heldTicks >= heldNeeded;
        }
        heldTicks = 0;
        return false;
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

    /** The samples so far (all of them once {@link State#DONE}), with the ranges crossed lifted off. */
    public ScanTrace trace() {
        // each crossing runs from the furthest row before it to the nearest row after it (the carriage
        // may settle back by an encoder count, so neither is simply the last or first row)
        List<LiftedRange> lifted = new ArrayList<>();
        for (int k = 0; k < nextKeepOff; k++) {
            int from = k == 0 ? 0 : resumedAtRow[k - 1];
            int resumed = resumedAtRow[k];
            int to = k + 1 < nextKeepOff ? resumedAtRow[k + 1] : count;
            double before = Double.NEGATIVE_INFINITY;
            for (int i = from; i < resumed; i++) {
                before = Math.max(before, positionMm[i]);
            }
            double after = Double.POSITIVE_INFINITY;
            for (int i = resumed; i < to; i++) {
                after = Math.min(after, positionMm[i]);
            }
            if (resumed > from && to > resumed && after > before) {
                lifted.add(new LiftedRange(before, after));
            }
        }
        return new ScanTrace(Arrays.copyOf(timeS, count), Arrays.copyOf(positionMm, count),
                Arrays.copyOf(liftMm, count), Arrays.copyOf(forceN, count), lifted);
    }
}
