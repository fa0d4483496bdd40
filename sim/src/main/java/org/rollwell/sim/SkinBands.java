package org.rollwell.sim;

import java.util.Arrays;

/**
 * The true skin of the back in 10 mm bands along the bed, with the true CEM43 dose
 * of each band: the ground truth that DOMAIN.md §5's skin limit (≤ 43 °C) and dose
 * cap (1 CEM43 minute per band per session) are judged against.
 *
 * <p>Each band is a column of tissue in five layers (0.5, 1, 2, 4 and 8 mm from the surface
 * down), governed by the Pennes bioheat equation: conduction between layers, blood
 * perfusion pulling every layer back to its resting temperature, the body held at rest
 * below the column. The model is written in the excess over the resting profile, so a band
 * nobody touches stays exactly at its baseline (34 °C at the surface). A roller pair in
 * contact heats the surface layer of the bands under its patch through the cover. The
 * band's skin temperature is its surface layer's (the top 0.5 mm, where the basal layer
 * that burns lies). Unlike a single lumped layer, the column gets the fast rise of the
 * surface under a short, hot contact (a PRESS, a passing roller) as well as the slow
 * steady state.
 *
 * <p>Calibration (DOMAIN.md §5, Mallette et al. 2024): a 45 °C surface resting on the skin
 * for 33 min holds it at ≈ 39 °C. In steady state a perfused column conducts like a surface
 * conductance U = √(k·P) (Pennes), so U_cover·(45 − 39) = U·(39 − 34) with U_cover = 50 W/m²K
 * gives U = 60 W/m²K and the perfusion P = U²/k ≈ 9.7 kW/m³K, i.e. 0.0024 /s of blood flow,
 * within the range of warmed skin (resting skin 0.0005–0.002 /s, heated skin up to ≈ 0.01 /s).
 *
 * <p>Cost: the bands under the rollers (at most three per pair) are integrated every thermal
 * step in explicit steps (stable: the thinnest layer's time constant is ≈ 3 s against steps of
 * 10 ms). Every other band only relaxes: it is brought up to date every {@link #SWEEP_NANOS} (and
 * when a roller reaches it or one band's value is read; {@link #maxNowC} works on copies) exactly, by the resting column's propagator
 * exp(A·t) worked out once for every multiple of 5 ms up to half the sweep ({@link #PROPAGATORS}), its
 * dose by Simpson's rule over the gap's start, middle and end; a band back at its baseline is skipped.
 */
final class SkinBands {

    static final double BAND_MM = 10.0;
    /** Covered back skin at rest, 34 °C (choice: covered trunk skin lies at 33–35 °C). */
    static final double BASELINE_C = 34.0;
    /** Roller surface → skin through the cover and the contact, 50 W/m²K (choice: ≈ 4 mm of padded cover; only the ratio to U is calibrated). */
    static final double COVER_W_PER_M2K = 50.0;
    /** Thermal conductivity of skin and subcutis, 0.37 W/mK (Duck, Physical Properties of Tissue, 1990). */
    static final double TISSUE_K_W_PER_MK = 0.37;
    /** Volumetric heat capacity of soft tissue, 3.6 MJ/m³K (Duck 1990: ≈ 1050 kg/m³ × 3.4–3.6 kJ/kgK). */
    static final double TISSUE_J_PER_M3K = 3.6e6;
    /** Blood perfusion of the warmed column, W/m³K: (60 W/m²K)² / k, from the 45 → 39 °C calibration above. */
    static final double PERFUSION_W_PER_M3K = 60.0 * 60.0 / TISSUE_K_W_PER_MK;
    /** Layer thicknesses, surface down, mm (choice: fine at the surface where the gradients are). */
    static final double[] LAYER_MM = {0.5, 1.0, 2.0, 4.0, 8.0};
    /** Length of each roller pair's contact patch along the back, 20 mm (choice: two Ø 60 mm rollers pressed into tissue). */
    static final double PATCH_MM = 20.0;
    /** Resting bands are brought up to date this often, 640 ms (choice: the catch-up is exact for any gap, see the class). */
    static final long SWEEP_NANOS = 640_000_000L;
    /** The resting propagators are tabulated in steps of this, 5 ms: half the twin's 10 ms thermal step. */
    static final long HALF_STEP_NANOS = 5_000_000L;
    /** A band whose every layer lies within this of its rest is back at rest, °C. */
    private static final double QUIET_C = 1e-7;
    private static final int LAYERS = LAYER_MM.length;
    private static final double BASELINE_DOSE_PER_MIN = Cem43.exact(BASELINE_C);

    private static final double[] CAPACITY = new double[LAYERS];
    private static final double[] DOWN_W_PER_M2K = new double[LAYERS];
    private static final double[] PERFUSION_W_PER_M2K = new double[LAYERS];

    static {
        for (int n = 0; n < LAYERS; n++) {
            double hM = LAYER_MM[n] * 1e-3;
            CAPACITY[n] = TISSUE_J_PER_M3K * hM;
            PERFUSION_W_PER_M2K[n] = PERFUSION_W_PER_M3K * hM;
            // centre to centre; below the last layer the body is at rest, half a layer down
            double gapM = n + 1 < LAYERS ? (hM + LAYER_MM[n + 1] * 1e-3) / 2 : hM / 2;
            DOWN_W_PER_M2K[n] = TISSUE_K_W_PER_MK / gapM;
        }
        if (LAYERS != 5) {
            throw new ExceptionInInitializerError("SkinBands.integrate is written out for 5 layers, LAYER_MM has " + LAYERS);
        }
    }

    private static final double DOWN_0 = DOWN_W_PER_M2K[0], DOWN_1 = DOWN_W_PER_M2K[1], DOWN_2 = DOWN_W_PER_M2K[2],
            DOWN_3 = DOWN_W_PER_M2K[3], DOWN_4 = DOWN_W_PER_M2K[4];
    private static final double PERFUSION_0 = PERFUSION_W_PER_M2K[0], PERFUSION_1 = PERFUSION_W_PER_M2K[1],
            PERFUSION_2 = PERFUSION_W_PER_M2K[2], PERFUSION_3 = PERFUSION_W_PER_M2K[3], PERFUSION_4 = PERFUSION_W_PER_M2K[4];

    private final double originMm;
    private final double patchWidthM;
    /** Excess over rest, band-major: layer n of band i at [i × LAYERS + n], °C. */
    private final double[] excessC;
    private final double[] cem43Min;
    private final boolean[] contact;
    private final boolean[] quiet;
    /** The time each band has been integrated to, nanoseconds of the twin's own time. */
    private final long[] bandNanos;
    /** Each band's surface excess at the end of its last step, and the dose rate there (reused as the next step's start). */
    private final double[] surfaceAtRateC;
    private final double[] surfaceRate;
    /** The step length {@link #perCapacity} was worked out for, s. */
    private double perCapacityDtS = Double.NaN;
    private final double[] perCapacity = new double[LAYERS];
    private long sweptNanos;
    private final int[] contactBand = new int[16];
    private final double[] contactFraction = new double[16];
    private final int[] contactZone = new int[16];
    private final double[] scratch = new double[LAYERS];
    private int contacts;
    private double peakC = BASELINE_C;

    /**
     * @param firstMm       the lowest bed position any roller patch can reach
     * @param lastMm        the highest
     * @param patchAreaCm2  contact area of one roller pair
     */
    SkinBands(double firstMm, double lastMm, double patchAreaCm2) {
        this.originMm = Math.floor(firstMm / BAND_MM) * BAND_MM;
        int bands = (int) Math.ceil((lastMm - originMm) / BAND_MM);
        this.patchWidthM = patchAreaCm2 * 1e-4 / (PATCH_MM * 1e-3);
        excessC = new double[bands * LAYERS];
        cem43Min = new double[bands];
        contact = new boolean[bands];
        quiet = new boolean[bands];
        bandNanos = new long[bands];
        surfaceAtRateC = new double[bands];
        surfaceRate = new double[bands];
        Arrays.fill(surfaceAtRateC, Double.NaN);
        Arrays.fill(quiet, true);
    }

    /** Marks no roller in contact; call {@link #touch} for each pair in contact, then {@link #step}. */
    void clearContacts() {
        for (int k = 0; k < contacts; k++) {
            contact[contactBand[k]] = false;
        }
        contacts = 0;
    }

    /**
     * A roller pair's patch centred at {@code centreMm} touches the skin.
     *
     * @return heat flowing from a roller at {@code rollerC} into the skin, W, at the skin's temperatures as last worked
     *         out (for a band the patch has just reached, as of the last sweep: up to 640 ms old, so its first 10 ms
     *         step takes a little less heat from the roller than the band's present, cooler skin would, which leaves the
     *         roller a hair warmer: it errs hot; bringing the
     *         band up to date here instead cost 3–5 % of a campaign's time in paired runs, likely through the JIT's inlining
     *         of the larger method)
     */
    double touch(int zone, double centreMm, double rollerC) {
        double fromMm = centreMm - PATCH_MM / 2;
        double toMm = centreMm + PATCH_MM / 2;
        int bands = cem43Min.length;
        int first = Math.max(0, floor((fromMm - originMm) / BAND_MM));
        int last = Math.min(bands - 1, floor((toMm - originMm) / BAND_MM));
        double heatW = 0;
        for (int i = first; i <= last && contacts < contactBand.length; i++) {
            double bandFrom = originMm + i * BAND_MM;
            double overlapMm = Math.min(toMm, bandFrom + BAND_MM) - Math.max(fromMm, bandFrom);
            if (overlapMm <= 0 || contact[i]) {
                continue;
            }
            contact[i] = true;
            contactBand[contacts] = i;
            contactFraction[contacts] = overlapMm / BAND_MM;
            contactZone[contacts] = zone;
            contacts++;
            heatW += COVER_W_PER_M2K * overlapMm * 1e-3 * patchWidthM * (rollerC - tempC(i));
        }
        return heatW;
    }

    /**
     * Integrates the bands under the rollers over the step that ends at {@code nowNanos} (twin time)
     * and lasted {@code dtNanos}, and brings every other band up to date when a sweep is due.
     */
    void step(long nowNanos, long dtNanos, double[] rollerC) {
        for (int k = 0; k < contacts; k++) {
            int i = contactBand[k];
            relax(i, nowNanos - dtNanos);
            double g = COVER_W_PER_M2K * contactFraction[k];
            integrate(i, dtNanos * 1e-9, g, rollerC[contactZone[k]] - BASELINE_C);
            bandNanos[i] = nowNanos;
            peakC = Math.max(peakC, tempC(i));
        }
        if (nowNanos - sweptNanos >= SWEEP_NANOS) {
            sync(nowNanos);
            sweptNanos = nowNanos;
        }
    }

    /** Brings every band not under a roller up to {@code nowNanos}, so per-band truth is exact when read. */
    void sync(long nowNanos) {
        double maxC = BASELINE_C;
        for (int i = 0; i < cem43Min.length; i++) {
            if (!contact[i]) {
                relax(i, nowNanos);
            }
            maxC = Math.max(maxC, tempC(i));
        }
        peakC = Math.max(peakC, maxC);
    }

    /** Lets band {@code i} relax, with no roller on it, up to {@code toNanos}. */
    private void relax(int i, long toNanos) {
        long gapNanos = toNanos - bandNanos[i];
        if (gapNanos <= 0) {
            return;
        }
        bandNanos[i] = toNanos;
        if (quiet[i]) {
            cem43Min[i] += gapNanos * 1e-9 / 60.0 * BASELINE_DOSE_PER_MIN;
            return;
        }
        // a part shorter than the 10 ms the table steps in (a twin stepped at an odd length) in one explicit step
        long odd = gapNanos % (2 * HALF_STEP_NANOS);
        if (odd > 0) {
            integrate(i, odd * 1e-9, 0, 0);
            gapNanos -= odd;
        }
        int most = PROPAGATORS.length - 1;
        while (gapNanos > 0 && !quiet[i]) {
            // each piece from its start through its middle to its end, each half one product
            int steps = (int) Math.min(most, gapNanos / (2 * HALF_STEP_NANOS));
            relaxPiece(i, PROPAGATORS[steps], steps * 2 * HALF_STEP_NANOS * 1e-9);
            gapNanos -= steps * 2 * HALF_STEP_NANOS;
        }
        if (gapNanos > 0) {
            cem43Min[i] += gapNanos * 1e-9 / 60.0 * BASELINE_DOSE_PER_MIN;
        }
    }

    /**
     * Band {@code i} relaxes for {@code pieceS}: {@code half} (the propagator over half of it) applied twice, the dose by
     * Simpson's rule on the surface's rate at the start, the middle and the end.
     */
    private void relaxPiece(int i, double[] half, double pieceS) {
        int base = i * LAYERS;
        double before = excessC[base];
        double rateStart = before == surfaceAtRateC[i] ? surfaceRate[i] : Cem43.ratePerMin(BASELINE_C + before);
        propagate(half, excessC, base);
        double rateMiddle = Cem43.ratePerMin(BASELINE_C + excessC[base]);
        propagate(half, excessC, base);
        double after = excessC[base];
        double rateEnd = Cem43.ratePerMin(BASELINE_C + after);
        cem43Min[i] += pieceS / 60.0 * (rateStart + 4 * rateMiddle + rateEnd) / 6.0;
        double activity = Math.abs(excessC[base]) + Math.abs(excessC[base + 1]) + Math.abs(excessC[base + 2])
                + Math.abs(excessC[base + 3]) + Math.abs(excessC[base + 4]);
        if (activity < QUIET_C) {
            Arrays.fill(excessC, base, base + LAYERS, 0.0);
            quiet[i] = true;
        }
        surfaceAtRateC[i] = after;
        surfaceRate[i] = rateEnd;
    }

    /** The column of {@code x} at {@code base} times the 5 × 5 propagator {@code m} (row-major), in place. */
    private static void propagate(double[] m, double[] x, int base) {
        double e0 = x[base];
        double e1 = x[base + 1];
        double e2 = x[base + 2];
        double e3 = x[base + 3];
        double e4 = x[base + 4];
        x[base] = m[0] * e0 + m[1] * e1 + m[2] * e2 + m[3] * e3 + m[4] * e4;
        x[base + 1] = m[5] * e0 + m[6] * e1 + m[7] * e2 + m[8] * e3 + m[9] * e4;
        x[base + 2] = m[10] * e0 + m[11] * e1 + m[12] * e2 + m[13] * e3 + m[14] * e4;
        x[base + 3] = m[15] * e0 + m[16] * e1 + m[17] * e2 + m[18] * e3 + m[19] * e4;
        x[base + 4] = m[20] * e0 + m[21] * e1 + m[22] * e2 + m[23] * e3 + m[24] * e4;
    }

    /**
     * The hottest band's skin at {@code nowNanos}, worked out on a copy of each resting column: reading the truth never
     * changes it (a trace that reads every row gives the same run, to the bit, as one that reads none). A part of the
     * gap shorter than the 10 ms thermal step (never, at the twin's own times) is left out.
     */
    double maxNowC(long nowNanos) {
        double max = BASELINE_C;
        int most = PROPAGATORS.length - 1;
        for (int i = 0; i < cem43Min.length; i++) {
            double t = tempC(i);
            long steps = (nowNanos - bandNanos[i]) / (2 * HALF_STEP_NANOS);
            if (!contact[i] && !quiet[i] && steps > 0) {
                System.arraycopy(excessC, i * LAYERS, scratch, 0, LAYERS);
                while (steps > 0) {
                    int piece = (int) Math.min(most, steps);
                    propagate(PROPAGATORS[piece], scratch, 0);
                    propagate(PROPAGATORS[piece], scratch, 0);
                    steps -= piece;
                }
                t = BASELINE_C + scratch[0];
            }
            max = Math.max(max, t);
        }
        return max;
    }

    /** A copy of band {@code band}'s column, excess over rest per layer from the surface down, °C (tests). */
    double[] column(int band) {
        return Arrays.copyOfRange(excessC, band * LAYERS, band * LAYERS + LAYERS);
    }

    /**
     * The resting column's exact propagators: {@code [k]} = exp(A·k·5 ms), row-major, for k = 0 … half a sweep, A the
     * rates of {@link #integrate} with no contact. exp(A·5 ms) is the limit of the explicit step taken ever finer:
     * here 2¹² explicit steps of 5 ms / 2¹² composed by squaring (each step a linear map of the column), off from
     * exp by λ²·dt·t/2 ≈ 1e-9 of the fastest mode (λ ≈ 0.44 /s, τ ≈ 2.3 s) over 5 ms; a piece of 640 ms is off by ≈ 1e-7 of
     * its decay, where the explicit 0.1 s steps this replaces were off by ≈ 3 %.
     */
    static final double[][] PROPAGATORS = propagators();

    private static double[][] propagators() {
        int halfSweep = (int) (SWEEP_NANOS / (2 * HALF_STEP_NANOS));
        double[] one = fineStep(HALF_STEP_NANOS * 1e-9 / 4096);
        for (int s = 0; s < 12; s++) {
            one = product(one, one);
        }
        double[][] table = new double[halfSweep + 1][];
        double[] power = new double[LAYERS * LAYERS];
        for (int n = 0; n < LAYERS; n++) {
            power[n * LAYERS + n] = 1;
        }
        for (int k = 0; k <= halfSweep; k++) {
            table[k] = power;
            power = product(power, one);
        }
        return table;
    }

    /** The explicit resting step of {@link #integrate} as a matrix: column j is the step applied to the unit excess in layer j. */
    private static double[] fineStep(double dtS) {
        double[] m = new double[LAYERS * LAYERS];
        for (int j = 0; j < LAYERS; j++) {
            double[] e = new double[LAYERS];
            e[j] = 1;
            for (int n = 0; n < LAYERS; n++) {
                double fromAbove = n == 0 ? 0 : DOWN_W_PER_M2K[n - 1] * (e[n - 1] - e[n]);
                double down = DOWN_W_PER_M2K[n] * (e[n] - (n + 1 < LAYERS ? e[n + 1] : 0));
                m[n * LAYERS + j] = e[n] + dtS / CAPACITY[n] * (fromAbove - down - PERFUSION_W_PER_M2K[n] * e[n]);
            }
        }
        return m;
    }

    private static double[] product(double[] a, double[] b) {
        double[] c = new double[LAYERS * LAYERS];
        for (int r = 0; r < LAYERS; r++) {
            for (int col = 0; col < LAYERS; col++) {
                double sum = 0;
                for (int k = 0; k < LAYERS; k++) {
                    sum += a[r * LAYERS + k] * b[k * LAYERS + col];
                }
                c[r * LAYERS + col] = sum;
            }
        }
        return c;
    }

    /**
     * One explicit step of band {@code i}'s column: the surface takes {@code gContact}·(roller − skin)
     * through the cover, each layer passes heat down and loses it to perfusion. In place, top down:
     * each layer's downward flux is computed from the old values before the layer is overwritten.
     */
    private void integrate(int i, double dtS, double gContact, double rollerExcessC) {
        if (dtS != perCapacityDtS) {
            // the step's ratio to each layer's capacity, divided once per step length instead of per layer
            // and band (the twin's hot spot); the same division, so the same bits (issue 8, speed)
            perCapacityDtS = dtS;
            for (int n = 0; n < LAYERS; n++) {
                perCapacity[n] = dtS / CAPACITY[n];
            }
        }
        int base = i * LAYERS;
        // the five layers written out (the twin's hot loop): each layer's downward flux from the old values, as
        // the loop over n did, with the same operations in the same order, so the same bits
        double e0 = excessC[base];
        double e1 = excessC[base + 1];
        double e2 = excessC[base + 2];
        double e3 = excessC[base + 3];
        double e4 = excessC[base + 4];
        double before = e0;
        double inW = gContact * (rollerExcessC - before);
        double d0 = DOWN_0 * (e0 - e1);
        double d1 = DOWN_1 * (e1 - e2);
        double d2 = DOWN_2 * (e2 - e3);
        double d3 = DOWN_3 * (e3 - e4);
        double d4 = DOWN_4 * (e4 - 0);
        double n0 = e0 + perCapacity[0] * (inW - d0 - PERFUSION_0 * e0);
        double n1 = e1 + perCapacity[1] * (d0 - d1 - PERFUSION_1 * e1);
        double n2 = e2 + perCapacity[2] * (d1 - d2 - PERFUSION_2 * e2);
        double n3 = e3 + perCapacity[3] * (d2 - d3 - PERFUSION_3 * e3);
        double n4 = e4 + perCapacity[4] * (d3 - d4 - PERFUSION_4 * e4);
        excessC[base] = n0;
        excessC[base + 1] = n1;
        excessC[base + 2] = n2;
        excessC[base + 3] = n3;
        excessC[base + 4] = n4;
        double activity = 0;
        activity += Math.abs(n0);
        activity += Math.abs(n1);
        activity += Math.abs(n2);
        activity += Math.abs(n3);
        activity += Math.abs(n4);
        double after = n0;
        // the rate at the start of this step is the one at the end of the band's last step, unless the band was reset since
        double rateBefore = before == surfaceAtRateC[i] ? surfaceRate[i] : Cem43.ratePerMin(BASELINE_C + before);
        double rateAfter = Cem43.ratePerMin(BASELINE_C + after);
        cem43Min[i] += dtS / 60.0 * 0.5 * (rateBefore + rateAfter);
        if (gContact == 0 && activity < QUIET_C) {
            Arrays.fill(excessC, base, base + LAYERS, 0.0);
            quiet[i] = true;
        } else {
            quiet[i] = false;
        }
        surfaceAtRateC[i] = after;
        surfaceRate[i] = rateAfter;
    }

    /**
     * {@code (int) Math.floor(x)}, written out: the CLI's quick compiler calls out for Math.floor, and this runs
     * for every roller pair every thermal step (issue 8, speed). The same integer for every x.
     */
    private static int floor(double x) {
        int i = (int) x;
        return x < i && i != Integer.MIN_VALUE ? i - 1 : i;
    }

    int bands() {
        return cem43Min.length;
    }

    double bandStartMm(int band) {
        return originMm + band * BAND_MM;
    }

    double tempC(int band) {
        return BASELINE_C + excessC[band * LAYERS];
    }

    double cem43Min(int band) {
        return cem43Min[band];
    }


    double peakC() {
        return peakC;
    }

    double maxCem43Min() {
        double max = 0;
        for (double d : cem43Min) {
            max = Math.max(max, d);
        }
        return max;
    }

    void copyTemps(double[] into) {
        for (int i = 0; i < cem43Min.length; i++) {
            into[i] = tempC(i);
        }
    }

    void copyCem43(double[] into) {
        System.arraycopy(cem43Min, 0, into, 0, cem43Min.length);
    }
}
