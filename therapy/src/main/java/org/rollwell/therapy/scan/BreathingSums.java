package org.rollwell.therapy.scan;

/**
 * The breathing row and column of {@link BackShapeModel}'s normal equations summed again for another
 * breathing rate, the rest held: what a sweep of the rate changes (see
 * {@link BackShapeModel#startBreathSweep}). Each entry is the sum of the same products over the same rows
 * in the same order as a whole evaluation makes it, so the errors are bit for bit the same.
 */
final class BreathingSums {

    /** The breathing terms' columns (cosine and sine of the rate, see {@link BackShapeTerms#columns}). */
    static final int COS_COLUMN = 5;
    static final int SIN_COLUMN = 6;
    private static final int COLUMNS = BackShapeModel.COLUMNS;

    private BreathingSums() {
    }

    /**
     * Clears the breathing row and column of {@code normal} and {@code rhs} and sums them again over rows
     * {@code from} to {@code to} at the rate {@code terms} was last prepared for; {@code keptRows} holds
     * the window's rows (row-major, from {@code from}), whose other columns do not change with the rate.
     */
    static void sumAgain(BackShapeTerms terms, double[] x, double[] y, int from, int to, double[] keptRows,
                         double[] normal, double[] rhs) {
        int cos = COS_COLUMN * COLUMNS;
        int sin = SIN_COLUMN * COLUMNS;
        for (int b = 0; b <= COS_COLUMN; b++) {
            normal[cos + b] = 0;
        }
        for (int b = 0; b <= SIN_COLUMN; b++) {
            normal[sin + b] = 0;
        }
        for (int a = SIN_COLUMN + 1; a < COLUMNS; a++) {
            normal[a * COLUMNS + COS_COLUMN] = 0;
            normal[a * COLUMNS + SIN_COLUMN] = 0;
        }
        rhs[COS_COLUMN] = 0;
        rhs[SIN_COLUMN] = 0;
        for (int i = from; i < to; i++) {
            double breathing = terms.breathing(x[i]);
            double rc = breathing * terms.breathCos(i);
            double rs = breathing * terms.breathSin(i);
            if (rc == 0 && rs == 0) {
                continue; // adds exactly nothing (a sum that began at +0 is unchanged by ±0)
            }
            int at = (i - from) * COLUMNS;
            rhs[COS_COLUMN] += rc * y[i];
            rhs[SIN_COLUMN] += rs * y[i];
            // the products as a whole evaluation forms them: this row's term times each earlier column's
            for (int b = 0; b < COS_COLUMN; b++) {
                normal[cos + b] += rc * keptRows[at + b];
            }
            normal[cos + COS_COLUMN] += rc * rc;
            for (int b = 0; b < COS_COLUMN; b++) {
                normal[sin + b] += rs * keptRows[at + b];
            }
            normal[sin + COS_COLUMN] += rs * rc;
            normal[sin + SIN_COLUMN] += rs * rs;
            for (int a = SIN_COLUMN + 1; a < COLUMNS; a++) {
                double ra = keptRows[at + a];
                normal[a * COLUMNS + COS_COLUMN] += ra * rc;
                normal[a * COLUMNS + SIN_COLUMN] += ra * rs;
            }
        }
    }
}
