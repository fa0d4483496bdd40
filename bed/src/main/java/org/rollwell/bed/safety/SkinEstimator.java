package org.rollwell.bed.safety;

import java.util.Arrays;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.therapy.heat.TissueHeat;

/**
 * Estimates the skin temperature and the CEM43 thermal dose of every 10 mm band of the
 * back from what a real bed knows: the thermistor readings, whether the rollers touch
 * (load cell, lift), where the carriage is, and time (DOMAIN.md §5 "Heat and skin"). It never
 * sees the simulator's truth: the twin ({@code sim.SkinBands}) keeps its own, independent model.
 *
 * <p>Model: the one tissue-heat model, {@link TissueHeat} (a Pennes column per band), the same the
 * planner's forecast uses, fed here with the bed's readings. Each roller pair's patch is the bed's
 * contact length ({@link BedSpec#rollerContactLengthMm()}, 30 mm on the reference bed against ≈ 20 mm
 * real), each band heated in proportion to the share of it under the patch. The estimate errs hot on
 * purpose: the roller is taken as the reading plus its lag (τ × slope, never below the reading), the
 * patch is wider than the real one and the cover more conductive ({@link TissueHeat#COVER_W_PER_M2K}).
 *
 * <p>Cost (the 100 Hz loop's hot spot): each tick steps only the few bands under the rollers; every
 * other band is brought up to date about every {@value #REST_S} s (a power of two of ticks) in one exact
 * product ({@link TissueHeat.Relaxation}) for the time it has been left alone, its dose counted for that
 * time at the higher of its rates before and after (a band left alone cools, or warms from below, steadily,
 * so this never under-counts). A resting band's estimate is that old at most, and so errs hot: it only cools.
 * Nothing allocates per tick.
 */
public final class SkinEstimator {
    public static final double BAND_MM = TissueHeat.BAND_MM;
    /** Contact patch of one roller pair for the bed's exclusion checks, mm (the reference bed's conservative figure). */
    static final double PATCH_MM = 30.0;
    /** Thermistor lag the roller estimate compensates, s (bed maker's figure for an NTC in the roller shaft). */
    static final double THERMISTOR_LAG_S = 4.0;
    /**
     * Resting bands are brought up to date about this often, s (choice: their fastest time constant is ≈ 2 s, and
     * the catch-up is exact whatever the gap; a longer gap only holds a cooling band's estimate higher for longer).
     */
    static final double REST_S = 0.64;
    private static final int LAYERS = TissueHeat.LAYERS;
    /** At most this many bands under one pair's patch (a patch of up to 100 mm, choice; longer patches are refused). */
    private static final int MAX_UNDER = 12;

    private final double originMm;
    private final double rollerOffsetMm;
    private final double patchMm;
    private final double dtMin;
    /** One tick's step under a roller, with its ratios cached (speed, issue 8). */
    private final TissueHeat.FixedStep tickStep;
    /** Resting bands are swept every this many ticks: the largest power of two not over {@link #REST_S}. */
    private final int restEvery;
    /** A resting band's exact catch-up for any gap of up to {@link #restEvery} ticks. */
    private final TissueHeat.Relaxation relaxation;
    private final int bands;
    /** Excess over rest, per band and layer: band × LAYERS + layer. */
    private final double[] excess;
    private final double[] cem43Min;
    /** Each band's dose rate per minute at its surface temperature when it was last stepped. */
    private final double[] doseRatePerMin;
    /** The tick each band was last brought up to date. */
    private final long[] lastTick;
    /** This tick's bands under a roller and their contact conductance, W/m²K. */
    private final int[] under = new int[2 * MAX_UNDER];
    private final double[] underW = new double[2 * MAX_UNDER];
    private final boolean[] touched;
    private int underCount;
    private long tick;
    /** The maxima over the bands no roller touches, as of the last sweep (and last tick's released bands). */
    private final BandPeaks rest = new BandPeaks();
    /** The maxima over every band this tick: the resting ones and the bands under the rollers. */
    private final BandPeaks peaks = new BandPeaks();

    public SkinEstimator(BedSpec spec, double dtS) {
        this.rollerOffsetMm = spec.rollerPairOffsetMm();
        this.patchMm = spec.rollerContactLengthMm();
        if (!(patchMm > 0 && patchMm <= (MAX_UNDER - 2) * BAND_MM)) {
            throw new IllegalArgumentException("rollerContactLengthMm must be 0–" + (MAX_UNDER - 2) * BAND_MM
                    + " mm for the skin estimate, was " + patchMm);
        }
        this.dtMin = dtS / 60.0;
        this.tickStep = TissueHeat.fixedStep(dtS);
        this.restEvery = Integer.highestOneBit(Math.max(1, (int) Math.floor(REST_S / dtS + 1e-9)));
        this.relaxation = TissueHeat.relaxation(dtS, restEvery);
        double first = -rollerOffsetMm - patchMm - 10;
        double last = spec.travelMm() + rollerOffsetMm + patchMm + 10;
        this.originMm = Math.floor(first / BAND_MM) * BAND_MM;
        this.bands = (int) Math.ceil((last - originMm) / BAND_MM) + 1;
        excess = new double[bands * LAYERS];
        cem43Min = new double[bands];
        doseRatePerMin = new double[bands];
        Arrays.fill(doseRatePerMin, Cem43Rate.perMin(TissueHeat.BASELINE_C));
        lastTick = new long[bands];
        touched = new boolean[bands];
    }

    /**
     * Advances the estimate by one tick.
     *
     * @param positionMm       carriage position (encoder)
     * @param contact          the rollers touch the back
     * @param rollerC          per zone, the reading; zone 0 is the pair at −offset (head side), zone 1 at +offset
     * @param rollerSlopeCPerS per zone, the reading's slope, for the lag compensation
     */
    public void update(double positionMm, boolean contact, double[] rollerC, double[] rollerSlopeCPerS) {
        tick++;
        for (int k = 0; k < underCount; k++) {
            // last tick's bands count among the resting maxima until the next sweep, so a band just
            // released never drops out of the estimate's maximum
            int i = under[k];
            touched[i] = false;
            rest.offer(i, TissueHeat.surfaceC(excess, i * LAYERS), cem43Min[i]);
        }
        underCount = 0;
        if (contact) {
            int zb = rollerC.length > 1 ? 1 : 0;
            collect(positionMm - rollerOffsetMm);
            int split = underCount;
            collect(positionMm + rollerOffsetMm);
            double rollerA = roller(rollerC[0], rollerSlopeCPerS[0]);
            double rollerB = roller(rollerC[zb], rollerSlopeCPerS[zb]);
            for (int k = 0; k < underCount; k++) {
                int i = under[k];
                catchUp(i);
                tickStep.advance(excess, i * LAYERS, underW[k], k < split ? rollerA : rollerB);
                // heating: the rate at the new, higher temperature, so the dose is never under-counted
                doseRatePerMin[i] = Cem43Rate.perMin(TissueHeat.surfaceC(excess, i * LAYERS));
                cem43Min[i] += dtMin * doseRatePerMin[i];
                lastTick[i] = tick;
            }
        }
        if ((tick & (restEvery - 1)) == 0) {
            sweep();
        }
        peaks.copyFrom(rest);
        for (int k = 0; k < underCount; k++) {
            int i = under[k];
            peaks.offer(i, TissueHeat.surfaceC(excess, i * LAYERS), cem43Min[i]);
        }
    }

    /** Adds the bands under a patch centred at {@code centreMm}, each with its share of the cover's conductance. */
    private void collect(double centreMm) {
        double from = centreMm - patchMm / 2;
        double to = centreMm + patchMm / 2;
        for (int i = band(from); i <= band(to); i++) {
            double share = TissueHeat.coveredShare(originMm + i * BAND_MM, from, to);
            if (share <= 0 || touched[i]) {
                continue;
            }
            touched[i] = true;
            under[underCount] = i;
            underW[underCount] = TissueHeat.COVER_W_PER_M2K * share;
            underCount++;
        }
    }

    /** Brings every band no roller touches this tick up to date, and the resting maxima with them. */
    private void sweep() {
        rest.clear(Double.NEGATIVE_INFINITY);
        for (int i = 0; i < bands; i++) {
            if (!touched[i]) {
                catchUp(i);
            }
            rest.offer(i, TissueHeat.surfaceC(excess, i * LAYERS), cem43Min[i]);
        }
    }

    /** Lets band {@code i}, untouched since it was last stepped, relax up to the previous tick. */
    private void catchUp(int i) {
        long gap = tick - 1 - lastTick[i];
        if (gap <= 0) {
            return;
        }
        lastTick[i] = tick - 1;
        int at = i * LAYERS;
        if (excess[at] == 0.0 && excess[at + 1] == 0.0 && excess[at + LAYERS - 1] == 0.0) {
            cem43Min[i] += gap * dtMin * doseRatePerMin[i];
            return;
        }
        relaxation.advance(excess, at, gap);
        double rateAfter = Cem43Rate.perMin(TissueHeat.surfaceC(excess, at));
        // a resting column's surface moves one way over a gap this short: the higher end's rate bounds the dose
        cem43Min[i] += gap * dtMin * Math.max(doseRatePerMin[i], rateAfter);
        doseRatePerMin[i] = rateAfter;
    }

    private static double roller(double readingC, double slopeCPerS) {
        if (!Double.isFinite(readingC)) {
            return TissueHeat.BASELINE_C;
        }
        return readingC + Math.max(0.0, THERMISTOR_LAG_S * slopeCPerS);
    }

    private int band(double positionMm) {
        int i = (int) Math.floor((positionMm - originMm) / BAND_MM);
        return i < 0 ? 0 : (i >= bands ? bands - 1 : i);
    }

    public double maxTempC() {
        return peaks.maxC;
    }

    public double maxCem43Min() {
        return peaks.maxDoseMin;
    }

    /** Start of the hottest band, bed mm. */
    public double hottestBandMm() {
        return originMm + peaks.hottest * BAND_MM;
    }

    /** Start of the band with the highest dose, bed mm. */
    public double mostDosedBandMm() {
        return originMm + peaks.dosed * BAND_MM;
    }

    public int bands() {
        return bands;
    }

    public double bandStartMm(int band) {
        return originMm + band * BAND_MM;
    }

    /** The band's estimate as of its last update (at most {@value #REST_S} s old for a resting band). */
    public double tempC(int band) {
        return TissueHeat.surfaceC(excess, band * LAYERS);
    }

    public double cem43Min(int band) {
        return cem43Min[band];
    }

    /** The hottest band and the most dosed band seen so far, kept without allocating in the loop. */
    private static final class BandPeaks {
        double maxC = TissueHeat.BASELINE_C;
        int hottest;
        double maxDoseMin;
        int dosed;

        void clear(double maxC) {
            this.maxC = maxC;
            hottest = 0;
            maxDoseMin = 0;
            dosed = 0;
        }

        void copyFrom(BandPeaks other) {
            maxC = other.maxC;
            hottest = other.hottest;
            maxDoseMin = other.maxDoseMin;
            dosed = other.dosed;
        }

        /** Band {@code band} at surface {@code surfaceC} with dose {@code doseMin}; the first of equal bands stays. */
        void offer(int band, double surfaceC, double doseMin) {
            if (surfaceC > maxC) {
                maxC = surfaceC;
                hottest = band;
            }
            if (doseMin > maxDoseMin) {
                maxDoseMin = doseMin;
                dosed = band;
            }
        }
    }
}
