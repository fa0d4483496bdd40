package org.rollwell.sim.body;

import java.util.Random;

/**
 * The twin's back: where one person's vertebrae lie ({@link SpineLayout}) and the surface
 * the rollers meet, built once from a {@link Body} and a seed and then read per tick
 * without allocating.
 *
 * <p>The surface is the contact lift p(x): how far the roller must rise to touch the skin
 * at bed position x. It is built from the curvature of the back, region by region
 * (DOMAIN.md §3; a region's curvature is a half-sine, slightly skewed per person, whose
 * integral is the region's surface angle):
 * <ul>
 *   <li>head, above the occiput: it rests on a cushion, level with the top of the neck;</li>
 *   <li>neck, occiput to C7/T1: the cervical hollow, turning the tangent by half the thoracic
 *       angle and 3–10° more, so that the neck rises from C7 and levels off (choice);</li>
 *   <li>thorax, C7/T1 to T12/L1: convex by {@link SurfaceAngles#surfaceKyphosisDeg};</li>
 *   <li>lumbar, T12/L1 to L5/S1: hollow by {@link SurfaceAngles#surfaceLordosisDeg}; the
 *       inflections at C7/T1 and T12/L1 are where the curvature changes sign;</li>
 *   <li>sacrum, L5/S1 to its tip: convex by 15° + 0.6 × the lumbar angle (the sacral slope
 *       follows lordosis), then the gluteal cleft, hollow by half that.</li>
 * </ul>
 * The body rests on the mattress at the thoracic apex and the sacrum (the line through
 * both is the bed plane). Over that lie the spinous processes, each a Gaussian bump
 * towards the rollers, C7 the most prominent (vertebra prominens), T1 next; bumps shrink
 * under thicker soft tissue. A spine that lies {@code lateralOffsetMm} off the centre line
 * is felt through the paraspinal muscles: the bumps' height and their extra stiffness
 * scale by 1 / (1 + (d / 60 mm)²) and their width grows as √(1 + (d / 45 mm)²) (choice:
 * a point load spread through tissue). Breathing (12–15 /min, 1–1.75 mm amplitude)
 * moves the thorax fully, the upper lumbar back partly, neck and sacrum not at all.
 *
 * <p>Stiffness (N/mm) comes from the soft-tissue thickness, which grows with body mass
 * index (about 9 mm at BMI 22, 24 mm at BMI 40; choice), times a regional factor: firm
 * over the ribs (1.3) and the sacrum (1.8), soft over the lumbar muscles (0.8), the neck
 * (0.6) and the cushion under the head (0.5), plus a firmer spot over each spinous process.
 */
public final class ModelledBack implements Back {

    private static final double GRID_START_MM = -400.0;
    private static final double GRID_STEP_MM = 0.5;
    private static final int GRID_POINTS = 3601;          // −400 … 1400 mm
    /** The roller rests this far below the skin at the support points (choice). */
    private static final double SUPPORT_LIFT_MM = 6.0;
    /** The rollers meet the cushion under the head at this lift, or where the neck ends if lower (choice). */
    private static final double CUSHION_LIFT_MM = 40.0;
    /**
     * The highest the surface gets (upper thorax and neck of a strongly kyphotic back): with the
     * tissue's give at 60 N the lift stays within the bed's 70 mm (DOMAIN.md §2).
     */
    private static final double NECK_LIFT_MAX_MM = 55.0;
    /** {@link #forceN} skips the sine this far below the lowest breathing surface, mm (choice: far above rounding, far below a touch). */
    private static final double NO_CONTACT_MARGIN_MM = 1e-6;
    /** Neck, thorax, lumbar spine, sacrum, gluteal cleft. */
    private static final int REGIONS = 5;

    private final Body body;
    private final SpineLayout layout;
    private final long seed;
    private final boolean breathing;
    private final double breathingRateHz;
    private final double breathingAmplitudeMm;
    private final double breathingPhaseRad;
    private final double[] smoothLiftMm = new double[GRID_POINTS];
    private final double[] surfaceLiftMm = new double[GRID_POINTS];
    private final double[] stiffness = new double[GRID_POINTS];
    private final double[] breathWeight = new double[GRID_POINTS];

    /** A back for {@code body}; {@code seed} draws the individual variation, the same seed the same back. */
    public ModelledBack(Body body, long seed) {
        this(body, seed, true);
    }

    private ModelledBack(Body body, long seed, boolean breathing) {
        this.body = java.util.Objects.requireNonNull(body, "body");
        this.breathing = breathing;
        this.seed = seed;
        Random random = new Random(seed ^ 0x5CA9B0D1L);
        this.layout = SpineLayout.draw(body, random);
        // DOMAIN.md §3 asks for 12–15 breaths a minute at rest.
        this.breathingRateHz = (12.0 + 3.0 * random.nextDouble()) / 60.0;
        this.breathingAmplitudeMm = 1.0 + 0.75 * random.nextDouble();
        this.breathingPhaseRad = 2 * Math.PI * random.nextDouble();
        double neckDeg = 3 + 7 * random.nextDouble();
        double[] skew = new double[6];
        for (int i = 0; i < skew.length; i++) {
            skew[i] = 0.85 + 0.3 * random.nextDouble();
        }
        buildSmoothSurface(neckDeg, skew);
        buildBumpsAndStiffness(random);
    }

    /** The same back (same seed, same person) holding its breath: for tests of the geometry alone. */
    public ModelledBack withoutBreathing() {
        return new ModelledBack(body, seed, false);
    }

    private void buildSmoothSurface(double neckDeg, double[] skew) {
        SpineLayout s = layout;
        double kyphosisRad = Math.toRadians(SurfaceAngles.surfaceKyphosisDeg(body.kyphosisDeg()));
        double lordosisRad = Math.toRadians(SurfaceAngles.surfaceLordosisDeg(body.lordosisDeg()));
        // The sacral slope follows lordosis (choice: 15° + 0.6 × the lumbar surface angle).
        double sacralRad = Math.toRadians(15) + 0.6 * lordosisRad;
        double[] q = new double[GRID_POINTS];
        double[] curvature = new double[GRID_POINTS];
        // the regions' half-sine shapes do not depend on the tangent angles the search below tries: worked out
        // once, not once per try (issue 8, speed: the same values added in the same order, so the same surface)
        double[][] shapes = regionShapes(skew);
        // The body rests on the mattress at the thoracic apex and the sacrum: turn the whole back
        // (the tangent at C7/T1) until both lie equally low. Every angle between the tangents at
        // the junctions stays what SurfaceAngles says.
        double lo = -Math.toRadians(60);
        double hi = Math.toRadians(30);
        for (int iteration = 0; iteration < 50; iteration++) {
            double c7t1AngleRad = 0.5 * (lo + hi);
            integrate(q, curvature, shapes, c7t1AngleRad, c7t1AngleRad, kyphosisRad, lordosisRad, sacralRad);
            double thoracic = min(q, s.c7t1Mm, s.t12l1Mm);
            double sacral = min(q, s.l5s1Mm, s.sacrumTipMm + 50);
            if (sacral < thoracic) {
                lo = c7t1AngleRad;
            } else {
                hi = c7t1AngleRad;
            }
        }
        double c7t1AngleRad = 0.5 * (lo + hi);
        // The neck rises from C7/T1 and levels off short of the head (its top tangent neckDeg off
        // level, and always turning by a quarter of the thoracic angle at least).
        double occiputAngleRad = Math.max(c7t1AngleRad + kyphosisRad / 4, Math.toRadians(neckDeg));
        integrate(q, curvature, shapes, occiputAngleRad, c7t1AngleRad, kyphosisRad, lordosisRad, sacralRad);
        double lowest = min(q, s.c7t1Mm, s.sacrumTipMm + 50);
        for (int i = 0; i < GRID_POINTS; i++) {
            // Soft limits keep every contact within the lift's reach without a kink; where the
            // neck would dip under the mattress it rests on it instead.
            double lift = SUPPORT_LIFT_MM + q[i] - lowest;
            lift = NECK_LIFT_MAX_MM - softPlus(NECK_LIFT_MAX_MM - lift, 2.0);
            lift = SUPPORT_LIFT_MM / 2 + softPlus(lift - SUPPORT_LIFT_MM / 2, 1.0);
            // Above the occiput the head rests on its cushion; the surface blends into it over 20 mm.
            double head = 1.0 / (1.0 + Math.exp((xAt(i) - s.occiputMm) / 5.0));
            smoothLiftMm[i] = head * Math.min(CUSHION_LIFT_MM, lift) + (1 - head) * lift;
        }
    }

    /**
     * Heights from the tangent's turn region by region: the neck, thorax, lumbar spine, sacrum
     * and gluteal cleft (which turns the surface level again: the thighs rest on the bed). Each
     * region's slope changes along a half-sine of curvature; the tangent ANGLES at the junctions
     * are exact: C7/T1 at {@code c7t1AngleRad}, T12/L1 that plus the thoracic angle, L5/S1 that
     * minus the lumbar angle.
     */
    private void integrate(double[] q, double[] curvature, double[][] shapes, double occiputAngleRad,
                           double c7t1AngleRad, double kyphosisRad, double lordosisRad, double sacralRad) {
        double[] tangents = {occiputAngleRad, c7t1AngleRad, c7t1AngleRad + kyphosisRad,
                c7t1AngleRad + kyphosisRad - lordosisRad, c7t1AngleRad + kyphosisRad - lordosisRad + sacralRad, 0.0};
        java.util.Arrays.fill(curvature, 0.0);
        for (int r = 0; r < shapes.length; r++) {
            addHalfSine(curvature, regionFrom(r), shapes[r], Math.tan(tangents[r + 1]) - Math.tan(tangents[r]));
        }
        double slope = Math.tan(occiputAngleRad);
        double heightMm = 0;
        for (int i = 0; i < GRID_POINTS; i++) {
            slope += curvature[i] * GRID_STEP_MM;
            heightMm += slope * GRID_STEP_MM;
            q[i] = heightMm;
        }
    }

    /** Where region {@code r} (neck, thorax, lumbar spine, sacrum, gluteal cleft) starts along the bed, mm. */
    private double regionStartMm(int r) {
        SpineLayout s = layout;
        return switch (r) {
            case 0 -> s.occiputMm;
            case 1 -> s.c7t1Mm;
            case 2 -> s.t12l1Mm;
            case 3 -> s.l5s1Mm;
            default -> s.sacrumTipMm;
        };
    }

    private double regionEndMm(int r) {
        return r + 1 < REGIONS ? regionStartMm(r + 1) : layout.sacrumTipMm + 0.09 * layout.heightMm;
    }

    private int regionFrom(int r) {
        return indexAt(regionStartMm(r));
    }

    /**
     * Each region's curvature shape on the grid from its first point: a half-sine skewed by {@code skew[r]},
     * followed by the shape's sum (the last element), which scales it to the region's turn.
     */
    private double[][] regionShapes(double[] skew) {
        double[][] shapes = new double[REGIONS][];
        for (int r = 0; r < REGIONS; r++) {
            double fromMm = regionStartMm(r);
            double toMm = regionEndMm(r);
            int from = indexAt(fromMm);
            int to = indexAt(toMm);
            double[] shape = new double[Math.max(0, to - from) + 1];
            double sum = 0;
            for (int i = from; i < to; i++) {
                shape[i - from] = shape(xAt(i), fromMm, toMm, skew[r]);
                sum += shape[i - from];
            }
            shape[shape.length - 1] = sum;
            shapes[r] = shape;
        }
        return shapes;
    }

    private static double min(double[] q, double fromMm, double toMm) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = indexAt(fromMm); i <= indexAt(toMm); i++) {
            min = Math.min(min, q[i]);
        }
        return min;
    }

    private static double softPlus(double value, double widthMm) {
        return value > 8 * widthMm ? value : widthMm * Math.log1p(Math.exp(value / widthMm));
    }

    /** Adds a region's half-sine ({@code shape} from {@link #regionShapes}, starting at grid point {@code from}) turning the tangent by {@code angleRad}. */
    private static void addHalfSine(double[] curvature, int from, double[] shape, double angleRad) {
        int points = shape.length - 1;
        double sum = shape[points];
        if (sum <= 0) {
            return;
        }
        double scale = angleRad / (sum * GRID_STEP_MM);
        for (int k = 0; k < points; k++) {
            curvature[from + k] += scale * shape[k];
        }
    }

    private static double shape(double xMm, double fromMm, double toMm, double skew) {
        double u = (xMm - fromMm) / (toMm - fromMm);
        return u <= 0 || u >= 1 ? 0 : Math.sin(Math.PI * Math.pow(u, skew));
    }

    private void buildBumpsAndStiffness(Random random) {
        double bmi = body.weightKg() / Math.pow(body.heightCm() / 100.0, 2);
        double tissueMm = 6.0 + 0.8 * Math.max(0, bmi - 18.5);
        double tissueFactor = 12.0 / (12.0 + tissueMm);
        double offsetMm = Math.abs(body.lateralOffsetMm());
        double lateralFactor = 1.0 / (1.0 + Math.pow(offsetMm / 60.0, 2));
        double widthMm = 5.0 * Math.sqrt(1.0 + Math.pow(offsetMm / 45.0, 2));
        double baseStiffness = 22.0 * Math.pow(9.0 / tissueMm, 0.7);
        double[] levels = layout.levelsMm;
        double[] bumpMm = new double[levels.length];
        for (int l = 0; l < levels.length; l++) {
            double nominal = l == 0 ? 4.0 : l == 1 ? 3.0 : l <= 12 ? 1.8 : l <= 17 ? 2.2 : 1.2;
            bumpMm[l] = nominal * (0.85 + 0.3 * random.nextDouble()) * tissueFactor * lateralFactor;
        }
        SpineLayout s = layout;
        for (int i = 0; i < GRID_POINTS; i++) {
            double x = xAt(i);
            double bumps = 0;
            double spineFirmness = 0;
            for (int l = 0; l < levels.length; l++) {
                double z = (x - levels[l]) / widthMm;
                if (Math.abs(z) < 6) {
                    double g = Math.exp(-0.5 * z * z);
                    bumps += bumpMm[l] * g;
                    // Bumps never overlap enough for the firmness to pass 1.
                    spineFirmness += lateralFactor * g;
                }
            }
            surfaceLiftMm[i] = Math.max(1.0, smoothLiftMm[i] - bumps);
            // Regions blend in compliance (mm per N): the give under the rollers changes gradually
            // between regions; each spinous process stiffens the tissue over it by up to 30 %.
            double compliance = 1 / 0.8
                    + (1 / 0.6 - 1 / 0.8) * step(x, s.occiputMm)
                    + (1 / 1.3 - 1 / 0.6) * step(x, s.c7t1Mm)
                    + (1 / 0.8 - 1 / 1.3) * step(x, s.t12l1Mm)
                    + (1 / 1.8 - 1 / 0.8) * step(x, s.l5s1Mm)
                    + (1 / 0.6 - 1 / 1.8) * step(x, s.sacrumTipMm);
            stiffness[i] = baseStiffness / (compliance * (1 - 0.3 * spineFirmness));
            double breathe = ramp(x, s.c7t1Mm - 30, s.c7t1Mm + 0.3 * (s.t12l1Mm - s.c7t1Mm))
                    - 0.6 * ramp(x, s.t12l1Mm - 20, 0.5 * (s.t12l1Mm + s.l5s1Mm))
                    - 0.4 * ramp(x, 0.5 * (s.t12l1Mm + s.l5s1Mm), s.l5s1Mm + 20);
            breathWeight[i] = Math.max(0, breathe);
        }
    }

    /** A smooth step from 0 to 1 over about ±25 mm around {@code atMm}: tissue changes gradually. */
    private static double step(double xMm, double atMm) {
        return 1.0 / (1.0 + Math.exp(-(xMm - atMm) / 8.0));
    }

    private static double ramp(double xMm, double fromMm, double toMm) {
        return xMm <= fromMm ? 0 : xMm >= toMm ? 1 : (xMm - fromMm) / (toMm - fromMm);
    }

    private static double xAt(int i) {
        return GRID_START_MM + i * GRID_STEP_MM;
    }

    private static int indexAt(double xMm) {
        int i = (int) Math.round((xMm - GRID_START_MM) / GRID_STEP_MM);
        return Math.max(0, Math.min(GRID_POINTS - 1, i));
    }

    private static double interpolate(double[] values, double xMm) {
        return interpolateAt(values, gridPosition(xMm));
    }

    private static double gridPosition(double xMm) {
        return (xMm - GRID_START_MM) / GRID_STEP_MM;
    }

    /** The curve {@code values} at grid position {@code f}, linearly between its points, held at its ends. */
    private static double interpolateAt(double[] values, double f) {
        if (!(f > 0)) {
            return values[0];
        }
        if (f >= GRID_POINTS - 1) {
            return values[GRID_POINTS - 1];
        }
        int i = (int) f;
        double w = f - i;
        return values[i] * (1 - w) + values[i + 1] * w;
    }

    @Override
    public double contactLiftMm(double positionMm, double timeS) {
        double lift = interpolate(surfaceLiftMm, positionMm);
        if (breathing) {
            // Breathing in lifts the thorax towards the rollers: less lift is needed to touch it.
            lift -= breathingAmplitudeMm * interpolate(breathWeight, positionMm)
                    * Math.sin(2 * Math.PI * breathingRateHz * timeS + breathingPhaseRad);
        }
        return lift;
    }

    /**
     * As {@link Back#forceN}, bit for bit, without the breathing's sine below the lowest the skin comes with a full
     * breath in (the twin asks every 2 ms, mostly with the rollers off the back; issue 8, speed): reach · sin never
     * exceeds reach, so there the force is 0 either way; the margin covers a sine one ulp above 1.
     */
    @Override
    public double forceN(double positionMm, double liftMm, double timeS) {
        // one grid position for the three curves (asked every 2 ms; issue 8, speed): interpolate's own bits
        double f = gridPosition(positionMm);
        double lift = interpolateAt(surfaceLiftMm, f);
        if (breathing) {
            double reachMm = breathingAmplitudeMm * interpolateAt(breathWeight, f);
            if (liftMm < lift - reachMm - NO_CONTACT_MARGIN_MM) {
                return 0.0;
            }
            lift -= reachMm * Math.sin(2 * Math.PI * breathingRateHz * timeS + breathingPhaseRad);
        }
        double compressionMm = liftMm - lift;
        return compressionMm <= 0 ? 0.0 : interpolateAt(stiffness, f) * compressionMm;
    }

    @Override
    public double stiffnessNPerMm(double positionMm) {
        return interpolate(stiffness, positionMm);
    }

    /** The surface without spinous processes or breathing: the curves alone (truth, for tests). */
    public double smoothContactLiftMm(double positionMm) {
        return interpolate(smoothLiftMm, positionMm);
    }

    @Override
    public double[] levelsMm() {
        return layout.levelsMm.clone();
    }

    @Override
    public double t12l1Mm() {
        return layout.t12l1Mm;
    }

    @Override
    public double l5s1Mm() {
        return layout.l5s1Mm;
    }

    public double c7Mm() {
        return layout.levelsMm[0];
    }

    /** The C7/T1 junction, where the cervical hollow turns into the thoracic convexity. */
    public double c7t1Mm() {
        return layout.c7t1Mm;
    }

    /** The crown of the head, bed mm: {@code headOffsetMm − 150} (SpineMap.HOME_FROM_HEAD_END_MM, restated). */
    public double crownMm() {
        return layout.crownMm;
    }

    public double surfaceKyphosisDeg() {
        return SurfaceAngles.surfaceKyphosisDeg(body.kyphosisDeg());
    }

    public double surfaceLordosisDeg() {
        return SurfaceAngles.surfaceLordosisDeg(body.lordosisDeg());
    }

    public double breathingRateHz() {
        return breathing ? breathingRateHz : 0.0;
    }

    @Override
    public Body body() {
        return body;
    }
}
