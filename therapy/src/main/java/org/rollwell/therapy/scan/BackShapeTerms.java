package org.rollwell.therapy.scan;

import org.rollwell.therapy.anatomy.SpineMap;

/**
 * The terms of {@link BackShapeModel} at each row of the surface, for given junctions: the regional
 * bends, the tissue steps, breathing and the spinous processes (the columns of its least-squares fit),
 * with the settings the search sets (breathing rate, processes in or out, their width, the C7
 * template's shift). Apart from the model so that each stays a readable size; the arithmetic is the
 * model's, unchanged.
 */
final class BackShapeTerms {

    private static final double C7T1_TO_T12L1_PER_HEIGHT = BackShapeModel.C7T1_TO_T12L1_PER_HEIGHT;
    private static final double NECK_PER_HEIGHT = BackShapeModel.NECK_PER_HEIGHT;
    private static final double GLUTEAL_PER_HEIGHT = BackShapeModel.GLUTEAL_PER_HEIGHT;

    private final double[] x;
    private final double[] timeS;
    private final int n;
    private double[] breathCos;
    private double[] breathSin;
    /**
     * The breathing tables by rate: every smooth fit scans the same rates again, and a table costs
     * two trigonometric functions per row (the same values, computed once per fit).
     */
    private final java.util.Map<Double, double[][]> breathTables = new java.util.HashMap<>();
    private double breathTableHz = Double.NaN;
    // The search's settings (see BackShapeModel's accessors).
    double breathHz;
    boolean withBumps;
    double bumpWidthMm = BackShapeFit.NARROWEST_BUMP_MM;
    double c7ShiftMm;

    BackShapeTerms(double[] x, double[] timeS) {
        this.x = x;
        this.timeS = timeS;
        this.n = x.length;
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

    void prepare(double c, double t, double l) {
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
    void columns(double[] row, int i, double c, double t, double l) {
        double xi = x[i];
        row[0] = 1;
        row[1] = (xi - c) / 100.0;
        row[2] = ShapeTerms.bend(xi, neckFromMm, neckMm, neckPerMm);
        // The lower neck bends freely in two quarters of its length: where the neck lies high (a strongly
        // kyphotic back) its surface levels off at the top of what it can reach, which a single half-wave
        // cannot follow, and C7/T1 must not be pulled to fit that plateau.
        row[3] = ShapeTerms.bend(xi, upperNeckFromMm, quarterNeckMm, quarterNeckPerMm);
        row[4] = ShapeTerms.bend(xi, lowerNeckFromMm, quarterNeckMm, quarterNeckPerMm);
        double breathing = breathing(xi);
        row[5] = breathing * breathCos[i];
        row[6] = breathing * breathSin[i];
        // A back is convex over the thorax and the sacrum and hollow over the lumbar spine and the
        // gluteal cleft (DOMAIN.md §3): each bend is held to its sign, so that no placement of the
        // junctions can pass for a back by bending a region the wrong way (a thorax bent hollow, say,
        // where a crossing lifted off hides it).
        row[8] = ShapeTerms.bend(xi, c, thoraxMm, thoraxPerMm);
        row[9] = -ShapeTerms.bend(xi, t, lumbarMm, lumbarPerMm);
        row[10] = ShapeTerms.bend(xi, l, sacrumMm, sacrumPerMm);
        row[11] = -ShapeTerms.bend(xi, glutealFromMm, glutealMm, glutealPerMm);
        // The tissue under the rollers changes at each junction, and anatomy fixes which way at three of
        // them: the ribs give way to the soft lumbar muscles (the lift rises), those to the bony sacrum
        // (it falls), the sacrum to the soft buttocks (it rises). Held to those signs, a step cannot
        // pass for a bend there. The step at the sacrum's tip matters under heavy bodies: without it
        // their soft buttocks tilted L5/S1's tangent (lordosis read 3–4° high over BMI 40, on the
        // tuning sets). The step at C7/T1 (soft neck to firm thorax) is left free: where a strongly
        // kyphotic back's neck levels off at the top of the rollers' reach, the fit needs it either way
        // (held to its sign, C7 landed a vertebra off more often on the tuning sets).
        row[7] = ShapeTerms.step(xi, c);
        row[12] = ShapeTerms.step(xi, t);
        row[13] = -ShapeTerms.step(xi, l);
        row[14] = ShapeTerms.step(xi, glutealFromMm);
        // The spinous processes: C7, the vertebra prominens, with T1 below it, then the thoracic
        // and lumbar ones, each a prominence (less lift) where the level should be.
        if (!withBumps) {
            row[15] = 0;
            row[16] = 0;
            row[17] = 0;
            return;
        }
        double v = thoracicSpacingMm;
        double w = lumbarSpacingMm;
        row[15] = c7Template(xi, c);
        row[16] = -comb(xi, c + 1.5 * v, v, thoracicPerMm, 11);
        row[17] = -comb(xi, t + 0.5 * w, w, lumbarVertebraPerMm, 5);
    }

    /** How much breathing moves the surface at {@code xi} (after {@link #prepare}), 0 to 1. */
    double breathing(double xi) {
        // Breathing moves the thorax fully, the upper lumbar back partly, neck and sacrum not (choice).
        double breathing = ShapeTerms.ramp(xi, breathUpFromMm, breathUpToMm, breathUpPerMm)
                - 0.6 * ShapeTerms.ramp(xi, breathDownFromMm, breathMidMm, breathDownPerMm)
                - 0.4 * ShapeTerms.ramp(xi, breathMidMm, breathLowToMm, breathLowPerMm);
        return Math.max(0, breathing);
    }

    /** The breathing term's cosine at row {@code i}, at the rate of the last {@link #prepare}. */
    double breathCos(int i) {
        return breathCos[i];
    }

    /** The breathing term's sine at row {@code i}, at the rate of the last {@link #prepare}. */
    double breathSin(int i) {
        return breathSin[i];
    }

    /** The C7 (with T1) template at {@code xi} for C7/T1 at {@code c} (after {@link #prepare}); exactly 0 where it does not reach. */
    double c7Template(double xi, double c) {
        double v = thoracicSpacingMm;
        return -(bump(xi, c + c7ShiftMm - v / 2) + 0.75 * bump(xi, c + c7ShiftMm + v / 2));
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
}
