package org.rollwell.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The twin's faults: those scheduled and not yet struck, in time order, the flags of
 * those that have struck (faults latch: a broken part stays broken), and the truth log.
 */
final class FaultState {

    /** ESTOP_HOST_HUNG: the stop button is pressed this long after the host hangs (issue 8). */
    static final long ESTOP_AFTER_HANG_NANOS = 1_000_000_000L;

    /** The latest a fault may be scheduled: a day, far beyond any session (DOMAIN.md §2: ≤ 60 min). */
    static final double LATEST_S = 86_400;

    private final int zones;
    private final List<Pending> pending = new ArrayList<>();
    final List<InjectedFault> injected = new ArrayList<>();

    final boolean[] heaterStuckOn;
    final boolean[] heaterDead;
    final boolean[] thermistorOpen;
    final boolean[] thermistorShort;
    final boolean[] thermistorStuck;
    final double[] stuckReadingC;
    final boolean[] thermistorDetached;
    /** Twin nanoseconds since start at which a zone's thermistor began to drift; −1 while it does not. */
    final long[] driftSinceNanos;
    final boolean[] heaterWeak;
    boolean encoderSlipping;
    boolean loadCellFailed;
    boolean loadCellStuck;
    /** Twin nanoseconds since start at which the load cell's gain began to fall; −1 while it does not. */
    long loadCellDriftSinceNanos = -1;
    boolean liftRunaway;
    boolean carriageRunaway;
    boolean presenceLost;
    /** Not a fault: the person is off the bed ({@link SimulatedBed#bodyOnBed}); the mat reads empty and nothing is pressed. */
    boolean bodyAway;

    /** Nobody on the mat: the person got up, or the PRESENCE_LOST fault struck. */
    boolean nobody() {
        return presenceLost || bodyAway;
    }
    boolean estop;
    /** ESTOP_HOST_HUNG: ticker time at which the stop button will be pressed; {@link Long#MAX_VALUE} when none is due. */
    long estopPressAtNanos = Long.MAX_VALUE;
    /** Ticker time at which the stop button was pressed, −1 while it is not. */
    long estopPressedAtNanos = -1;

    private record Pending(double atS, long atNanos, FaultKind kind, int zone) {
    }

    FaultState(int zones) {
        this.zones = zones;
        heaterStuckOn = new boolean[zones];
        heaterDead = new boolean[zones];
        thermistorOpen = new boolean[zones];
        thermistorShort = new boolean[zones];
        thermistorStuck = new boolean[zones];
        stuckReadingC = new double[zones];
        thermistorDetached = new boolean[zones];
        driftSinceNanos = new long[zones];
        java.util.Arrays.fill(driftSinceNanos, -1L);
        heaterWeak = new boolean[zones];
    }

    /** Schedules {@code kind} at {@code atS} seconds of twin time, which is ticker time {@code atNanos}. */
    void schedule(double atS, FaultKind kind, int zone, long atNanos) {
        Objects.requireNonNull(kind, "fault kind");
        if (!(atS >= 0 && atS <= LATEST_S)) {
            throw new IllegalArgumentException("fault atS must be 0–" + (long) LATEST_S + " s after the twin's start, was " + atS);
        }
        if (kind.zoned() && (zone < 0 || zone >= zones)) {
            throw new IllegalArgumentException("fault zone of " + kind + " must be 0–" + (zones - 1) + ", was " + zone);
        }
        Pending p = new Pending(atS, atNanos, kind, kind.zoned() ? zone : -1);
        int i = pending.size();
        while (i > 0 && pending.get(i - 1).atNanos() > p.atNanos()) {
            i--;
        }
        pending.add(i, p);
    }

    /** When the next scheduled fault strikes, ticker nanoseconds; {@link Long#MAX_VALUE} when none is pending. */
    long nextDueNanos() {
        long next = pending.isEmpty() ? Long.MAX_VALUE : pending.get(0).atNanos();
        return Math.min(next, estopPressAtNanos);
    }

    private void pressStop(long nowNanos) {
        if (!estop) {
            estop = true;
            estopPressedAtNanos = nowNanos;
        }
    }

    /** Strikes every fault due at or before {@code nowNanos}. */
    void activateDue(SimulatedBed bed, long nowNanos) {
        if (nowNanos >= estopPressAtNanos) {
            estopPressAtNanos = Long.MAX_VALUE;
            pressStop(nowNanos);
        }
        while (!pending.isEmpty() && pending.get(0).atNanos() <= nowNanos) {
            Pending p = pending.remove(0);
            int z = p.zone();
            switch (p.kind()) {
                case HEATER_STUCK_ON -> heaterStuckOn[z] = true;
                case HEATER_DEAD -> heaterDead[z] = true;
                case THERMISTOR_OPEN -> thermistorOpen[z] = true;
                case THERMISTOR_SHORT -> thermistorShort[z] = true;
                case THERMISTOR_STUCK -> thermistorStuck[z] = true;
                case ENCODER_SLIP -> encoderSlipping = true;
                case LOAD_CELL_FAIL -> loadCellFailed = true;
                case PRESENCE_LOST -> presenceLost = true;
                case ESTOP -> pressStop(nowNanos);
                case THERMISTOR_DETACHED -> thermistorDetached[z] = true;
                case THERMISTOR_DRIFT -> driftSinceNanos[z] = bed.sinceStartNanos(nowNanos);
                case LOAD_CELL_STUCK -> loadCellStuck = true;
                case LOAD_CELL_DRIFT -> loadCellDriftSinceNanos = bed.sinceStartNanos(nowNanos);
                case LIFT_DRIVE_RUNAWAY -> liftRunaway = true;
                case CARRIAGE_RUNAWAY -> carriageRunaway = true;
                case HEATER_WEAK -> heaterWeak[z] = true;
                // the host hangs now (the harness stops it); the stop button follows 1 s later
                case ESTOP_HOST_HUNG -> estopPressAtNanos = nowNanos + ESTOP_AFTER_HANG_NANOS;
                case CARRIAGE_STALL, LOOP_STALL -> { }
            }
            bed.strike(p.kind(), z);
            injected.add(new InjectedFault(p.kind(), z, p.atS(), nowNanos));
        }
    }
}
