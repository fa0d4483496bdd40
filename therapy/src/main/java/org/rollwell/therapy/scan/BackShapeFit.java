package org.rollwell.therapy.scan;

import org.rollwell.therapy.anatomy.SpineMap;

/**
 * Fits a back's shape to a scan's surface estimate: the junctions C7/T1, T12/L1 and L5/S1,
 * the surface angles between them, and the breathing that rides on top.
 *
 * <p>The model is the one DOMAIN.md §3 describes, region by region: the back's curvature
 * is a smooth half-wave in each region (the neck hollow, the thoracic convexity, the
 * lumbar hollow, the sacrum, the gluteal cleft) whose sign changes at the junctions, so
 * T12/L1 is where the thoracic convexity turns into the lumbar hollow and L5/S1 where the
 * hollow meets the sacrum. The neck, sacrum and gluteal lengths follow the thoracic length
 * by the normative proportions of {@link SpineMap}. The tissue under the rollers changes
 * stiffness at each junction (a small step in the lift at constant force), and breathing
 * adds a sinusoid in TIME, strongest over the thorax, fading to the neck and the sacrum.
 * For given junctions and breathing rate all the rest is linear (least squares); the
 * junctions and the rate are searched (coarse grid, then Nelder–Mead).
 */
final class BackShapeFit {

    static final double GRID_MM = 2.0;
    /** Rows further than this from the setpoint are left out of the shape (choice: ~3 σ of a good loop). */
    static final double TRUSTED_FORCE_BAND_N = 15.0;
    /** T12/L1 − C7/T1 is twelve thoracic vertebrae of the 12.5 that make up the thoracic length. */
    static final double C7T1_TO_T12L1_PER_HEIGHT = SpineMap.THORACIC_PER_HEIGHT * 12.0 / 12.5;
    /** Occiput to C7/T1: crown–C7 0.135 × height, plus half a vertebra, minus crown–occiput ≈ 0.06 × height (choice). */
    static final double NECK_PER_HEIGHT = SpineMap.VERTEX_TO_C7_PER_HEIGHT + SpineMap.THORACIC_PER_HEIGHT / 25.0 - 0.06;
    static final double GLUTEAL_PER_HEIGHT = 0.09;
    private static final double PRIOR_SCALE_MM = 25.0;
    /**
     * Columns: 0–1 level and tilt; 2–6 the regions' bends; 7–9 tissue steps; 10–11 breathing; 12–14
     * the spinous processes (C7 with T1, the thoracic comb, the lumbar comb); 15–16 the lower neck.
     */
    private static final int COLUMNS = 17;
    private static final int FIRST_BUMP_COLUMN = 12;
    private static final int BUMP_COLUMNS_END = 15;
    private static final int C7_COLUMN = 12;
    private static final int LUMBAR_COMB_COLUMN = 14;
    /**
     * C7 must stand out at least half as much as the lumbar processes (choice: C7 is the vertebra
     * prominens, DOMAIN.md §3; on good fits of the twin's backs it shows 1.2× the lumbar median).
     */
    private static final double C7_PROMINENCE_PER_LUMBAR = 0.5;
    /** How hard a C7 without that prominence is penalised (choice: a C7 that shows none costs 5× the error). */
    private static final double PROMINENCE_WEIGHT = 4.0;
    /** How far the C7 prominence is looked for, mm (about 1.5 thoracic vertebrae, choice). */
    private static final double C7_SEARCH_MM = 35.0;
    /** How many first placements (pairs of supports) a doubtful fit may try (choice). */
    private static final int GUESSES = 2;
    /** A stretch this long without rows is bridged (a crossing lifted off), not a few rows off the force (choice). */
    static final double BRIDGE_MM = 20.0;
    /** How many sacral supports a bridged trace tries besides the usual placements (choice). */
    private static final int BRIDGED_GUESSES = 3;
    /** See {@link Candidate#doubtful()}. */
    static final double DOUBTFUL_LUMBAR_PROMINENCE_MM = 0.5;
    static final double DOUBTFUL_RESIDUAL_MM = 0.33;
    static final double MIN_SPINE_HEIGHT_MM = 1350;
    static final double MAX_SPINE_HEIGHT_MM = 2150;
    /** A spinous process felt through the tissue: a bump this wide (σ), wider off the centre line (choice). */
    private static final double[] BUMP_WIDTHS_MM = {5.0, 7.5, 10.0};
    private static final double MIN_BREATH_HZ = 0.17;
    private static final double MAX_BREATH_HZ = 0.28;

    private final double[] x;
    private final double[] y;
    private final double[] timeS;
    private double[] breathCos;
    private double[] breathSin;
    /**
     * The breathing tables by rate: every smooth fit scans the same rates again, and a table costs
     * two trigonometric functions per row (the same values, computed once per fit).
     */
    private final java.util.Map<Double, double[][]> breathTables = new java.util.HashMap<>();
    private double breathTableHz = Double.NaN;
    private final int n;
    // Work space, reused across the few hundred evaluations of one fit.
    private final double[] row = new double[COLUMNS];
    private final double[] nextRow = new double[COLUMNS];
    private final double[] normal = new double[COLUMNS * COLUMNS];
    private final double[] rhs = new double[COLUMNS];
    private final double[] beta = new double[COLUMNS];
    private final LeastSquares.Work solverWork = new LeastSquares.Work(COLUMNS);
    private int windowFrom;
    private int windowTo;
    private double breathHz;
    private boolean withBumps;
    private double bumpWidthMm = BUMP_WIDTHS_MM[0];

    /** The fitted shape. Angles in degrees; positions in bed mm. */
    record Shape(double c7t1Mm, double t12l1Mm, double l5s1Mm, double heightMm,
                 double surfaceKyphosisDeg, double surfaceLordosisDeg, double residualMm, double breathHz,
                 double lumbarProminenceMm, double c7ProminenceMm) {
    }

    private BackShapeFit(double[] x, double[] y, double[] timeS) {
        this.x = x;
        this.y = y;
        this.timeS = timeS;
        this.n = x.length;
    }

    /** Resamples the surface onto a regular grid (bins of {@link #GRID_MM}), averaging rows and their times. */
    static BackShapeFit of(ScanTrace trace, double[] surfaceMm) {
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
        return new BackShapeFit(x, y, t);
    }

    /**
     * The surface on an even grid, straight lines across bins without rows (a stretch crossed lifted
     * off, rows off the force): the first placement reads the surface by grid steps, not by rows.
     */
    private double[][] evenGrid() {
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

    private boolean bridged() {
        for (int k = 0; k + 1 < n; k++) {
            if (x[k + 1] - x[k] > BRIDGE_MM) {
                return true;
            }
        }
        return false;
    }

    double[] positionsMm() {
        return x.clone();
    }

    double[] surfaceMm() {
        return y.clone();
    }

    /** The fit, or null when the trace shows no thoracic convexity, lumbar hollow and sacrum in a row. */
    Shape fit() {
        double[][] grid = evenGrid();
        java.util.List<double[]> guesses = new java.util.ArrayList<>(InitialGuess.candidates(grid[0], grid[1], GUESSES));
        boolean bridged = bridged();
        if (bridged) {
            // a stretch crossed lifted off may hide the thoracic apex: try the sacral supports too, all of them
            guesses.addAll(InitialGuess.fromSacralSupports(grid[0], grid[1], x, BRIDGED_GUESSES));
        }
        if (guesses.isEmpty()) {
            return null;
        }
        // The likeliest pair of supports first; another only when that fit is doubtful (a flat, heavy
        // back can rest as low on the head cushion as on its thoracic apex, and the neck's rise then
        // passes for the lumbar hollow).
        Candidate best = fitFrom(guesses.get(0));
        for (int g = 1; g < guesses.size() && (bridged || best.doubtful()); g++) {
            Candidate other = fitFrom(guesses.get(g));
            if (other.score() < best.score()) {
                best = other;
            }
        }
        double[] p = best.junctionsMm();
        breathHz = best.breathHz();
        bumpWidthMm = best.bumpWidthMm();
        withBumps = true;
        setWindow(best.windowMm()[0], best.windowMm()[1], best.windowMm()[2]);
        double e = error(p[0], p[1], p[2]);
        return shape(p[0], p[1], p[2], Math.sqrt(e));
    }

    /** The whole fit from one first placement of the junctions. */
    private Candidate fitFrom(double[] guess) {
        withBumps = false;
        double c = guess[0];
        double t = guess[1];
        double l = guess[2];
        breathHz = 0.5 * (MIN_BREATH_HZ + MAX_BREATH_HZ);
        setWindow(c, t, l);
        // Coarse: the sacral support places L5/S1 well, the thoracic apex much less so (it moves with how
        // the back rests). So try every spine length from L5/S1 up, by the normative proportions.
        int lengths = (int) ((MAX_SPINE_HEIGHT_MM - MIN_SPINE_HEIGHT_MM) / 25) + 1;
        double[] lengthError = new double[lengths];
        double[][] lengthStart = new double[lengths][];
        for (int h = 0; h < lengths; h++) {
            double heightMm = MIN_SPINE_HEIGHT_MM + 25 * h;
            lengthError[h] = Double.POSITIVE_INFINITY;
            for (double shiftMm = -20; shiftMm <= 20.1; shiftMm += 20) {
                double ll = l + shiftMm;
                double tt = ll - SpineMap.LUMBAR_PER_HEIGHT * heightMm;
                double cc = tt - C7T1_TO_T12L1_PER_HEIGHT * heightMm;
                setWindow(cc, tt, ll);
                double e = error(cc, tt, ll);
                if (e < lengthError[h]) {
                    lengthError[h] = e;
                    lengthStart[h] = new double[] {cc, tt, ll};
                }
            }
        }
        // The smooth curves first, from the best spine length and from the best one clearly apart from
        // it (a short and a long spine can both look plausible): without the spinous processes the
        // error changes smoothly with the junctions, so the simplex finds each basin; keep the better.
        int first = 0;
        for (int h = 1; h < lengths; h++) {
            if (lengthError[h] < lengthError[first]) {
                first = h;
            }
        }
        // Also the best spine lengths clearly shorter and clearly longer than that (a short and a long
        // spine can both look plausible): without the spinous processes the error changes smoothly with
        // the junctions, so the simplex finds each basin.
        int shorter = -1;
        int longer = -1;
        for (int h = 0; h < lengths; h++) {
            if ((first - h) * 25 > 150 && (shorter < 0 || lengthError[h] < lengthError[shorter])) {
                shorter = h;
            }
            if ((h - first) * 25 > 150 && (longer < 0 || lengthError[h] < lengthError[longer])) {
                longer = h;
            }
        }
        java.util.List<double[]> basins = new java.util.ArrayList<>(3);
        basins.add(smooth(lengthStart[first]));
        for (int h : new int[] {shorter, longer}) {
            if (h >= 0) {
                basins.add(smooth(lengthStart[h]));
            }
        }
        // The best smooth fit is refined; the others only if that refined fit is doubtful, and then the
        // best final fit wins: judged on the smooth curves alone, a spine scaled wrong by a few
        // vertebrae can look as good as the right one (seen on 3 backs in 200: T12/L1 off by 30–80 mm).
        int bestBasin = 0;
        double bestSmooth = Double.POSITIVE_INFINITY;
        for (int k = 0; k < basins.size(); k++) {
            double[] q = basins.get(k);
            setWindow(q[0], q[1], q[2]);
            double e = error(q[0], q[1], q[2]);
            if (e < bestSmooth) {
                bestSmooth = e;
                bestBasin = k;
            }
        }
        Candidate best = refine(basins.get(bestBasin));
        if (best.doubtful()) {
            for (int k = 0; k < basins.size(); k++) {
                if (k != bestBasin) {
                    Candidate other = refine(basins.get(k));
                    if (other.score() < best.score()) {
                        best = other;
                    }
                }
            }
        }
        return best;
    }

    /** One refined fit: its junctions, the breathing rate and bump width it settled on, its window and its score. */
    private record Candidate(double[] junctionsMm, double breathHz, double bumpWidthMm, double[] windowMm, double score,
                             double lumbarProminenceMm, double residualMm) {
        /**
         * A fit that finds no lumbar processes, or leaves more unexplained than nine good scans in ten
         * do, may have latched onto the wrong basin (choice, from the twin's 200 backs: good fits
         * show the lumbar comb at ≈ 1.9 mm and leave ≈ 0.22 mm RMS, 0.31 mm at the 90th percentile).
         */
        boolean doubtful() {
            return lumbarProminenceMm < DOUBTFUL_LUMBAR_PROMINENCE_MM || residualMm > DOUBTFUL_RESIDUAL_MM;
        }
    }

    /**
     * From a smooth-curve fit, the spinous processes pin the junctions to the vertebrae: the error is
     * now rugged, one dip per vertebra, so each junction is searched on a fine line first.
     */
    private Candidate refine(double[] smoothFit) {
        double[] p = smoothFit;
        double[] window = p.clone();
        withBumps = false;
        setWindow(p[0], p[1], p[2]);
        breathHz = bestBreathing(p, 0.005, MIN_BREATH_HZ, MAX_BREATH_HZ);
        withBumps = true;
        bumpWidthMm = BUMP_WIDTHS_MM[0];
        breathHz = bestBreathing(p, 0.0025, breathHz - 0.01, breathHz + 0.01);
        // T12/L1 and L5/S1 are sharp (the curves change sign there); C7/T1 is not, and the C7 and T1
        // bumps can pass for each other. So: refine the lower junctions, then weigh each C7 candidate
        // one vertebra apart by its fit and by how far it strays from the normative thoracic length
        // that the lumbar length implies (DOMAIN.md §3 proportions, ±5 % each between people).
        p = lineSearch(p, 1, 12, 2);
        p = lineSearch(p, 2, 12, 2);
        double bestWidth = BUMP_WIDTHS_MM[0];
        double bestWidthError = Double.POSITIVE_INFINITY;
        for (double width : BUMP_WIDTHS_MM) {
            bumpWidthMm = width;
            double e = error(p[0], p[1], p[2]);
            if (e < bestWidthError) {
                bestWidthError = e;
                bestWidth = width;
            }
        }
        bumpWidthMm = bestWidth;
        double[] bestP = p;
        double bestScore = Double.POSITIVE_INFINITY;
        double vertebraMm = (p[1] - p[0]) / 12.0;
        for (int k = -1; k <= 1; k++) {
            double[] q = p.clone();
            q[0] = p[0] + k * vertebraMm;
            q = lineSearch(q, 0, 8, 1);
            q = NelderMead.minimise(this::penalised, q, 2.0, 40);
            double score = penalised(q);
            if (score < bestScore) {
                bestScore = score;
                bestP = q;
            }
        }
        p = NelderMead.minimise(this::penalised, bestP, 1.0, 50);
        breathHz = bestBreathing(p, 0.001, breathHz - 0.004, breathHz + 0.004);
        // C7 is the vertebra prominens (DOMAIN.md §3): where the C7 template finds less prominence than
        // half the lumbar processes', C7 sits in a hollow between processes; look again within
        // ±1.5 vertebrae for a place where it stands out, still weighed by the normative prior.
        error(p[0], p[1], p[2]);
        if (beta[C7_COLUMN] < C7_PROMINENCE_PER_LUMBAR * beta[LUMBAR_COMB_COLUMN]) {
            p = lineSearchProminent(p, C7_SEARCH_MM, 1.0);
            p = NelderMead.minimise(this::prominentC7, p, 1.0, 40);
        }
        double score = penalised(p);
        return new Candidate(p, breathHz, bumpWidthMm, window, score, beta[LUMBAR_COMB_COLUMN],
                Math.sqrt(error(p[0], p[1], p[2])));
    }

    /**
     * The fit's error, raised the further C7/T1 lies from where the lumbar length puts it by
     * normative proportions: about 10 mm (1 σ) is expected between people, so 25 mm off costs double.
     */
    private double penalised(double[] q) {
        double priorC7t1Mm = q[1] - C7T1_TO_T12L1_PER_HEIGHT / SpineMap.LUMBAR_PER_HEIGHT * (q[2] - q[1]);
        double offBy = (q[0] - priorC7t1Mm) / PRIOR_SCALE_MM;
        return error(q[0], q[1], q[2]) * (1 + offBy * offBy);
    }

    /**
     * {@link #penalised}, raised when the C7 template there finds less than {@link #C7_PROMINENCE_PER_LUMBAR} of the
     * lumbar processes' prominence: C7 is the vertebra prominens, the most prominent process
     * of the back (DOMAIN.md §3), so a C7 placed where nothing stands out is misplaced.
     */
    private double prominentC7(double[] q) {
        double score = penalised(q);
        double wanted = C7_PROMINENCE_PER_LUMBAR * beta[LUMBAR_COMB_COLUMN];
        double deficit = Math.max(0, wanted - beta[C7_COLUMN]) / Math.max(0.2, wanted);
        return score * (1 + PROMINENCE_WEIGHT * deficit * deficit);
    }

    private double[] lineSearchProminent(double[] p, double halfRangeMm, double stepMm) {
        double[] best = p.clone();
        double bestScore = prominentC7(p);
        double[] q = p.clone();
        for (double d = -halfRangeMm; d <= halfRangeMm + 1e-9; d += stepMm) {
            q[0] = p[0] + d;
            double score = prominentC7(q);
            if (score < bestScore) {
                bestScore = score;
                best = q.clone();
            }
        }
        return best;
    }

    /** The smooth-curve fit from {@code start}: window, breathing rate, then the simplex. */
    private double[] smooth(double[] start) {
        setWindow(start[0], start[1], start[2]);
        breathHz = bestBreathing(start, 0.005, MIN_BREATH_HZ, MAX_BREATH_HZ);
        double[] p = NelderMead.minimise(q -> error(q[0], q[1], q[2]), start, 12.0, 140);
        setWindow(p[0], p[1], p[2]);
        return p;
    }

    private double[] lineSearch(double[] p, int index, double halfRangeMm, double stepMm) {
        double[] best = p.clone();
        double bestError = withBumps ? penalised(p) : error(p[0], p[1], p[2]);
        double[] q = p.clone();
        for (double d = -halfRangeMm; d <= halfRangeMm + 1e-9; d += stepMm) {
            q[index] = p[index] + d;
            double e = withBumps ? penalised(q) : error(q[0], q[1], q[2]);
            if (e < bestError) {
                bestError = e;
                best = q.clone();
            }
        }
        return best;
    }

    private double bestBreathing(double[] p, double stepHz, double fromHz, double toHz) {
        double bestHz = breathHz;
        double best = Double.POSITIVE_INFINITY;
        for (double hz = fromHz; hz <= toHz + 1e-9; hz += stepHz) {
            breathHz = hz;
            double e = error(p[0], p[1], p[2]);
            if (e < best) {
                best = e;
                bestHz = hz;
            }
        }
        return bestHz;
    }

    private void setWindow(double c, double t, double l) {
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
        if (!(t - c > 150 && l - t > 80 && (l - t) < 1.2 * (t - c))) {
            return Double.POSITIVE_INFINITY;
        }
        java.util.Arrays.fill(normal, 0);
        java.util.Arrays.fill(rhs, 0);
        double yy = 0;
        prepare(c, t, l);
        // Two rows per pass: each sum still adds row i, then row i + 1, in that order (the same sums as
        // one row per pass), but the normal matrix is read and written half as often. A zero term adds
        // nothing, so a term only one of the two rows reaches is added for both.
        int i = windowFrom;
        for (; i + 1 < windowTo; i += 2) {
            columns(row, i, c, t, l);
            columns(nextRow, i + 1, c, t, l);
            double yA = y[i];
            double yB = y[i + 1];
            for (int a = 0; a < COLUMNS; a++) {
                double ra = row[a];
                double rb = nextRow[a];
                if (ra == 0 && rb == 0) {
                    continue;
                }
                rhs[a] = rhs[a] + ra * yA + rb * yB;
                int base = a * COLUMNS;
                for (int b = 0; b <= a; b++) {
                    normal[base + b] = normal[base + b] + ra * row[b] + rb * nextRow[b];
                }
            }
            yy = yy + yA * yA + yB * yB;
        }
        if (i < windowTo) {
            columns(row, i, c, t, l);
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
     * Solves the normal equations with every spinous-process amplitude at least 0: a process is a
     * prominence, never a dip. Without this the fit could lay the C7 template over the hollow
     * between two processes with a negative amplitude, half a vertebra off (the commonest C7 miss
     * on spines lying off the centre line, whose bumps are faint).
     */
    private boolean solveWithProminentBumps() {
        return withBumps
                ? LeastSquares.solveNonNegative(normal, rhs, beta, COLUMNS, FIRST_BUMP_COLUMN, BUMP_COLUMNS_END, solverWork)
                : LeastSquares.solve(normal, rhs, beta, COLUMNS);
    }

    // The junction-dependent constants of one evaluation (set by prepare, used for every row): the
    // region starts and the reciprocals of their lengths, so each row multiplies instead of divides.
    private double neckFromMm;
    private double neckMm;
    private double neckPerMm;
    private double upperNeckFromMm;
    private double lowerNeckFromMm;
    private double quarterNeckMm;
    private double quarterNeckPerMm;
    private double thoraxMm;
    private double thoraxPerMm;
    private double lumbarMm;
    private double lumbarPerMm;
    private double sacrumMm;
    private double sacrumPerMm;
    private double glutealFromMm;
    private double glutealMm;
    private double glutealPerMm;
    private double breathUpFromMm;
    private double breathUpToMm;
    private double breathUpPerMm;
    private double breathMidMm;
    private double breathDownFromMm;
    private double breathDownPerMm;
    private double breathLowToMm;
    private double breathLowPerMm;
    private double thoracicSpacingMm;
    private double lumbarSpacingMm;
    private double thoracicPerMm;
    private double lumbarVertebraPerMm;
    private double bumpPerMm;

    private void prepare(double c, double t, double l) {
        double heightMm = (t - c) / C7T1_TO_T12L1_PER_HEIGHT;
        neckMm = NECK_PER_HEIGHT * heightMm;
        neckFromMm = c - neckMm;
        neckPerMm = 1.0 / neckMm;
        upperNeckFromMm = c - 0.5 * neckMm;
        lowerNeckFromMm = c - 0.25 * neckMm;
        quarterNeckMm = 0.25 * neckMm;
        quarterNeckPerMm = 1.0 / quarterNeckMm;
        thoraxMm = t - c;
        thoraxPerMm = 1.0 / thoraxMm;
        lumbarMm = l - t;
        lumbarPerMm = 1.0 / lumbarMm;
        sacrumMm = SpineMap.SACRUM_PER_HEIGHT * heightMm;
        sacrumPerMm = 1.0 / sacrumMm;
        glutealFromMm = l + sacrumMm;
        glutealMm = GLUTEAL_PER_HEIGHT * heightMm;
        glutealPerMm = 1.0 / glutealMm;
        breathUpFromMm = c - 30;
        breathUpToMm = c + 0.3 * thoraxMm;
        breathUpPerMm = 1.0 / (breathUpToMm - breathUpFromMm);
        breathMidMm = 0.5 * (t + l);
        breathDownFromMm = t - 20;
        breathDownPerMm = 1.0 / (breathMidMm - breathDownFromMm);
        breathLowToMm = l + 20;
        breathLowPerMm = 1.0 / (breathLowToMm - breathMidMm);
        thoracicSpacingMm = thoraxMm / 12.0;
        lumbarSpacingMm = lumbarMm / 5.0;
        thoracicPerMm = 1.0 / thoracicSpacingMm;
        lumbarVertebraPerMm = 1.0 / lumbarSpacingMm;
        bumpPerMm = 1.0 / bumpWidthMm;
        if (breathTableHz != breathHz) {
            double[][] table = breathTables.get(breathHz);
            if (table == null) {
                table = new double[2][n];
                for (int k = 0; k < n; k++) {
                    table[0][k] = Math.cos(2 * Math.PI * breathHz * timeS[k]);
                    table[1][k] = Math.sin(2 * Math.PI * breathHz * timeS[k]);
                }
                breathTables.put(breathHz, table);
            }
            breathCos = table[0];
            breathSin = table[1];
            breathTableHz = breathHz;
        }
    }

    /** The terms at row {@code i} for junctions c, t, l, after {@link #prepare} for the same junctions. */
    private void columns(double[] row, int i, double c, double t, double l) {
        double xi = x[i];
        row[0] = 1;
        row[1] = (xi - c) / 100.0;
        row[2] = ShapeTerms.bend(xi, neckFromMm, neckMm, neckPerMm);
        // The lower neck bends freely in two quarters of its length: where the neck lies high (a strongly
        // kyphotic back) its surface levels off at the top of what it can reach, which a single half-wave
        // cannot follow, and C7/T1 must not be pulled to fit that plateau.
        row[15] = ShapeTerms.bend(xi, upperNeckFromMm, quarterNeckMm, quarterNeckPerMm);
        row[16] = ShapeTerms.bend(xi, lowerNeckFromMm, quarterNeckMm, quarterNeckPerMm);
        row[3] = ShapeTerms.bend(xi, c, thoraxMm, thoraxPerMm);
        row[4] = ShapeTerms.bend(xi, t, lumbarMm, lumbarPerMm);
        row[5] = ShapeTerms.bend(xi, l, sacrumMm, sacrumPerMm);
        row[6] = ShapeTerms.bend(xi, glutealFromMm, glutealMm, glutealPerMm);
        row[7] = ShapeTerms.step(xi, c);
        row[8] = ShapeTerms.step(xi, t);
        row[9] = ShapeTerms.step(xi, l);
        // Breathing moves the thorax fully, the upper lumbar back partly, neck and sacrum not (choice).
        double breathing = ShapeTerms.ramp(xi, breathUpFromMm, breathUpToMm, breathUpPerMm)
                - 0.6 * ShapeTerms.ramp(xi, breathDownFromMm, breathMidMm, breathDownPerMm)
                - 0.4 * ShapeTerms.ramp(xi, breathMidMm, breathLowToMm, breathLowPerMm);
        breathing = Math.max(0, breathing);
        row[10] = breathing * breathCos[i];
        row[11] = breathing * breathSin[i];
        // The spinous processes: C7, the vertebra prominens, with T1 below it, then the thoracic
        // and lumbar ones, each a prominence (less lift) where the level should be.
        if (!withBumps) {
            row[12] = 0;
            row[13] = 0;
            row[14] = 0;
            return;
        }
        double v = thoracicSpacingMm;
        double w = lumbarSpacingMm;
        row[12] = -(bump(xi, c - v / 2) + 0.75 * bump(xi, c + v / 2));
        row[13] = -comb(xi, c + 1.5 * v, v, thoracicPerMm, 11);
        row[14] = -comb(xi, t + 0.5 * w, w, lumbarVertebraPerMm, 5);
    }

    /** {@code count} bumps {@code spacingMm} apart from {@code firstMm}; only the nearest few are evaluated. */
    private double comb(double xMm, double firstMm, double spacingMm, double perSpacingMm, int count) {
        int nearest = (int) Math.round((xMm - firstMm) * perSpacingMm);
        double sum = 0;
        for (int k = Math.max(0, nearest - 1); k <= Math.min(count - 1, nearest + 1); k++) {
            sum += bump(xMm, firstMm + k * spacingMm);
        }
        return sum;
    }

    private double bump(double xMm, double atMm) {
        return ShapeTerms.gauss((xMm - atMm) * bumpPerMm);
    }

    private Shape shape(double c, double t, double l, double residualMm) {
        error(c, t, l); // leaves beta for these junctions
        // Slopes of the surface (mm/mm) at the junctions, from the bend terms only: breathing and
        // tissue steps are not the back's shape.
        double slopeC7t1 = beta[1] / 100.0 + beta[2] + beta[15] + beta[16];
        double slopeT12l1 = slopeC7t1 + beta[3];
        double slopeL5s1 = slopeT12l1 + beta[4];
        double kyphosisDeg = Math.toDegrees(Math.atan(slopeT12l1) - Math.atan(slopeC7t1));
        double lordosisDeg = Math.toDegrees(Math.atan(slopeT12l1) - Math.atan(slopeL5s1));
        return new Shape(c, t, l, (t - c) / C7T1_TO_T12L1_PER_HEIGHT, kyphosisDeg, lordosisDeg, residualMm, breathHz,
                beta[LUMBAR_COMB_COLUMN], beta[C7_COLUMN]);
    }




}
