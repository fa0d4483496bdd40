package org.rollwell.therapy.scan;

import java.util.List;
import java.util.Objects;

/**
 * One scan as the bed recorded it: a row per control tick, in the order recorded.
 * Arrays are copied in and out, so a trace never changes after it is made. The bed's scan
 * routine fills it and the analyser reads it: the one trace type of both (therapy stays pure).
 *
 * @param timeS      seconds since the scan began, one per row; {@code null} when the trace
 *                   did not record time (rows are then taken as one tick, 10 ms, apart)
 * @param positionMm carriage position, bed mm from home
 * @param liftMm     roller lift, mm
 * @param forceN     roller force from the load cell, N
 * @param liftedOff  where the rollers crossed lifted off on purpose (excluded ranges), in travel
 *                   order; the trace has no rows inside them; empty for a scan of the whole back
 */
public record ScanTrace(double[] timeS, double[] positionMm, double[] liftMm, double[] forceN,
                        List<LiftedRange> liftedOff) {

    /** Rows without a time column are one tick of the reference bed's 100 Hz loop apart (DOMAIN.md §2). */
    public static final double DEFAULT_TICK_S = 0.01;

    public ScanTrace {
        Objects.requireNonNull(positionMm, "positionMm");
        Objects.requireNonNull(liftMm, "liftMm");
        Objects.requireNonNull(forceN, "forceN");
        int n = positionMm.length;
        if (liftMm.length != n || forceN.length != n || (timeS != null && timeS.length != n)) {
            throw new IllegalArgumentException("scan trace: every column must have the same number of rows");
        }
        timeS = timeS == null ? null : timeS.clone();
        positionMm = positionMm.clone();
        liftMm = liftMm.clone();
        forceN = forceN.clone();
        liftedOff = List.copyOf(liftedOff);
        for (int i = 1; i < liftedOff.size(); i++) {
            if (!(liftedOff.get(i).fromMm() >= liftedOff.get(i - 1).toMm())) {
                throw new IllegalArgumentException("scan trace: lifted ranges must be in travel order and apart");
            }
        }
    }

    /** A trace of the whole back, nothing crossed lifted off. */
    public ScanTrace(double[] timeS, double[] positionMm, double[] liftMm, double[] forceN) {
        this(timeS, positionMm, liftMm, forceN, List.of());
    }

    /** A trace without a time column. */
    public static ScanTrace of(double[] positionMm, double[] liftMm, double[] forceN) {
        return new ScanTrace(null, positionMm, liftMm, forceN);
    }

    public int size() {
        return positionMm.length;
    }

    public boolean hasTime() {
        return timeS != null;
    }

    /** True when the rows {@code i} and {@code i + 1} lie either side of a range crossed lifted off. */
    boolean liftedBetween(int i) {
        for (int k = 0; k < liftedOff.size(); k++) {
            if (liftedOff.get(k).spans(positionMm[i], positionMm[i + 1])) {
                return true;
            }
        }
        return false;
    }

    /** The time of row {@code i}: recorded, or {@code i} ticks. */
    public double timeAtS(int i) {
        return timeS != null ? timeS[i] : i * DEFAULT_TICK_S;
    }

    @Override
    public double[] timeS() {
        return timeS == null ? null : timeS.clone();
    }

    @Override
    public double[] positionMm() {
        return positionMm.clone();
    }

    @Override
    public double[] liftMm() {
        return liftMm.clone();
    }

    @Override
    public double[] forceN() {
        return forceN.clone();
    }

    // Package-private views for the analyser, which reads but never writes them.
    double position(int i) {
        return positionMm[i];
    }

    double lift(int i) {
        return liftMm[i];
    }

    double force(int i) {
        return forceN[i];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScanTrace t && java.util.Arrays.equals(timeS, t.timeS)
                && java.util.Arrays.equals(positionMm, t.positionMm) && java.util.Arrays.equals(liftMm, t.liftMm)
                && java.util.Arrays.equals(forceN, t.forceN) && liftedOff.equals(t.liftedOff);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(positionMm);
    }

    @Override
    public String toString() {
        return "ScanTrace[" + size() + " rows" + (hasTime() ? ", timed" : "")
                + (liftedOff.isEmpty() ? "" : ", lifted off " + liftedOff) + "]";
    }
}
