package org.rollwell.companion;

import java.util.List;
import org.rollwell.bed.io.SensorFrame;
import org.rollwell.bed.safety.Fault;
import org.rollwell.therapy.anatomy.SpineMap;

/**
 * The bed as last seen by its thread: a few numbers copied once per real period (no allocation),
 * read by the socket side, which builds {@link LiveFrame}s from it at its own rate.
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

    Snapshot(int zones) {
        this.rollerTempsC = new double[zones];
    }

    /** Copies the frame; {@code working} is true while a session or scan is under way (it may move any moment). */
    synchronized void update(SensorFrame s, String state, boolean working, int segment, String technique,
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

    synchronized boolean presence() {
        return presence;
    }

    synchronized LiveFrame frame() {
        String level = map == null ? null : map.levelAt(positionMm).name();
        List<LiveFrame.FaultView> faults = fault == null ? List.of()
                : List.of(new LiveFrame.FaultView(fault.code().name(), fault.code().rule()));
        return new LiveFrame(Math.round(nanos / 1e6) / 1e3, state, round(positionMm), level, round(forceN),
                roundAll(rollerTempsC), segment < 0 ? null : segment, technique,
                secondsLeft < 0 ? null : secondsLeft, faults, working || moving, ownerAccount);
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 10) / 10.0 : v;
    }

    private static double[] roundAll(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = round(v[i]);
        }
        return out;
    }
}
