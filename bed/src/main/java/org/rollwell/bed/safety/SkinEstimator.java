package org.rollwell.bed.safety;

import org.rollwell.bed.io.BedSpec;

/**
 * Estimates the skin temperature and the CEM43 thermal dose of every 10 mm band of the
 * back from what a real bed knows: the thermistor readings, whether the rollers touch
 * (load cell, lift), where the carriage is, and time (DOMAIN.md §5 "Heat and skin"). It never
 * sees the simulator's truth.
 *
 * <p>Model: each band is a column of tissue in five layers (0.5, 1, 2, 4, 8 mm) obeying the
 * Pennes bioheat equation (Pennes 1948; tissue k = 0.37 W/mK and 3.6 MJ/m³K, Duck 1990), with
 * the perfusion calibrated so a 45 °C surface resting on the skin holds it at ≈ 39 °C (Mallette
 * et al. 2024). A roller in contact heats the surface layer through the cover. A column, not
 * one lumped layer, because a hot short contact warms the top half-millimetre, where burns
 * start, within seconds. The estimate is deliberately on the hot side: the roller is taken as
 * the reading plus its lag (τ × slope, never below the reading), each contact patch as 30 mm
 * long (≈ 20 mm real), and the cover 20 % more conductive than its nominal 50 W/m²K.
 *
 * <p>Bands under the rollers are stepped every tick; the others relax in steps of ten ticks.
 * Nothing allocates per tick.
 */
public final class SkinEstimator {
    public static final double BAND_MM = 10.0;
    /** Covered back skin at rest (choice: covered trunk skin lies at 33–35 °C). */
    static final double BASELINE_C = 34.0;
    /** Roller → skin through the cover, W/m²K, 20 % above a nominal 50 (conservative). */
    static final double COVER_W_PER_M2K = 60.0;
    /** Skin and subcutis: conductivity W/mK and volumetric heat capacity J/m³K (Duck, Physical Properties of Tissue, 1990). */
    static final double TISSUE_K_W_PER_MK = 0.37;
    static final double TISSUE_J_PER_M3K = 3.6e6;
    /** Perfusion W/m³K: a perfused column conducts like U = √(k·P); U = 60 W/m²K from the 45 → 39 °C calibration. */
    static final double PERFUSION_W_PER_M3K = 60.0 * 60.0 / TISSUE_K_W_PER_MK;
    /** Layer thicknesses from the surface down, mm (choice: fine where the gradients are). */
    static final double[] LAYER_MM = {0.5, 1.0, 2.0, 4.0, 8.0};
    /** Contact patch of one roller pair along the back, widened from ≈ 20 mm to 30 mm (conservative). */
    static final double PATCH_MM = 30.0;
    /** Thermistor lag the roller estimate compensates, s (bed maker's figure for an NTC in the roller shaft). */
    static final double THERMISTOR_LAG_S = 4.0;
    /** Resting bands are stepped every this many ticks (their fastest time constant is ≈ 3 s). */
    static final int REST_EVERY = 10;

    private static final int LAYERS = LAYER_MM.length;
    private static final double[] CAPACITY = new double[LAYERS];
    private static final double[] DOWN = new double[LAYERS];
    private static final double[] PERFUSION = new double[LAYERS];

    static {
        for (int n = 0; n < LAYERS; n++) {
            double hM = LAYER_MM[n] * 1e-3;
            CAPACITY[n] = TISSUE_J_PER_M3K * hM;
            PERFUSION[n] = PERFUSION_W_PER_M3K * hM;
            double gapM = n + 1 < LAYERS ? (hM + LAYER_MM[n + 1] * 1e-3) / 2 : hM / 2;
            DOWN[n] = TISSUE_K_W_PER_MK / gapM;
        }
    }

    private final double originMm;
    private final double rollerOffsetMm;
    private final double dtS;
    /** Excess over rest, per band and layer: band × LAYERS + layer. */
    private final double[] excess;
    private final double[] cem43Min;
    /** Each band's dose rate at its surface temperature, per minute: recomputed only when the band is stepped. */
    private final double[] doseRatePerMin;
    private final boolean[] inContact;
    private final double[] rate = new double[LAYERS];
    private final int bands;
    private final double dtMin;
    private long tick;
    private double maxTempC = BASELINE_C;
    private int hottestBand;
    private double maxCem43Min;
    private int dosedBand;

    public SkinEstimator(BedSpec spec, double dtS) {
        this.rollerOffsetMm = spec.rollerPairOffsetMm();
        this.dtS = dtS;
        double first = -rollerOffsetMm - PATCH_MM - 10;
        double last = spec.travelMm() + rollerOffsetMm + PATCH_MM + 10;
        this.originMm = Math.floor(first / BAND_MM) * BAND_MM;
        this.bands = (int) Math.ceil((last - originMm) / BAND_MM) + 1;
        excess = new double[bands * LAYERS];
        cem43Min = new double[bands];
        doseRatePerMin = new double[bands];
        java.util.Arrays.fill(doseRatePerMin, Cem43Rate.perMin(BASELINE_C));
        inContact = new boolean[bands];
        dtMin = dtS / 60.0;
    }

    /**
     * Advances every band by one tick.
     *
     * @param positionMm       carriage position (encoder)
     * @param contact          the rollers touch the back
     * @param rollerC          per zone, the reading; zone 0 is the pair at −offset (head side), zone 1 at +offset
     * @param rollerSlopeCPerS per zone, the reading's slope, for the lag compensation
     */
    public void update(double positionMm, boolean contact, double[] rollerC, double[] rollerSlopeCPerS) {
        int zones = rollerC.length;
        int firstA = 0, lastA = -1, firstB = 0, lastB = -1;
        double rollerA = BASELINE_C, rollerB = BASELINE_C;
        if (contact) {
            double centreA = positionMm - rollerOffsetMm;
            firstA = band(centreA - PATCH_MM / 2);
            lastA = band(centreA + PATCH_MM / 2);
            rollerA = roller(rollerC[0], rollerSlopeCPerS[0]);
            int zb = zones > 1 ? 1 : 0;
            double centreB = positionMm + rollerOffsetMm;
            firstB = band(centreB - PATCH_MM / 2);
            lastB = band(centreB + PATCH_MM / 2);
            rollerB = roller(rollerC[zb], rollerSlopeCPerS[zb]);
        }
        boolean sweep = tick++ % REST_EVERY == 0;
        double max = Double.NEGATIVE_INFINITY;
        int hottest = 0;
        double maxDose = 0;
        int dosed = 0;
        for (int i = 0; i < bands; i++) {
            boolean underA = i >= firstA && i <= lastA;
            boolean underB = i >= firstB && i <= lastB;
            double t = BASELINE_C + excess[i * LAYERS];
            if (underA || underB) {
                step(i, underA ? rollerA : rollerB, dtS);
                inContact[i] = true;
                t = BASELINE_C + excess[i * LAYERS];
                doseRatePerMin[i] = Cem43Rate.perMin(t);
            } else if (inContact[i] || sweep) {
                // a band just released, or every tenth tick: relax with the time it has been left alone
                step(i, Double.NaN, inContact[i] ? dtS : dtS * REST_EVERY);
                inContact[i] = false;
                t = BASELINE_C + excess[i * LAYERS];
                doseRatePerMin[i] = Cem43Rate.perMin(t);
            }
            // a band left alone this tick keeps its temperature, so its cached rate is exact (the 100 Hz loop's hot spot)
            double dose = cem43Min[i] + dtMin * doseRatePerMin[i];
            cem43Min[i] = dose;
            if (t > max) {
                max = t;
                hottest = i;
            }
            if (dose > maxDose) {
                maxDose = dose;
                dosed = i;
            }
        }
        maxTempC = max;
        hottestBand = hottest;
        maxCem43Min = maxDose;
        dosedBand = dosed;
    }

    /** One explicit Pennes step of a band's column; {@code rollerC} NaN when nothing touches it. */
    private void step(int band, double rollerC, double stepS) {
        int b = band * LAYERS;
        double surfaceC = BASELINE_C + excess[b];
        double inW = Double.isNaN(rollerC) ? 0.0 : COVER_W_PER_M2K * (rollerC - surfaceC);
        for (int n = 0; n < LAYERS; n++) {
            double above = n == 0 ? inW : DOWN[n - 1] * (excess[b + n - 1] - excess[b + n]);
            double below = n + 1 < LAYERS ? DOWN[n] * (excess[b + n] - excess[b + n + 1]) : DOWN[n] * excess[b + n];
            // rates from the old values of every layer first, then all layers move together
            rate[n] = (above - below - PERFUSION[n] * excess[b + n]) / CAPACITY[n];
        }
        for (int n = 0; n < LAYERS; n++) {
            excess[b + n] += rate[n] * stepS;
        }
    }

    private static double roller(double readingC, double slopeCPerS) {
        if (!Double.isFinite(readingC)) {
            return BASELINE_C;
        }
        return readingC + Math.max(0.0, THERMISTOR_LAG_S * slopeCPerS);
    }

    private int band(double positionMm) {
        int i = (int) Math.floor((positionMm - originMm) / BAND_MM);
        return i < 0 ? 0 : (i >= bands ? bands - 1 : i);
    }

    public double maxTempC() {
        return maxTempC;
    }

    public double maxCem43Min() {
        return maxCem43Min;
    }

    /** Start of the hottest band, bed mm. */
    public double hottestBandMm() {
        return originMm + hottestBand * BAND_MM;
    }

    /** Start of the band with the highest dose, bed mm. */
    public double mostDosedBandMm() {
        return originMm + dosedBand * BAND_MM;
    }

    public int bands() {
        return bands;
    }

    public double bandStartMm(int band) {
        return originMm + band * BAND_MM;
    }

    public double tempC(int band) {
        return BASELINE_C + excess[band * LAYERS];
    }

    public double cem43Min(int band) {
        return cem43Min[band];
    }
}
