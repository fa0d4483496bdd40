package org.rollwell.bed.force;

/**
 * The back's surface along the bed as a scan measured it: the lift that held the scan's
 * light force at each position. Its slope times the carriage speed is how fast the lift
 * must move to follow the back, the force loop's feedforward (DOMAIN.md §2: "force
 * control needs feedforward from the scanned surface profile plus feedback").
 *
 * <p>Sampled on a regular grid so a lookup in the 100 Hz loop is one index and one
 * interpolation, no search and no allocation.
 */
public final class SurfaceProfile {
    /** Grid spacing, mm: finer than a spinous process (≈ 25 mm apart), coarser than the noise (choice). */
    public static final double GRID_MM = 5.0;

    private final double startMm;
    private final double[] liftMm;

    private SurfaceProfile(double startMm, double[] liftMm) {
        this.startMm = startMm;
        this.liftMm = liftMm;
    }

    /** No profile known: the feedforward is zero and feedback does all the work. */
    public static final SurfaceProfile NONE = new SurfaceProfile(0, new double[0]);

    /**
     * Builds the profile from a scan's samples ({@code positionMm} increasing or not; averaged
     * per grid cell, gaps filled by interpolation, then smoothed over ±1 cell against load-cell noise).
     */
    public static SurfaceProfile fromScan(double[] positionMm, double[] liftMm, int count) {
        if (count < 2) {
            throw new IllegalArgumentException("a surface profile needs at least 2 scan samples, had " + count);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, positionMm[i]);
            max = Math.max(max, positionMm[i]);
        }
        int cells = (int) Math.floor((max - min) / GRID_MM) + 1;
        double[] sum = new double[cells];
        int[] n = new int[cells];
        for (int i = 0; i < count; i++) {
            int c = (int) Math.floor((positionMm[i] - min) / GRID_MM);
            sum[c] += liftMm[i];
            n[c]++;
        }
        double[] grid = new double[cells];
        int last = -1;
        for (int c = 0; c < cells; c++) {
            if (n[c] == 0) {
                continue;
            }
            grid[c] = sum[c] / n[c];
            if (last >= 0 && c - last > 1) {
                for (int k = last + 1; k < c; k++) {
                    grid[k] = grid[last] + (grid[c] - grid[last]) * (k - last) / (double) (c - last);
                }
            } else if (last < 0) {
                for (int k = 0; k < c; k++) {
                    grid[k] = grid[c];
                }
            }
            last = c;
        }
        for (int k = last + 1; k < cells; k++) {
            grid[k] = grid[last];
        }
        double[] smooth = new double[cells];
        for (int c = 0; c < cells; c++) {
            double a = grid[Math.max(0, c - 1)];
            double b = grid[Math.min(cells - 1, c + 1)];
            smooth[c] = 0.25 * a + 0.5 * grid[c] + 0.25 * b;
        }
        return new SurfaceProfile(min, smooth);
    }

    public boolean known() {
        return liftMm.length > 1;
    }

    /** The scanned surface height at {@code positionMm}, mm of lift; NaN where the scan did not reach. */
    public double liftAtMm(double positionMm) {
        if (!known()) {
            return Double.NaN;
        }
        double x = (positionMm - startMm) / GRID_MM;
        if (x < 0 || x > liftMm.length - 1) {
            return Double.NaN;
        }
        int i = Math.min(liftMm.length - 2, (int) x);
        double f = x - i;
        return liftMm[i] + f * (liftMm[i + 1] - liftMm[i]);
    }

    /** The surface's slope at {@code positionMm}, mm of lift per mm of travel; 0 where unknown. */
    public double slopeAt(double positionMm) {
        if (!known()) {
            return 0.0;
        }
        double x = (positionMm - startMm) / GRID_MM;
        if (x < 0 || x > liftMm.length - 1) {
            return 0.0;
        }
        int i = Math.min(liftMm.length - 2, (int) x);
        return (liftMm[i + 1] - liftMm[i]) / GRID_MM;
    }
}
