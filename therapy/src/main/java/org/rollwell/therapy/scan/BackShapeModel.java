package org.rollwell.therapy.scan;

import org.rollwell.therapy.anatomy.SpineMap;

/**
 * The back-shape model a scan's surface is fitted with (DOMAIN.md §3), region by region: the
 * back's curvature is a smooth half-wave in each region (the neck hollow, the thoracic
 * convexity, the lumbar hollow, the sacrum, the gluteal cleft) whose sign changes at the
 * junctions, so T12/L1 is where the thoracic convexity turns into the lumbar hollow and L5/S1
 * where the hollow meets the sacrum. The neck, sacrum and gluteal lengths follow the thoracic
 * length by the normative proportions of {@link SpineMap}. The tissue under the rollers changes
 * stiffness at each junction (a small step in the lift at constant force), breathing adds a
 * sinusoid in TIME, strongest over the thorax, fading to the neck and the sacrum, and the
 * spinous processes are non-negative bumps. For given junctions, breathing rate and bump width
 * all the rest is linear: {@link #error} solves it by least squares. {@link BackShapeFit}
 * searches the junctions. Stretches without rows (a crossing lifted off) simply have no rows:
 * the model's curves are continuous and bridge them.
 */
final class BackShapeModel {

    /** T12/L1 − C7/T1 is twelve thoracic vertebrae of the 12.5 that make up the thoracic length. */
    static final double C7T1_TO_T12L1_PER_HEIGHT = SpineMap.THORACIC_PER_HEIGHT * 12.0 / 12.5;
    /** Occiput to C7/T1: crown–C7 0.135 × height, plus half a vertebra, minus crown–occiput ≈ 0.06 × height (choice). */
    static final double NECK_PER_HEIGHT = SpineMap.VERTEX_TO_C7_PER_HEIGHT + SpineMap.THORACIC_PER_HEIGHT / 25.0 - 0.06;
    static final double GLUTEAL_PER_HEIGHT = 0.09;
    /**
     * Columns: 0–1 level and tilt; 2 the neck's bend, 3–4 the lower neck's; 5–6 breathing; 7 the tissue
     * step at C7/T1; 8–11 the bends of the thorax, the lumbar spine, the sacrum and the gluteal cleft,
     * each signed as a back curves; 12–14 the tissue steps at T12/L1, L5/S1 and the sacrum's tip, each
     * signed as anatomy has it; 15–17 the spinous processes (C7 with T1, the thoracic comb, the lumbar
     * comb).
     */
    static final int COLUMNS = 18;
    /** Columns from here on are held at 0 or above: the signed bends and steps, and the processes. */
    private static final int FIRST_SIGNED_COLUMN = 8;
    private static final int FIRST_BUMP_COLUMN = 15;
    private static final int C7_COLUMN = 15;
    private static final int LUMBAR_COMB_COLUMN = 17;

    private final double[] x;
    private final double[] y;
    private final int n;
    // Work space, reused across the few hundred evaluations of one fit.
    private final double[] row = new double[COLUMNS];
    private final double[] nextRow = new double[COLUMNS];
    private final double[] thirdRow = new double[COLUMNS];
    private final double[] fourthRow = new double[COLUMNS];
    private final double[] normal = new double[COLUMNS * COLUMNS];
    private final double[] rhs = new double[COLUMNS];
    private final double[] beta = new double[COLUMNS];
    private final LeastSquares.Work solverWork = new LeastSquares.Work(COLUMNS);
    /** The columns that reach the current pair of rows (see {@link #accumulate}). */
    private final int[] reached = new int[COLUMNS];
    /** The window's rows as the last {@link #startBreathSweep} summed them, row-major. */
    private final double[] keptRows;
    private final double[] sweepNormal = new double[COLUMNS * COLUMNS];
    private final double[] sweepRhs = new double[COLUMNS];
    private double sweepC;
    private double sweepT;
    private double sweepL;
    private boolean sweepPossible;
    /** The evaluations already made, so that a search coming back to one does not repeat it. */
    private final EvaluationMemo memo = new EvaluationMemo(COLUMNS);
    /** The terms at each row: the curves, steps, breathing and processes, with the search's settings. */
    private final BackShapeTerms terms;
    private int windowFrom;
    private int windowTo;
    /**
     * The fitted shape. Angles in degrees; positions in bed mm. {@code c7ProcessMm} is C7 read from its
     * prominence alone (the C7 template moved with every other term held), which may differ from C7
     * half a vertebra above {@code c7t1Mm}, where the curves put it.
     */
    record Shape(double c7t1Mm, double c7ProcessMm, double t12l1Mm, double l5s1Mm, double heightMm,
                 double surfaceKyphosisDeg, double surfaceLordosisDeg, double residualMm, double breathHz,
                 double lumbarProminenceMm, double c7ProminenceMm, double c7RivalRatio) {
    }

    private BackShapeModel(double[] x, double[] y, double[] timeS) {
        this.x = x;
        this.y = y;
        this.n = x.length;
        this.terms = new BackShapeTerms(x, timeS);
        this.keptRows = new double[n * COLUMNS];
    }

    /** The model of {@code grid}'s surface. */
    static BackShapeModel of(SurfaceGrid grid) {
        return new BackShapeModel(grid.x, grid.y, grid.timeS);
    }

    // The search sets the breathing rate, whether the spinous processes are in, and their width;
    // after an evaluation it reads the prominences the fit found.
    double breathHz() {
        return terms.breathHz;
    }

    void breathHz(double hz) {
        terms.breathHz = hz;
    }

    boolean withBumps() {
        return terms.withBumps;
    }

    void withBumps(boolean with) {
        terms.withBumps = with;
    }

    double bumpWidthMm() {
        return terms.bumpWidthMm;
    }

    void bumpWidthMm(double widthMm) {
        terms.bumpWidthMm = widthMm;
    }

    /** Moves the C7 (with T1) template this far from where the curves' C7/T1 puts it, mm (0 for the fit itself). */
    void c7ShiftMm(double shiftMm) {
        terms.c7ShiftMm = shiftMm;
    }

    /** The C7 (with T1) prominence of the last evaluation, mm. */
    double c7ProminenceMm() {
        return beta[C7_COLUMN];
    }

    /** The lumbar processes' prominence of the last evaluation, mm. */
    double lumbarProminenceMm() {
        return beta[LUMBAR_COMB_COLUMN];
    }

    void setWindow(double c, double t, double l) {
        double heightMm = (t - c) / C7T1_TO_T12L1_PER_HEIGHT;
        double fromMm = c - 0.5 * NECK_PER_HEIGHT * heightMm;
        double toMm = l + SpineMap.SACRUM_PER_HEIGHT * heightMm + 0.3 * GLUTEAL_PER_HEIGHT * heightMm;
        windowFrom = 0;
        while (windowFrom < n - 1 && x[windowFrom] < fromMm) {
            windowFrom++;
        }
        windowTo = n;
        while (windowTo > windowFrom + 1 && x[windowTo - 1] > toMm) {
            windowTo--;
        }
    }

    /** Mean squared residual of the best linear fit for junctions c, t, l; infinite for an impossible spine. */
    double error(double c, double t, double l) {
        if (!possible(c, t, l)) {
            return Double.POSITIVE_INFINITY;
        }
        int slot = memo.find(c, t, l, terms.breathHz, terms.bumpWidthMm, terms.c7ShiftMm, terms.withBumps,
                windowFrom, windowTo);
        if (slot >= 0) {
            return memo.recall(slot, beta);
        }
        accumulate(c, t, l, false);
        double e = solved();
        memo.remember(c, t, l, terms.breathHz, terms.bumpWidthMm, terms.c7ShiftMm, terms.withBumps, windowFrom,
                windowTo, e, beta);
        return e;
    }

    /**
     * Begins a sweep of the breathing rate at junctions c, t, l: {@link #breathSweepError} then gives,
     * for the rate set, exactly {@link #error}'s value (and leaves the same coefficients). Only the two
     * breathing columns change with the rate, so the rest of the normal equations is summed once here and
     * only the breathing row and column are summed again, each entry still the sum of the same products
     * over the same rows in the same order (bit for bit the same, {@code BreathSweepTest}).
     */
    void startBreathSweep(double c, double t, double l) {
        sweepC = c;
        sweepT = t;
        sweepL = l;
        sweepPossible = possible(c, t, l);
        if (sweepPossible) {
            accumulate(c, t, l, true);
            System.arraycopy(normal, 0, sweepNormal, 0, normal.length);
            System.arraycopy(rhs, 0, sweepRhs, 0, rhs.length);
        }
    }

    /** {@link #error} at the sweep's junctions and the breathing rate now set (see {@link #startBreathSweep}). */
    double breathSweepError() {
        if (!sweepPossible) {
            return Double.POSITIVE_INFINITY;
        }
        terms.prepare(sweepC, sweepT, sweepL);
        System.arraycopy(sweepNormal, 0, normal, 0, normal.length);
        System.arraycopy(sweepRhs, 0, rhs, 0, rhs.length);
        BreathingSums.sumAgain(terms, x, y, windowFrom, windowTo, keptRows, normal, rhs);
        double e = solved();
        memo.remember(sweepC, sweepT, sweepL, terms.breathHz, terms.bumpWidthMm, terms.c7ShiftMm, terms.withBumps,
                windowFrom, windowTo, e, beta);
        return e;
    }

    private static boolean possible(double c, double t, double l) {
        return t - c > 150 && l - t > 80 && (l - t) < 1.2 * (t - c);
    }

    /**
     * The errors with the C7 (with T1) template moved by each whole millimetre from {@code -steps} to
     * {@code steps} (index {@code k + steps}), every other term held: the same values as {@link #error}
     * after {@link #c7ShiftMm} for each shift, computed for a fraction of the cost. Only the template's
     * row and column of the normal equations change with the shift, and only over the few rows the
     * template reaches, so the rest is summed once; each entry is still the sum of the same products in
     * the same order (a row the template misses adds exactly zero), so the errors are bit for bit those
     * of {@link #error}. Leaves the shift at 0.
     */
    double[] c7SlideErrors(double c, double t, double l, int steps) {
        double[] errors = new double[2 * steps + 1];
        if (!possible(c, t, l) || !terms.withBumps) {
            for (int k = -steps; k <= steps; k++) {
                terms.c7ShiftMm = k;
                errors[k + steps] = error(c, t, l);
            }
            terms.c7ShiftMm = 0;
            return errors;
        }
        terms.c7ShiftMm = 0;
        accumulate(c, t, l, false);
        double[] baseNormal = normal.clone();
        double[] baseRhs = rhs.clone();
        int base = C7_COLUMN * COLUMNS;
        for (int k = -steps; k <= steps; k++) {
            terms.c7ShiftMm = k;
            System.arraycopy(baseNormal, 0, normal, 0, normal.length);
            System.arraycopy(baseRhs, 0, rhs, 0, rhs.length);
            for (int b = 0; b <= C7_COLUMN; b++) {
                normal[base + b] = 0;
            }
            for (int a = C7_COLUMN + 1; a < COLUMNS; a++) {
                normal[a * COLUMNS + C7_COLUMN] = 0;
            }
            rhs[C7_COLUMN] = 0;
            int i = windowFrom;
            for (; i + 1 < windowTo; i += 2) {
                if (terms.c7Template(x[i], c) == 0 && terms.c7Template(x[i + 1], c) == 0) {
                    continue;
                }
                terms.columns(row, i, c, t, l);
                terms.columns(nextRow, i + 1, c, t, l);
                double ra = row[C7_COLUMN];
                double rb = nextRow[C7_COLUMN];
                rhs[C7_COLUMN] = rhs[C7_COLUMN] + ra * y[i] + rb * y[i + 1];
                for (int b = 0; b <= C7_COLUMN; b++) {
                    normal[base + b] = normal[base + b] + ra * row[b] + rb * nextRow[b];
                }
                for (int a = C7_COLUMN + 1; a < COLUMNS; a++) {
                    if (row[a] != 0 || nextRow[a] != 0) {
                        normal[a * COLUMNS + C7_COLUMN] = normal[a * COLUMNS + C7_COLUMN] + row[a] * ra + nextRow[a] * rb;
                    }
                }
            }
            if (i < windowTo && terms.c7Template(x[i], c) != 0) {
                terms.columns(row, i, c, t, l);
                double ra = row[C7_COLUMN];
                rhs[C7_COLUMN] += ra * y[i];
                for (int b = 0; b <= C7_COLUMN; b++) {
                    normal[base + b] += ra * row[b];
                }
                for (int a = C7_COLUMN + 1; a < COLUMNS; a++) {
                    if (row[a] != 0) {
                        normal[a * COLUMNS + C7_COLUMN] += row[a] * ra;
                    }
                }
            }
            errors[k + steps] = solved();
        }
        terms.c7ShiftMm = 0;
        return errors;
    }

    /** The sum of squares so far of the window's surface, for {@link #solved}. */
    private double windowSumOfSquares;

    /**
     * Sums the normal equations of junctions c, t, l over the window (the lower triangle); keeps the
     * rows for a breathing sweep if asked.
     */
    private void accumulate(double c, double t, double l, boolean keepRows) {
        java.util.Arrays.fill(normal, 0);
        java.util.Arrays.fill(rhs, 0);
        double yy = 0;
        terms.prepare(c, t, l);
        // Four rows per pass: each sum still adds row i, i + 1, i + 2, then i + 3, in that order (the same
        // sums as one row per pass), but the normal matrix is read and written a quarter as often. Only the
        // columns that reach one of the four rows are multiplied (most rows reach a dozen of the eighteen: a
        // region's bend is 0 above it, a process 0 away from it). A product left out is exactly ±0, and
        // adding ±0 to a sum that began at +0 leaves it bit for bit as it was (a sum of doubles can only
        // be -0 if every addend was), so the sums are those of multiplying every column of every row.
        int i = windowFrom;
        for (; i + 3 < windowTo; i += 4) {
            terms.columns(row, i, c, t, l);
            terms.columns(nextRow, i + 1, c, t, l);
            terms.columns(thirdRow, i + 2, c, t, l);
            terms.columns(fourthRow, i + 3, c, t, l);
            if (keepRows) {
                int at = (i - windowFrom) * COLUMNS;
                System.arraycopy(row, 0, keptRows, at, COLUMNS);
                System.arraycopy(nextRow, 0, keptRows, at + COLUMNS, COLUMNS);
                System.arraycopy(thirdRow, 0, keptRows, at + 2 * COLUMNS, COLUMNS);
                System.arraycopy(fourthRow, 0, keptRows, at + 3 * COLUMNS, COLUMNS);
            }
            double yA = y[i];
            double yB = y[i + 1];
            double yC = y[i + 2];
            double yD = y[i + 3];
            int m = 0;
            for (int a = 0; a < COLUMNS; a++) {
                if (row[a] != 0 || nextRow[a] != 0 || thirdRow[a] != 0 || fourthRow[a] != 0) {
                    reached[m++] = a;
                }
            }
            for (int ia = 0; ia < m; ia++) {
                int a = reached[ia];
                double ra = row[a];
                double rb = nextRow[a];
                double rc = thirdRow[a];
                double rd = fourthRow[a];
                rhs[a] = rhs[a] + ra * yA + rb * yB + rc * yC + rd * yD;
                int base = a * COLUMNS;
                for (int ib = 0; ib <= ia; ib++) {
                    int b = reached[ib];
                    normal[base + b] = normal[base + b] + ra * row[b] + rb * nextRow[b] + rc * thirdRow[b]
                            + rd * fourthRow[b];
                }
            }
            yy = yy + yA * yA + yB * yB + yC * yC + yD * yD;
        }
        for (; i < windowTo; i++) {
            terms.columns(row, i, c, t, l);
            if (keepRows) {
                System.arraycopy(row, 0, keptRows, (i - windowFrom) * COLUMNS, COLUMNS);
            }
            for (int a = 0; a < COLUMNS; a++) {
                double ra = row[a];
                if (ra == 0) {
                    continue;
                }
                rhs[a] += ra * y[i];
                for (int b = 0; b <= a; b++) {
                    normal[a * COLUMNS + b] += ra * row[b];
                }
            }
            yy += y[i] * y[i];
        }
        windowSumOfSquares = yy;
    }

    /** Mean squared residual of the normal equations as {@link #accumulate} left them. */
    private double solved() {
        double yy = windowSumOfSquares;
        if (!solveWithProminentBumps()) {
            return Double.POSITIVE_INFINITY;
        }
        double explained = 0;
        for (int a = 0; a < COLUMNS; a++) {
            explained += beta[a] * rhs[a];
        }
        int count = windowTo - windowFrom;
        return Math.max(0, yy - explained) / Math.max(1, count);
    }

    /**
     * Solves the normal equations with the signed tissue steps at their anatomical sign (see
     * {@link #columns}) and every spinous-process amplitude at least 0: a process is a
     * prominence, never a dip. Without this the fit could lay the C7 template over the hollow
     * between two processes with a negative amplitude, half a vertebra off (the commonest C7 miss
     * on spines lying off the centre line, whose bumps are faint).
     */
    private boolean solveWithProminentBumps() {
        if (terms.withBumps) {
            return LeastSquares.solveNonNegative(normal, rhs, beta, COLUMNS, FIRST_SIGNED_COLUMN, COLUMNS, solverWork);
        }
        // Without the processes their columns are all zero (their sums exactly +0): solved with the rest,
        // the ridge leaves their coefficients at exactly +0 and the others as if they were not there, so
        // they are left out of the factoring and set to +0 (bit for bit the same answer, for less work).
        java.util.Arrays.fill(beta, FIRST_BUMP_COLUMN, COLUMNS, 0.0);
        return LeastSquares.solveNonNegative(normal, rhs, beta, FIRST_BUMP_COLUMN, COLUMNS, FIRST_SIGNED_COLUMN,
                FIRST_BUMP_COLUMN, solverWork);
    }

    Shape shape(double c, double t, double l, double residualMm, double c7RivalRatio, double c7ProcessShiftMm) {
        error(c, t, l); // leaves beta for these junctions
        // Slopes of the surface (mm/mm) at the junctions, from the bend terms only: breathing and
        // tissue steps are not the back's shape.
        double slopeC7t1 = beta[1] / 100.0 + beta[2] + beta[3] + beta[4];
        double slopeT12l1 = slopeC7t1 + beta[8];
        double slopeL5s1 = slopeT12l1 - beta[9];
        double kyphosisDeg = Math.toDegrees(Math.atan(slopeT12l1) - Math.atan(slopeC7t1));
        double lordosisDeg = Math.toDegrees(Math.atan(slopeT12l1) - Math.atan(slopeL5s1));
        return new Shape(c, c + c7ProcessShiftMm - (t - c) / 24.0, t, l, (t - c) / C7T1_TO_T12L1_PER_HEIGHT, kyphosisDeg, lordosisDeg, residualMm, terms.breathHz,
                beta[LUMBAR_COMB_COLUMN], beta[C7_COLUMN], c7RivalRatio);
    }
}
