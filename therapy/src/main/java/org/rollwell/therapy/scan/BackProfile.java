package org.rollwell.therapy.scan;

import java.util.Objects;

/**
 * The back's surface as the scan saw it, on a regular grid: the lift the rollers needed to
 * touch the skin (lift minus the tissue's give at the measured force). Larger is further
 * from the rollers (a hollow); smaller is a prominence (C7, the thoracic apex, the sacrum).
 */
public record BackProfile(double[] positionMm, double[] surfaceMm) {

    public BackProfile {
        Objects.requireNonNull(positionMm, "positionMm");
        Objects.requireNonNull(surfaceMm, "surfaceMm");
        if (positionMm.length != surfaceMm.length) {
            throw new IllegalArgumentException("back profile: positions and surface differ in length");
        }
        positionMm = positionMm.clone();
        surfaceMm = surfaceMm.clone();
    }

    @Override
    public double[] positionMm() {
        return positionMm.clone();
    }

    @Override
    public double[] surfaceMm() {
        return surfaceMm.clone();
    }

    public int size() {
        return positionMm.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BackProfile p && java.util.Arrays.equals(positionMm, p.positionMm)
                && java.util.Arrays.equals(surfaceMm, p.surfaceMm);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(surfaceMm);
    }

    @Override
    public String toString() {
        return "BackProfile[" + size() + " points]";
    }
}
