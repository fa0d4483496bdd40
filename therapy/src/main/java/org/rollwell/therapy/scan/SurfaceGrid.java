package org.rollwell.therapy.scan;

/**
 * A scan's surface resampled on a regular grid (bins of {@link #GRID_MM}, rows and their times
 * averaged): what the back-shape model is fitted on and the first placement reads.
 */
final class SurfaceGrid {

    static final double GRID_MM = 2.0;
    /** Rows further than this from the setpoint are left out of the shape (choice: ~3 σ of a good loop). */
    static final double TRUSTED_FORCE_BAND_N = 15.0;
    final double[] x;
    final double[] y;
    final double[] timeS;

    /** Whether the trace crossed a stretch lifted off (declared, not merely rows off the force). */
    final boolean bridged;

    private SurfaceGrid(double[] x, double[] y, double[] timeS, boolean bridged) {
        this.x = x;
        this.y = y;
        this.timeS = timeS;
        this.bridged = bridged;
    }

    /** Resamples the surface onto the grid, leaving out rows far off the force. */
    static SurfaceGrid of(ScanTrace trace, double[] surfaceMm) {
        double start = Math.floor(trace.position(0));
        double end = start;
        for (int i = 0; i < trace.size(); i++) {
            end = Math.max(end, trace.position(i));
        }
        int bins = Math.max(1, (int) ((end - start) / GRID_MM) + 1);
        double[] sumY = new double[bins];
        double[] sumT = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < trace.size(); i++) {
            int b = (int) ((trace.position(i) - start) / GRID_MM);
            // Rows where the force loop was far off the setpoint trace the loop more than the back.
            if (Math.abs(trace.force(i) - ScanAnalyser.SETPOINT_N) > TRUSTED_FORCE_BAND_N) {
                continue;
            }
            if (b >= 0 && b < bins) {
                sumY[b] += surfaceMm[i];
                sumT[b] += trace.timeAtS(i);
                count[b]++;
            }
        }
        int filled = 0;
        for (int c : count) {
            filled += c > 0 ? 1 : 0;
        }
        double[] x = new double[filled];
        double[] y = new double[filled];
        double[] t = new double[filled];
        int k = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                x[k] = start + (b + 0.5) * GRID_MM;
                y[k] = sumY[b] / count[b];
                t[k] = sumT[b] / count[b];
                k++;
            }
        }
        return new SurfaceGrid(x, y, t, !trace.liftedOff().isEmpty());
    }

    int size() {
        return x.length;
    }

    /**
     * The surface on an even grid, straight lines across bins without rows (a stretch crossed lifted
     * off, rows off the force): the first placement reads the surface by grid steps, not by rows.
     */
    double[][] evenGrid() {
        int n = x.length;
        if (n < 2) {
            return new double[][] {x, y};
        }
        int bins = (int) Math.round((x[n - 1] - x[0]) / GRID_MM) + 1;
        double[] gx = new double[bins];
        double[] gy = new double[bins];
        int k = 0;
        for (int b = 0; b < bins; b++) {
            gx[b] = x[0] + b * GRID_MM;
            while (k < n - 2 && x[k + 1] <= gx[b]) {
                k++;
            }
            double share = Math.max(0, Math.min(1, (gx[b] - x[k]) / (x[k + 1] - x[k])));
            gy[b] = y[k] + share * (y[k + 1] - y[k]);
        }
        return new double[][] {gx, gy};
    }
}
