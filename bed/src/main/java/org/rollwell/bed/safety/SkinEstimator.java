package org.rollwell.bed.safety;

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
 * product ({@link TissueHeat.Relaxation}) for the time it has been left alone. Between those sweeps a resting
 * band counts at its <em>ceiling</em>, the warmest of its layers: the resting column's propagator has no
 * negative entries and rows summing to at most 1, so its surface stays at or under that until it is touched
 * again, whether it cools after a hot roller or warms from below after a cool one. Its dose over a gap is
 * counted at the ceiling's rate, and the dose not yet counted since the last sweep is added to the maximum
 * at the highest resting ceiling's rate, so neither the temperature nor the dose is ever under-read.
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
    /** The dose rate of skin at rest, CEM43 min per min: a band never touched counts this. */
    private static final double REST_RATE_PER_MIN = Cem43Rate.perMin(TissueHeat.BASELINE_C);
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
    /** The tick each band was last brought up to date. */
    private final long[] lastTick;
    /** This tick's bands under a roller and their contact conductance, W/m²K. */
    private final int[] under = new int[2 * MAX_UNDER];
    private final double[] underW = new double[2 * MAX_UNDER];
    private final boolean[] touched;
    private int underCount;
    private long tick;
    /** The tick the resting bands' dose was last counted to, and the highest rate any of them can have had since, per min. */
    private long sweptTick;
    private double restRatePerMin = REST_RATE_PER_MIN;
    /** The maxima over the bands no roller touches, as of the last sweep (and last tick's released bands). */
    private final BandPeaks rest = new BandPeaks();
    /** The maxima over every band this tick: the resting ones and the bands under the rollers. */
    private final BandPeaks peaks = new BandPeaks();

    public SkinEstimator(BedSpec spec, double dtS) {
        this(spec, dtS, REST_S);
    }

    /** With resting bands swept about every {@code restS} seconds instead of {@value #REST_S} (tests: {@code dtS} sweeps every tick). */
    SkinEstimator(BedSpec spec, double dtS, double restS) {
        this.rollerOffsetMm = spec.rollerPairOffsetMm();
        this.patchMm = spec.rollerContactLengthMm();
        if (!(patchMm > 0 && patchMm <= (MAX_UNDER - 2) * BAND_MM)) {
            throw new IllegalArgumentException("rollerContactLengthMm must be 0–" + (MAX_UNDER - 2) * BAND_MM
                    + " mm for the skin estimate, was " + patchMm);
        }
        this.dtMin = dtS / 60.0;
        this.tickStep = TissueHeat.fixedStep(dtS);
        this.restEvery = Integer.highestOneBit(Math.max(1, (int) Math.floor(restS / dtS + 1e-9)));
        this.relaxation = TissueHeat.relaxation(dtS, restEvery);
        double first = -rollerOffsetMm - patchMm - 10;
        double last = spec.travelMm() + rollerOffsetMm + patchMm + 10;
        this.originMm = Math.floor(first / BAND_MM) * BAND_MM;
        this.bands = (int) Math.ceil((last - originMm) / BAND_MM) + 1;
        excess = new double[bands * LAYERS];
        cem43Min = new double[bands];
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
            double ceilingC = ceilingC(i * LAYERS);
            rest.offer(i, ceilingC, cem43Min[i]);
            restRatePerMin = Math.max(restRatePerMin, Cem43Rate.perMin(ceilingC));
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
                double beforeC = TissueHeat.surfaceC(excess, i * LAYERS);
                tickStep.advance(excess, i * LAYERS, underW[k], k < split ? rollerA : rollerB);
                // the tick's dose at the warmer end (heated: after; cooled by a cool roller: before), never under
                cem43Min[i] += dtMin * Cem43Rate.perMin(Math.max(beforeC, TissueHeat.surfaceC(excess, i * LAYERS)));
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
        double restRate = 0;
        for (int i = 0; i < bands; i++) {
            if (!touched[i]) {
                catchUp(i);
            }
            double ceilingC = ceilingC(i * LAYERS);
            if (!touched[i]) {
                restRate = Math.max(restRate, Cem43Rate.perMin(ceilingC));
            }
            rest.offer(i, ceilingC, cem43Min[i]);
        }
        restRatePerMin = restRate;
        // the resting bands have their dose counted to the previous tick
        sweptTick = tick - 1;
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
            cem43Min[i] += gap * dtMin * REST_RATE_PER_MIN;
            return;
        }
        // over the gap the surface stays at or under the column's ceiling (see the class comment)
        cem43Min[i] += gap * dtMin * Cem43Rate.perMin(ceilingC(at));
        relaxation.advance(excess, at, gap);
    }

    /** The warmest layer of the column at {@code at}, and never below rest: the most its surface can reach untouched, °C. */
    private double ceilingC(int at) {
        double max = Math.max(Math.max(excess[at], excess[at + 1]), Math.max(Math.max(excess[at + 2], excess[at + 3]), excess[at + 4]));
        return TissueHeat.BASELINE_C + Math.max(0.0, max);
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

    /**
     * The highest dose of any band, CEM43 min, with the resting bands' dose since the last sweep (not yet counted per
     * band) added at the highest resting ceiling's rate: never under the dose of any band, even between sweeps.
     */
    public double maxCem43Min() {
        return peaks.maxDoseMin + (tick - sweptTick) * dtMin * restRatePerMin;
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

    /**
     * The band's surface estimate as of its last update (at most {@value #REST_S} s old for a resting band, whose
     * surface may have moved since, within its ceiling: {@link #maxTempC} counts the ceiling).
     */
    public double tempC(int band) {
        return TissueHeat.surfaceC(excess, band * LAYERS);
    }

    public double cem43Min(int band) {
        return cem43Min[band];
    }

    /** The hottest band (by its ceiling, for a resting band) and the most dosed band, kept without allocating in the loop. */
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
