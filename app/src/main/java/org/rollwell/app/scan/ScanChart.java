package org.rollwell.app.scan;

import java.util.Locale;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.scan.BackProfile;

/**
 * The back's profile as the scan saw it, drawn in the terminal: bed position across, the
 * surface up (prominences — C7, the thoracic apex, the sacrum — high; hollows low), with the
 * landmarks marked under the axis.
 */
public final class ScanChart {

    static final int WIDTH = 72;
    static final int HEIGHT = 12;

    private ScanChart() {
    }

    public static String draw(BackProfile profile, SpineMap map) {
        double[] x = profile.positionMm();
        double[] surface = profile.surfaceMm();
        if (x.length < 2) {
            return "(no profile to draw)\n";
        }
        double fromMm = x[0];
        double toMm = x[x.length - 1];
        double[] column = new double[WIDTH];
        int[] count = new int[WIDTH];
        for (int i = 0; i < x.length; i++) {
            int c = columnOf(x[i], fromMm, toMm);
            // Prominence = how close the skin comes to the rollers: less lift is higher on the chart.
            column[c] += -surface[i];
            count[c]++;
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < WIDTH; c++) {
            if (count[c] > 0) {
                column[c] /= count[c];
                low = Math.min(low, column[c]);
                high = Math.max(high, column[c]);
            }
        }
        char[][] grid = new char[HEIGHT][WIDTH];
        for (char[] row : grid) {
            java.util.Arrays.fill(row, ' ');
        }
        for (int c = 0; c < WIDTH; c++) {
            if (count[c] > 0) {
                int r = (int) Math.round((high - column[c]) / Math.max(1e-9, high - low) * (HEIGHT - 1));
                grid[r][c] = '*';
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("surface (prominence up; lift ").append(String.format(Locale.ROOT, "%.0f", -high))
                .append("–").append(String.format(Locale.ROOT, "%.0f", -low)).append(" mm)\n");
        for (char[] row : grid) {
            out.append("  |").append(new String(row).stripTrailing()).append('\n');
        }
        out.append("  +").append("-".repeat(WIDTH)).append('\n');
        char[] marks = new char[WIDTH];
        java.util.Arrays.fill(marks, ' ');
        if (map != null) {
            for (Level level : Level.values()) {
                marks[columnOf(map.positionMm(level), fromMm, toMm)] = '.';
            }
            marks[columnOf(map.positionMm(Level.C7), fromMm, toMm)] = 'C';
            marks[columnOf(map.t12l1Mm(), fromMm, toMm)] = 'T';
            marks[columnOf(map.l5s1Mm(), fromMm, toMm)] = 'L';
        }
        out.append("   ").append(new String(marks).stripTrailing()).append('\n');
        String left = String.format(Locale.ROOT, "%.0f mm", fromMm);
        String right = String.format(Locale.ROOT, "%.0f mm", toMm);
        out.append("   ").append(left).append(" ".repeat(Math.max(1, WIDTH - left.length() - right.length())))
                .append(right).append('\n');
        if (map != null) {
            out.append("   C = C7, T = T12/L1, L = L5/S1, . = the other levels\n");
        }
        return out.toString();
    }

    private static int columnOf(double xMm, double fromMm, double toMm) {
        int c = (int) Math.floor((xMm - fromMm) / (toMm - fromMm) * WIDTH);
        return Math.max(0, Math.min(WIDTH - 1, c));
    }
}
