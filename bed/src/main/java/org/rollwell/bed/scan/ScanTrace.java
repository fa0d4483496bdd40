package org.rollwell.bed.scan;

import java.util.Arrays;

/**
 * What a scan recorded, one sample per tick: {@code position_mm, lift_mm, force_n}
 * (issue 5 item 2), with each sample's time in seconds from the scan's first sample.
 * Arrays are copies of exactly {@link #count()} samples.
 */
public record ScanTrace(double[] timeS, double[] positionMm, double[] liftMm, double[] forceN) {
    public ScanTrace {
        if (timeS.length != positionMm.length || liftMm.length != positionMm.length || forceN.length != positionMm.length) {
            throw new IllegalArgumentException("scan trace: columns differ in length");
        }
        timeS = timeS.clone();
        positionMm = positionMm.clone();
        liftMm = liftMm.clone();
        forceN = forceN.clone();
    }

    public int count() {
        return positionMm.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScanTrace t && Arrays.equals(timeS, t.timeS) && Arrays.equals(positionMm, t.positionMm)
                && Arrays.equals(liftMm, t.liftMm) && Arrays.equals(forceN, t.forceN);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(positionMm) * 31 + Arrays.hashCode(liftMm);
    }

    @Override
    public String toString() {
        return "ScanTrace[" + count() + " samples]";
    }
}
