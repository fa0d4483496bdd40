package org.rollwell.companion;

import java.util.List;
import java.util.concurrent.locks.StampedLock;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.safety.Fault;
import org.rollwell.therapy.anatomy.SpineMap;

/**
 * The bed as last seen by its thread: a few numbers copied once per real period (no allocation),
 * read by the socket side, which builds {@link LiveFrame}s from it at its own rate.
 *
 * <p>The bed's thread never waits for a reader: readers take optimistic reads of a {@link StampedLock}
 * (copy, then check no write happened meanwhile, else copy again) and never hold it, so a request thread
 * that the kernel preempts mid-read cannot hold up the control loop, which runs at a higher priority
 * ({@link LoopScheduling}; a plain monitor would let a preempted low-priority holder stall it).
 */
final class Snapshot {
    /** Faster than this the carriage counts as moving, mm/s (choice: well above encoder noise). */
    static final double MOVING_MM_PER_S = 0.5;

    private long nanos;
    private String state = "IDLE";
    private double positionMm;
    private double lastPositionMm;
    private long lastNanos;
    private double forceN;
    private final double[] rollerTempsC;
    private boolean presence;
    private int segment = -1;
    private String technique;
    private int secondsLeft = -1;
    private Fault fault;
    private boolean working;
    private boolean moving;
    private SpineMap map;
    private String ownerAccount;
    private final StampedLock lock = new StampedLock();

    Snapshot(int zones) {
        this.rollerTempsC = new double[zones];
    }

    /** Copies the frame; {@code working} is true while a session or scan is under way (it may move any moment). */
    void update(SensorFrame s, String state, boolean working, int segment, String technique,
            int secondsLeft, Fault fault, SpineMap map, String ownerAccount) {
        long stamp = lock.writeLock();
        try {
            write(s, state, working, segment, technique, secondsLeft, fault, map, ownerAccount);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    private void write(SensorFrame s, String state, boolean working, int segment, String technique,
            int secondsLeft, Fault fault, SpineMap map, String ownerAccount) {
        double dtS = (s.timeNanos - lastNanos) / 1e9;
        moving = dtS > 0 && Math.abs(s.carriagePositionMm - lastPositionMm) / dtS > MOVING_MM_PER_S;
        lastNanos = s.timeNanos;
        lastPositionMm = s.carriagePositionMm;
        nanos = s.timeNanos;
        this.state = state;
        positionMm = s.carriagePositionMm;
        forceN = s.forceN;
        System.arraycopy(s.zoneTempC, 0, rollerTempsC, 0, rollerTempsC.length);
        presence = s.presence;
        this.working = working;
        this.segment = segment;
        this.technique = technique;
        this.secondsLeft = secondsLeft;
        this.fault = fault;
        this.map = map;
        this.ownerAccount = ownerAccount;
    }

    boolean presence() {
        while (true) {
            long stamp = lock.tryOptimisticRead();
            boolean p = presence;
            if (lock.validate(stamp)) {
                return p;
            }
            Thread.onSpinWait();
        }
    }

    LiveFrame frame() {
        double[] temps = new double[rollerTempsC.length];
        while (true) {
            long stamp = lock.tryOptimisticRead();
            long n = nanos;
            String st = state;
            double pos = positionMm;
            double force = forceN;
            System.arraycopy(rollerTempsC, 0, temps, 0, temps.length);
            int seg = segment;
            String tech = technique;
            int left = secondsLeft;
            Fault f = fault;
            boolean busy = working || moving;
            SpineMap m = map;
            String owner = ownerAccount;
            if (!lock.validate(stamp)) {
                Thread.onSpinWait();
                continue;
            }
            String level = m == null ? null : m.levelAt(pos).name();
            List<LiveFrame.FaultView> faults = f == null ? List.of()
                    : List.of(new LiveFrame.FaultView(f.code().name(), f.code().rule()));
            return new LiveFrame(Math.round(n / 1e6) / 1e3, st, round(pos), level, round(force),
                    roundInPlace(temps), seg < 0 ? null : seg, tech, left < 0 ? null : left, faults, busy, owner);
        }
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : v;
    }

    private static double[] roundInPlace(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = round(v[i]);
        }
        return v;
    }
}
