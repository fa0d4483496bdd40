package org.rollwell.therapy.scan;

import org.rollwell.therapy.anatomy.SpineMap;

/**
 * The search half of the back-shape fit: where the junctions C7/T1, T12/L1 and L5/S1 lie, the
 * breathing rate and the spinous processes' width, for the model of {@link BackShapeModel}
 * (which, for given junctions, solves the rest by least squares). It starts from the places the
 * back rests on ({@link InitialGuess}), tries every spine length by the normative proportions,
 * refines the smooth curves with Nelder–Mead, then pins the junctions to the spinous processes
 * with line searches, weighed by how far C7 strays from where the lumbar length puts it.
 */
final class BackShapeFit {

    private static final double PRIOR_SCALE_MM = 25.0;
    /**
     * C7 must stand out at least half as much as the lumbar processes (choice: C7 is the vertebra
     * prominens, DOMAIN.md §3; on good fits of the twin's backs it shows 1.2× the lumbar median).
     */
    private static final double C7_PROMINENCE_PER_LUMBAR = 0.5;
    /** How hard a C7 without that prominence is penalised (choice: a C7 that shows none costs 5× the error). */
    private static final double PROMINENCE_WEIGHT = 4.0;
    /** How far the C7 prominence is looked for, mm (about 1.5 thoracic vertebrae, choice). */
    private static final double C7_SEARCH_MM = 35.0;
    /**
     * How far C7's own prominence is looked for on either side of the fit's C7, in thoracic vertebrae
     * (choice: beyond the one vertebra it slips by, as on the tuning sets' misses, short of two).
     */
    static final double C7_PROCESS_SEARCH_VERTEBRAE = 1.3;
    /** How many first placements (pairs of supports) a doubtful fit may try (choice). */
    private static final int GUESSES = 2;
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

    /** The narrowest bump width, where each fit starts. */
    static final double NARROWEST_BUMP_MM = BUMP_WIDTHS_MM[0];
    /** Shared with the model: the junction spacing by the normative proportions. */
    static final double C7T1_TO_T12L1_PER_HEIGHT = BackShapeModel.C7T1_TO_T12L1_PER_HEIGHT;

    private final SurfaceGrid surface;
    private final BackShapeModel model;

    private BackShapeFit(SurfaceGrid surface) {
        this.surface = surface;
        this.model = BackShapeModel.of(surface);
    }

    /** Resamples the surface onto a regular grid; {@link #fit()} then searches it. */
    static BackShapeFit of(ScanTrace trace, double[] surfaceMm) {
        return new BackShapeFit(SurfaceGrid.of(trace, surfaceMm));
    }

    double[] positionsMm() {
        return surface.x.clone();
    }

    double[] surfaceMm() {
        return surface.y.clone();
    }

    /** The fit, or null when the trace shows no thoracic convexity, lumbar hollow and sacrum in a row. */
    BackShapeModel.Shape fit() {
        double[][] grid = surface.evenGrid();
        java.util.List<double[]> guesses = new java.util.ArrayList<>(InitialGuess.candidates(grid[0], grid[1], GUESSES));
        boolean bridged = surface.bridged;
        if (bridged) {
            // a stretch crossed lifted off may hide the thoracic apex: try the sacral supports too, all of them
            guesses.addAll(InitialGuess.fromSacralSupports(grid[0], grid[1], surface.x, BRIDGED_GUESSES));
        }
        boolean fromSacrum = false;
        if (guesses.isEmpty()) {
            // No apex, hollow and sacrum in a row: a strongly kyphotic or heavy back may not rest its apex
            // on the mattress, a flat one shows no hollow. The sacrum still rests on it: start from there.
            guesses.addAll(InitialGuess.fromSacralSupports(grid[0], grid[1], surface.x, BRIDGED_GUESSES));
            fromSacrum = true;
        }
        if (guesses.isEmpty()) {
            return null;
        }
        // The likeliest pair of supports first; another only when that fit is doubtful (a flat, heavy
        // back can rest as low on the head cushion as on its thoracic apex, and the neck's rise then
        // passes for the lumbar hollow).
        Candidate best = fitFrom(guesses.get(0));
        for (int g = 1; g < guesses.size() && (bridged || fromSacrum || best.doubtful()); g++) {
            best = better(best, fitFrom(guesses.get(g)));
        }
        if (best.misplaced() && !bridged && !fromSacrum) {
            // still misplaced from every pair of supports: the apex found may be the head cushion's edge
            // or a fold; the sacral supports alone, with every spine length, are the last resort
            for (double[] guess : InitialGuess.fromSacralSupports(grid[0], grid[1], surface.x, BRIDGED_GUESSES)) {
                best = better(best, fitFrom(guess));
            }
        }
        double[] p = best.junctionsMm();
        model.breathHz(best.breathHz());
        model.bumpWidthMm(best.bumpWidthMm());
        model.withBumps(true);
        model.setWindow(best.windowMm()[0], best.windowMm()[1], best.windowMm()[2]);
        double e = model.error(p[0], p[1], p[2]);
        double rival = c7RivalRatio(p, e);
        double shift = c7ProminenceShift(p);
        return model.shape(p[0], p[1], p[2], Math.sqrt(e), rival, shift);
    }

    /**
     * How distinct the fitted C7/T1 is: the smallest error the fit leaves with C7/T1 one or two
     * thoracic vertebrae up or down (each searched within ±0.4 vertebra, T12/L1 and L5/S1 held), over
     * the error at the fitted place. Below 1 the trace itself fits better with C7 a vertebra or two
     * away, and C7 rests on the prior and the prominence search alone (see {@link ScanAnalyser}).
     */
    private double c7RivalRatio(double[] p, double bestError) {
        double vertebraMm = (p[1] - p[0]) / 12.0;
        double rival = Double.POSITIVE_INFINITY;
        for (int k = -2; k <= 2; k++) {
            for (double d = -0.4 * vertebraMm; k != 0 && d <= 0.4 * vertebraMm + 1e-9; d += 1.0) {
                rival = Math.min(rival, model.error(p[0] + k * vertebraMm + d, p[1], p[2]));
            }
        }
        return rival / bestError;
    }

    /**
     * Where C7's own prominence lies, apart from the curves: the C7 (with T1) template alone is moved
     * up to {@link #C7_PROCESS_SEARCH_VERTEBRAE} vertebrae either way, with the curves, junctions and
     * every other term held, and the deepest dip of the error inside that range is taken (a dip at
     * its edge is the error still falling, not a process). Returns its offset from where the fit's
     * C7/T1 puts the template, mm; 0 when the error shows no dip. The analyser compares the two.
     */
    private double c7ProminenceShift(double[] p) {
        double vertebraMm = (p[1] - p[0]) / 12.0;
        int steps = (int) Math.floor(C7_PROCESS_SEARCH_VERTEBRAE * vertebraMm);
        double[] error = model.c7SlideErrors(p[0], p[1], p[2], steps);
        double best = 0;
        double bestError = Double.POSITIVE_INFINITY;
        for (int i = 1; i < error.length - 1; i++) {
            if (error[i] < error[i - 1] && error[i] <= error[i + 1] && error[i] < bestError) {
                bestError = error[i];
                best = i - steps;
            }
        }
        return best;
    }

    /** The whole fit from one first placement of the junctions. */
    private Candidate fitFrom(double[] guess) {
        model.withBumps(false);
        double c = guess[0];
        double t = guess[1];
        double l = guess[2];
        model.breathHz(0.5 * (MIN_BREATH_HZ + MAX_BREATH_HZ));
        model.setWindow(c, t, l);
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
                model.setWindow(cc, tt, ll);
                double e = model.error(cc, tt, ll);
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
            model.setWindow(q[0], q[1], q[2]);
            double e = model.error(q[0], q[1], q[2]);
            if (e < bestSmooth) {
                bestSmooth = e;
                bestBasin = k;
            }
        }
        Candidate best = refine(basins.get(bestBasin));
        if (best.doubtful()) {
            for (int k = 0; k < basins.size(); k++) {
                if (k != bestBasin) {
                    best = better(best, refine(basins.get(k)));
                }
            }
        }
        return best;
    }

    /**
     * One fit that is not doubtful over one that is, whatever the scores (a fit of the neck's rise can leave less error), else the lower score.
     */
    private static Candidate better(Candidate best, Candidate other) {
        if (best.doubtful() != other.doubtful()) {
            return best.doubtful() ? other : best;
        }
        return other.score() < best.score() ? other : best;
    }

    /** One refined fit: its junctions, the breathing rate and bump width it settled on, its window and its score. */
    private record Candidate(double[] junctionsMm, double breathHz, double bumpWidthMm, double[] windowMm, double score,
                             double lumbarProminenceMm, double residualMm, boolean neckOffTrace) {
        /**
         * A fit that finds no lumbar processes, or leaves more unexplained than nine good scans in ten
         * do, may have latched onto the wrong basin (choice, from the twin's 200 backs: good fits
         * show the lumbar comb at ≈ 1.9 mm and leave ≈ 0.22 mm RMS, 0.31 mm at the 90th percentile).
         * So may one that puts C7/T1 above the trace's first row: the scan starts at the head, so the
         * fit has taken the back for a shorter one lower down (the analyser would refuse it anyway).
         */
        boolean doubtful() {
            return lumbarProminenceMm < DOUBTFUL_LUMBAR_PROMINENCE_MM || residualMm > DOUBTFUL_RESIDUAL_MM || neckOffTrace;
        }

        /** No lumbar processes or the neck off the trace: only this sends the search to the sacral supports (choice, bench README). */
        boolean misplaced() {
            return lumbarProminenceMm < DOUBTFUL_LUMBAR_PROMINENCE_MM || neckOffTrace;
        }
    }

    /**
     * From a smooth-curve fit, the spinous processes pin the junctions to the vertebrae: the error is
     * now rugged, one dip per vertebra, so each junction is searched on a fine line first.
     */
    private Candidate refine(double[] smoothFit) {
        double[] p = smoothFit;
        double[] window = p.clone();
        model.withBumps(false);
        model.setWindow(p[0], p[1], p[2]);
        model.breathHz(bestBreathing(p, 0.005, MIN_BREATH_HZ, MAX_BREATH_HZ));
        model.withBumps(true);
        model.bumpWidthMm(BUMP_WIDTHS_MM[0]);
        model.breathHz(bestBreathing(p, 0.0025, model.breathHz() - 0.01, model.breathHz() + 0.01));
        // T12/L1 and L5/S1 are sharp (the curves change sign there); C7/T1 is not, and the C7 and T1
        // bumps can pass for each other. So: refine the lower junctions, then weigh each C7 candidate
        // one vertebra apart by its fit and by how far it strays from the normative thoracic length
        // that the lumbar length implies (DOMAIN.md §3 proportions, ±5 % each between people).
        p = lineSearch(p, 1, 12, 2);
        p = lineSearch(p, 2, 12, 2);
        double bestWidth = BUMP_WIDTHS_MM[0];
        double bestWidthError = Double.POSITIVE_INFINITY;
        for (double width : BUMP_WIDTHS_MM) {
            model.bumpWidthMm(width);
            double e = model.error(p[0], p[1], p[2]);
            if (e < bestWidthError) {
                bestWidthError = e;
                bestWidth = width;
            }
        }
        model.bumpWidthMm(bestWidth);
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
        model.breathHz(bestBreathing(p, 0.001, model.breathHz() - 0.004, model.breathHz() + 0.004));
        // C7 is the vertebra prominens (DOMAIN.md §3): where the C7 template finds less prominence than
        // half the lumbar processes', C7 sits in a hollow between processes; look again within
        // ±1.5 vertebrae for a place where it stands out, still weighed by the normative prior.
        model.error(p[0], p[1], p[2]);
        if (model.c7ProminenceMm() < C7_PROMINENCE_PER_LUMBAR * model.lumbarProminenceMm()) {
            p = lineSearchProminent(p, C7_SEARCH_MM, 1.0);
            p = NelderMead.minimise(this::prominentC7, p, 1.0, 40);
        }
        double score = penalised(p);
        return new Candidate(p, model.breathHz(), model.bumpWidthMm(), window, score, model.lumbarProminenceMm(),
                Math.sqrt(model.error(p[0], p[1], p[2])), p[0] < surface.x[0]);
    }

    /**
     * The fit's error, raised the further C7/T1 lies from where the lumbar length puts it by
     * normative proportions: about 10 mm (1 σ) is expected between people, so 25 mm off costs double.
     */
    private double penalised(double[] q) {
        double priorC7t1Mm = q[1] - C7T1_TO_T12L1_PER_HEIGHT / SpineMap.LUMBAR_PER_HEIGHT * (q[2] - q[1]);
        double offBy = (q[0] - priorC7t1Mm) / PRIOR_SCALE_MM;
        return model.error(q[0], q[1], q[2]) * (1 + offBy * offBy);
    }

    /**
     * {@link #penalised}, raised when the C7 template there finds less than {@link #C7_PROMINENCE_PER_LUMBAR} of the
     * lumbar processes' prominence: C7 is the vertebra prominens, the most prominent process
     * of the back (DOMAIN.md §3), so a C7 placed where nothing stands out is misplaced.
     */
    private double prominentC7(double[] q) {
        double score = penalised(q);
        double wanted = C7_PROMINENCE_PER_LUMBAR * model.lumbarProminenceMm();
        double deficit = Math.max(0, wanted - model.c7ProminenceMm()) / Math.max(0.2, wanted);
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
        model.setWindow(start[0], start[1], start[2]);
        model.breathHz(bestBreathing(start, 0.005, MIN_BREATH_HZ, MAX_BREATH_HZ));
        double[] p = NelderMead.minimise(q -> model.error(q[0], q[1], q[2]), start, 12.0, 140);
        model.setWindow(p[0], p[1], p[2]);
        return p;
    }

    private double[] lineSearch(double[] p, int index, double halfRangeMm, double stepMm) {
        double[] best = p.clone();
        double bestError = model.withBumps() ? penalised(p) : model.error(p[0], p[1], p[2]);
        double[] q = p.clone();
        for (double d = -halfRangeMm; d <= halfRangeMm + 1e-9; d += stepMm) {
            q[index] = p[index] + d;
            double e = model.withBumps() ? penalised(q) : model.error(q[0], q[1], q[2]);
            if (e < bestError) {
                bestError = e;
                best = q.clone();
            }
        }
        return best;
    }

    private double bestBreathing(double[] p, double stepHz, double fromHz, double toHz) {
        double bestHz = model.breathHz();
        double best = Double.POSITIVE_INFINITY;
        model.startBreathSweep(p[0], p[1], p[2]);
        for (double hz = fromHz; hz <= toHz + 1e-9; hz += stepHz) {
            model.breathHz(hz);
            double e = model.breathSweepError();
            if (e < best) {
                best = e;
                bestHz = hz;
            }
        }
        return bestHz;
    }
}
