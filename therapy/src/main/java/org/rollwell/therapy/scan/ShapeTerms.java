package org.rollwell.therapy.scan;

/**
 * The terms a back's shape is built of in {@link BackShapeFit}: a region's bend, a tissue step,
 * a spinous-process bump. The fit evaluates them millions of times per scan, so the
 * exponentials come from tables.
 */
final class ShapeTerms {

    /** Tissue changes between regions over about ±25 mm (logistic scale 8 mm, choice). */
    static final double STEP_WIDTH_MM = 8.0;
    private static final int GAUSS_STEPS_PER_UNIT = 200;
    private static final double[] GAUSS = new double[25 * GAUSS_STEPS_PER_UNIT + 2];
    private static final double LOGISTIC_RANGE = 20.0;
    private static final int LOGISTIC_STEPS_PER_UNIT = 100;
    private static final double[] LOGISTIC = new double[(int) (2 * LOGISTIC_RANGE * LOGISTIC_STEPS_PER_UNIT) + 2];

    /** sin(πu) for u in [0, 1], linearly interpolated (error under 1e-6 of a bend's height). */
    private static final int SINE_STEPS = 4096;
    private static final double[] SINE = new double[SINE_STEPS + 2];

    static {
        for (int k = 0; k < SINE.length; k++) {
            SINE[k] = Math.sin(Math.PI * k / SINE_STEPS);
        }
        for (int k = 0; k < GAUSS.length; k++) {
            GAUSS[k] = Math.exp(-0.5 * k / (double) GAUSS_STEPS_PER_UNIT);
        }
        for (int k = 0; k < LOGISTIC.length; k++) {
            LOGISTIC[k] = 1.0 / (1.0 + Math.exp(-(k / (double) LOGISTIC_STEPS_PER_UNIT - LOGISTIC_RANGE)));
        }
    }

    private ShapeTerms() {
    }

    /**
     * Height (mm per radian of bend) of a region whose curvature is a half-sine from
     * {@code fromMm} over {@code lengthMm}: the tangent turns by (1 − cos πu)/2 of the angle
     * inside and by all of it beyond. {@code perLengthMm} is 1 / lengthMm: the fit's rows share
     * it, so each row multiplies rather than divides.
     */
    static double bend(double xMm, double fromMm, double lengthMm, double perLengthMm) {
        double u = (xMm - fromMm) * perLengthMm;
        if (u <= 0) {
            return 0;
        }
        if (u >= 1) {
            return xMm - fromMm - lengthMm / 2;
        }
        double f = u * SINE_STEPS;
        int k = (int) f;
        double sine = SINE[k] + (f - k) * (SINE[k + 1] - SINE[k]);
        return lengthMm * (u - sine / Math.PI) / 2;
    }

    /** A smooth step from 0 to 1 at {@code atMm}. */
    static double step(double xMm, double atMm) {
        double u = (xMm - atMm) / STEP_WIDTH_MM;
        if (u <= -LOGISTIC_RANGE) {
            return 0;
        }
        if (u >= LOGISTIC_RANGE) {
            return 1;
        }
        double f = (u + LOGISTIC_RANGE) * LOGISTIC_STEPS_PER_UNIT;
        int k = (int) f;
        return LOGISTIC[k] + (f - k) * (LOGISTIC[k + 1] - LOGISTIC[k]);
    }

    /** 0 before {@code fromMm}, 1 after {@code toMm}, linear between; {@code perSpanMm} is 1 / (toMm − fromMm). */
    static double ramp(double xMm, double fromMm, double toMm, double perSpanMm) {
        return xMm <= fromMm ? 0 : xMm >= toMm ? 1 : (xMm - fromMm) * perSpanMm;
    }

    /** exp(−z²/2), zero beyond |z| = 5. */
    static double gauss(double z) {
        double zz = z * z;
        if (zz >= 25) {
            return 0;
        }
        double f = zz * GAUSS_STEPS_PER_UNIT;
        int k = (int) f;
        return GAUSS[k] + (f - k) * (GAUSS[k + 1] - GAUSS[k]);
    }
}
