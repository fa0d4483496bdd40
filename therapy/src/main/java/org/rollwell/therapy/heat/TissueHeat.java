package org.rollwell.therapy.heat;

/**
 * The one tissue-heat model of Rollwell (issue 9 item 3, DOMAIN.md §5 "Heat and skin"): the skin of
 * every 10 mm band of the back as a column of tissue in five layers (0.5, 1, 2, 4, 8 mm from the surface
 * down) obeying the Pennes bioheat equation (Pennes 1948), heated at its surface by a roller through the
 * cover. Both the planner's forecast ({@code therapy.plan.ThermalDose}, fed with the plan's roller
 * temperatures and contact duties) and the bed's estimate ({@code bed.safety.SkinEstimator}, fed with
 * thermistor readings, load cell and carriage position) step their columns with {@link #step}, and
 * both count dose with {@link Cem43}. The twin ({@code sim.SkinBands}) keeps its own, independent
 * copy of the physics with its own (truer) figures on purpose: the truth must not share a bug with the
 * estimate it judges.
 *
 * <p>Figures: tissue k = 0.37 W/mK and ρc = 3.6 MJ/m³K (Duck, Physical Properties of Tissue, 1990);
 * perfusion calibrated so a 45 °C surface resting on the skin for 33 min holds it at ≈ 39 °C
 * (Mallette et al. 2024): U_cover·(45 − 39) = U·(39 − 34) with a nominal cover of 50 W/m²K gives
 * U = √(k·P) = 60 W/m²K. The conductance used by plan and bed, {@link #COVER_W_PER_M2K}, lies above
 * the nominal 50 so the estimate errs hot (calibrated against the twin, see the constant).
 *
 * <p>Pure and allocation-free: the columns live in the caller's array, {@code LAYERS} doubles per band.
 */
public final class TissueHeat {
    /** DOMAIN.md §5: skin is estimated per 10 mm band of the back. */
    public static final double BAND_MM = 10.0;
    /** Covered back skin at rest (choice: covered trunk skin lies at 33–35 °C). */
    public static final double BASELINE_C = 34.0;
    /**
     * Roller surface → skin through the cover, W/m²K, as plan and bed use it: 10 % above the nominal
     * 50 W/m²K (choice, conservative; calibrated on the twin's tuning seeds 7201–7206 of
     * SkinEstimateTuning so that the bed's estimate stays above the twin's truth).
     */
    public static final double COVER_W_PER_M2K = 55.0;
    /** Skin and subcutis conductivity, W/mK (Duck 1990). */
    static final double TISSUE_K_W_PER_MK = 0.37;
    /** Soft tissue volumetric heat capacity, J/m³K (Duck 1990). */
    static final double TISSUE_J_PER_M3K = 3.6e6;
    /** Perfusion, W/m³K: (60 W/m²K)² / k from the 45 → 39 °C calibration (Mallette et al. 2024). */
    static final double PERFUSION_W_PER_M3K = 60.0 * 60.0 / TISSUE_K_W_PER_MK;
    /** Layer thicknesses from the surface down, mm (choice: fine where the gradients are). */
    private static final double[] LAYER_MM = {0.5, 1.0, 2.0, 4.0, 8.0};
    /** Doubles per band in a caller's column array. */
    public static final int LAYERS = LAYER_MM.length;
    /**
     * The longest explicit step, s: the thinnest layer's time constant is ≈ 3 s (1800 J/m²K over
     * ≈ 560 W/m²K), so 0.5 s stays well inside the explicit scheme's stability (choice).
     */
    public static final double MAX_STEP_S = 0.5;

    private static final double[] CAPACITY = new double[LAYERS];
    private static final double[] DOWN = new double[LAYERS];
    private static final double[] PERFUSION = new double[LAYERS];
    /**
     * {@code MAX_STEP_S / CAPACITY[n]}, worked out once: the planner's 1 s forecast steps are two of these. The
     * same division as in {@link #step}, so the result is bit for bit the same (the speed brief of issue 8).
     */
    private static final double[] MAX_STEP_PER_CAPACITY = new double[LAYERS];

    static {
        for (int n = 0; n < LAYERS; n++) {
            double hM = LAYER_MM[n] * 1e-3;
            CAPACITY[n] = TISSUE_J_PER_M3K * hM;
            PERFUSION[n] = PERFUSION_W_PER_M3K * hM;
            // centre to centre; below the last layer the body is at rest, half a layer down
            double gapM = n + 1 < LAYERS ? (hM + LAYER_MM[n + 1] * 1e-3) / 2 : hM / 2;
            DOWN[n] = TISSUE_K_W_PER_MK / gapM;
            MAX_STEP_PER_CAPACITY[n] = MAX_STEP_S / CAPACITY[n];
        }
        if (LAYERS != 5) {
            throw new ExceptionInInitializerError("TissueHeat.column is written out for 5 layers, LAYER_MM has " + LAYERS);
        }
    }

    private static final double DOWN_0 = DOWN[0], DOWN_1 = DOWN[1], DOWN_2 = DOWN[2], DOWN_3 = DOWN[3], DOWN_4 = DOWN[4];
    private static final double PERFUSION_0 = PERFUSION[0], PERFUSION_1 = PERFUSION[1], PERFUSION_2 = PERFUSION[2],
            PERFUSION_3 = PERFUSION[3], PERFUSION_4 = PERFUSION[4];

    private TissueHeat() {
    }

    /**
     * Advances one band's column by {@code stepS} seconds (split into steps of at most {@link #MAX_STEP_S}).
     *
     * @param excessC          the columns, excess over rest, °C; this band's layers at {@code at} … {@code at + LAYERS − 1}
     * @param contactWPerM2K   the conductance from the roller to the band's surface, averaged over the band
     *                         (the cover's times the share of the band under the roller); 0 when nothing touches it
     * @param rollerC          the roller's surface temperature (ignored when the conductance is 0)
     */
    public static void step(double[] excessC, int at, double contactWPerM2K, double rollerC, double stepS) {
        double left = stepS;
        double rollerExcessC = contactWPerM2K > 0 ? rollerC - BASELINE_C : 0.0;
        while (left > 1e-12) {
            double dtS = Math.min(left, MAX_STEP_S);
            if (dtS == MAX_STEP_S) {
                column(excessC, at, contactWPerM2K, rollerExcessC, MAX_STEP_PER_CAPACITY[0], MAX_STEP_PER_CAPACITY[1],
                        MAX_STEP_PER_CAPACITY[2], MAX_STEP_PER_CAPACITY[3], MAX_STEP_PER_CAPACITY[4]);
            } else {
                column(excessC, at, contactWPerM2K, rollerExcessC, dtS / CAPACITY[0], dtS / CAPACITY[1],
                        dtS / CAPACITY[2], dtS / CAPACITY[3], dtS / CAPACITY[4]);
            }
            left -= dtS;
        }
    }

    /**
     * A step of fixed length with its per-layer ratios worked out once, for a caller that steps many columns by
     * the same time (the bed's estimate: one tick under a roller). {@link #advance} gives
     * the same bits as {@link #step} with the same length.
     */
    public static final class FixedStep {
        private final double stepS;
        private final double k0, k1, k2, k3, k4;

        private FixedStep(double stepS) {
            this.stepS = stepS;
            this.k0 = stepS / CAPACITY[0];
            this.k1 = stepS / CAPACITY[1];
            this.k2 = stepS / CAPACITY[2];
            this.k3 = stepS / CAPACITY[3];
            this.k4 = stepS / CAPACITY[4];
        }

        /** The step's length, s. */
        public double stepS() {
            return stepS;
        }

        /** As {@code step(excessC, at, contactWPerM2K, rollerC, stepS())}. */
        public void advance(double[] excessC, int at, double contactWPerM2K, double rollerC) {
            if (stepS > MAX_STEP_S) {
                step(excessC, at, contactWPerM2K, rollerC, stepS);
            } else if (stepS > 1e-12) {
                column(excessC, at, contactWPerM2K, contactWPerM2K > 0 ? rollerC - BASELINE_C : 0.0, k0, k1, k2, k3, k4);
            }
        }
    }

    /**
     * The exact relaxation of a column no roller touches, over whole multiples of a step: x(k·step) = E(k·step)·x(0)
     * with E(t) = exp(A·t), A the resting column's rate matrix (conduction down, perfusion). Where the explicit
     * {@link #step} cools a hot surface a little faster than the column does (explicit Euler keeps 1 − λ·dt of a
     * mode where the column keeps e^(−λ·dt)), the propagator is exact to rounding for any gap, in one 5 × 5 product
     * (issue 8, speed: the bed's resting bands are brought up to date every 0.4–0.64 s, by loop rate, in one product each
     * instead of every 0.1 s in an explicit step).
     */
    public static final class Relaxation {
        /** {@code propagators[k]} = E(k·stepS), row-major. */
        private final double[][] propagators;

        private Relaxation(double stepS, int steps) {
            double[] rates = restingRates();
            for (int j = 0; j < rates.length; j++) {
                rates[j] *= stepS;
            }
            double[] one = exp(rates);
            propagators = new double[steps + 1][];
            propagators[0] = identity();
            for (int k = 1; k <= steps; k++) {
                propagators[k] = times(propagators[k - 1], one);
            }
        }

        /** Lets the column at {@code at} relax for {@code steps} steps (any number; beyond the table's longest gap in several products). */
        public void advance(double[] x, int at, long steps) {
            long left = steps;
            int most = propagators.length - 1;
            while (left > most) {
                apply(propagators[most], x, at);
                left -= most;
            }
            if (left > 0) {
                apply(propagators[(int) left], x, at);
            }
        }

        private static void apply(double[] m, double[] x, int at) {
            double e0 = x[at];
            double e1 = x[at + 1];
            double e2 = x[at + 2];
            double e3 = x[at + 3];
            double e4 = x[at + 4];
            x[at] = m[0] * e0 + m[1] * e1 + m[2] * e2 + m[3] * e3 + m[4] * e4;
            x[at + 1] = m[5] * e0 + m[6] * e1 + m[7] * e2 + m[8] * e3 + m[9] * e4;
            x[at + 2] = m[10] * e0 + m[11] * e1 + m[12] * e2 + m[13] * e3 + m[14] * e4;
            x[at + 3] = m[15] * e0 + m[16] * e1 + m[17] * e2 + m[18] * e3 + m[19] * e4;
            x[at + 4] = m[20] * e0 + m[21] * e1 + m[22] * e2 + m[23] * e3 + m[24] * e4;
        }
    }

    /** The exact relaxation over 0 … {@code steps} steps of {@code stepS} seconds (see {@link Relaxation}). */
    public static Relaxation relaxation(double stepS, int steps) {
        if (!(stepS > 0) || steps < 1) {
            throw new IllegalArgumentException("a relaxation needs a positive step and at least one step, was " + stepS + " s × " + steps);
        }
        return new Relaxation(stepS, steps);
    }

    /** The resting column's rates, per s, row-major: d(excess)/dt = A·excess, the continuous form of {@link #column} with no contact. */
    private static double[] restingRates() {
        double[] a = new double[LAYERS * LAYERS];
        for (int n = 0; n < LAYERS; n++) {
            double c = CAPACITY[n];
            a[n * LAYERS + n] = -(DOWN[n] + PERFUSION[n]) / c;
            if (n > 0) {
                a[n * LAYERS + n] -= DOWN[n - 1] / c;
                a[n * LAYERS + n - 1] = DOWN[n - 1] / c;
            }
            if (n + 1 < LAYERS) {
                a[n * LAYERS + n + 1] = DOWN[n] / c;
            }
        }
        return a;
    }

    /**
     * exp(M) of a row-major 5 × 5 matrix by scaling and squaring a Taylor series (Moler &amp; Van Loan 2003, method 3):
     * M is halved until its row-sum norm is at most 1/64, where 12 terms leave an error below 1e-30.
     */
    static double[] exp(double[] m) {
        double norm = 0;
        for (int r = 0; r < LAYERS; r++) {
            double row = 0;
            for (int c = 0; c < LAYERS; c++) {
                row += Math.abs(m[r * LAYERS + c]);
            }
            norm = Math.max(norm, row);
        }
        int squarings = norm * 64 > 1 ? Math.getExponent(norm * 64) + 1 : 0;
        double[] scaled = m.clone();
        for (int j = 0; j < scaled.length; j++) {
            scaled[j] = Math.scalb(scaled[j], -squarings);
        }
        double[] sum = identity();
        double[] term = identity();
        for (int j = 1; j <= 12; j++) {
            term = times(term, scaled);
            for (int x = 0; x < term.length; x++) {
                term[x] /= j;
                sum[x] += term[x];
            }
        }
        for (int q = 0; q < squarings; q++) {
            sum = times(sum, sum);
        }
        return sum;
    }

    private static double[] identity() {
        double[] one = new double[LAYERS * LAYERS];
        for (int n = 0; n < LAYERS; n++) {
            one[n * LAYERS + n] = 1.0;
        }
        return one;
    }

    /** a·b, each row of the product built as a combination of b's rows. */
    private static double[] times(double[] a, double[] b) {
        double[] product = new double[LAYERS * LAYERS];
        for (int r = 0; r < LAYERS; r++) {
            for (int k = 0; k < LAYERS; k++) {
                double f = a[r * LAYERS + k];
                for (int c = 0; c < LAYERS; c++) {
                    product[r * LAYERS + c] += f * b[k * LAYERS + c];
                }
            }
        }
        return product;
    }

    /** A step of {@code stepS} seconds to apply to many columns (see {@link FixedStep}). */
    public static FixedStep fixedStep(double stepS) {
        return new FixedStep(stepS);
    }

    /**
     * One explicit step of the five layers, {@code kN} = the step over layer n's capacity. Top down, in place:
     * each layer's downward flux from the old values before the layer moves. Unrolled, with the ratios passed
     * in rather than divided per layer (the 100 Hz loop's and the planner's hot spot); the arithmetic, and so
     * every bit of the result, is that of the loop {@code own + dtS / CAPACITY[n] * (inW − downW − PERFUSION[n]·own)}.
     */
    private static void column(double[] x, int at, double contactWPerM2K, double rollerExcessC,
                               double k0, double k1, double k2, double k3, double k4) {
        double e0 = x[at];
        double e1 = x[at + 1];
        double e2 = x[at + 2];
        double e3 = x[at + 3];
        double e4 = x[at + 4];
        double inW = contactWPerM2K * (rollerExcessC - e0);
        double d0 = DOWN_0 * (e0 - e1);
        double d1 = DOWN_1 * (e1 - e2);
        double d2 = DOWN_2 * (e2 - e3);
        double d3 = DOWN_3 * (e3 - e4);
        double d4 = DOWN_4 * (e4 - 0.0);
        x[at] = e0 + k0 * (inW - d0 - PERFUSION_0 * e0);
        x[at + 1] = e1 + k1 * (d0 - d1 - PERFUSION_1 * e1);
        x[at + 2] = e2 + k2 * (d1 - d2 - PERFUSION_2 * e2);
        x[at + 3] = e3 + k3 * (d2 - d3 - PERFUSION_3 * e3);
        x[at + 4] = e4 + k4 * (d3 - d4 - PERFUSION_4 * e4);
    }

    /** The band's skin temperature: its surface layer's (the top 0.5 mm, where burns start), °C. */
    public static double surfaceC(double[] excessC, int at) {
        return BASELINE_C + excessC[at];
    }

    /**
     * The share of a band {@code [bandFromMm, bandFromMm + BAND_MM)} under a patch
     * {@code [patchFromMm, patchToMm]}, 0–1: the contact conductance scales with it.
     */
    public static double coveredShare(double bandFromMm, double patchFromMm, double patchToMm) {
        double overlapMm = Math.min(patchToMm, bandFromMm + BAND_MM) - Math.max(patchFromMm, bandFromMm);
        return overlapMm <= 0 ? 0.0 : Math.min(1.0, overlapMm / BAND_MM);
    }
}
