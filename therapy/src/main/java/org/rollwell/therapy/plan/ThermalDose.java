package org.rollwell.therapy.plan;

import java.util.ArrayList;
import java.util.List;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.heat.Cem43;
import org.rollwell.therapy.heat.TissueHeat;
import org.rollwell.therapy.technique.Technique;

/**
 * The plan's forecast of the skin's heat, so that a plan does not ask for what the bed's supervisor
 * would stop (DOMAIN.md §5 "Dose decisions": the bed turns heat off at the skin limit − 0.5 °C and at
 * half the dose cap). It runs the one tissue-heat model, {@link TissueHeat} (the bed's skin estimate
 * runs the same), over the plan's steps in order, for every 10 mm band the rollers reach, with the
 * bed's contact patch ({@link BedLimits#rollerContactLengthMm()}) at both roller pairs (±
 * {@link BedLimits#rollerPairOffsetMm()}), and counts the dose with {@link Cem43}. The twin in
 * {@code sim} keeps its own, independent truth.
 *
 * <p>Fed with what the plan knows: each band takes the cover's conductance times its average share
 * under a patch while the carriage sweeps the step's span (uniformly, choice) or holds its middle
 * (PRESS, STRETCH, a WARM at rest), or dwells on it (KNEAD, see {@link #window}), with the rollers at the planned temperature from the step's first
 * second (a roller takes minutes to heat, so this errs hot). On top of that average it adds each
 * band's ripple: how much hotter one full contact (a roll's pass, a knead's local window) makes the
 * band than the average over the same time, taken at the step's start where it is largest.
 * Where a band would pass the planned limits, the hottest step dwelling on it is cooled (and unheated
 * below the bed's lowest setting), with the reason, and the planner says so up front
 * ({@code HEAT_LIMITED}).
 */
final class ThermalDose {

    /** DOMAIN.md §5: the dose is kept per 10 mm band. */
    static final double BAND_MM = TissueHeat.BAND_MM;
    /** DOMAIN.md §5 "Dose decisions": the bed's cut lines, skin limit − 0.5 °C and half the dose cap. */
    static final double BED_SKIN_CUT_BELOW_LIMIT_C = 0.5;
    static final double BED_DOSE_CUT_SHARE = 0.5;
    /** The planner's margin under those cut lines (choice). */
    static final double SKIN_MARGIN_C = 0.5;
    static final double DOSE_MARGIN_SHARE = 0.8;
    /** The forecast's time step, s (choice: the skin's fastest time constant is ≈ 3 s). */
    static final double STEP_S = 1.0;
    /**
     * A roller left to cool loses at most this, °C/s (choice: 1 °C/min, under the ≈ 1.1 °C/min a 60 °C roller
     * in contact cools in the twin and the ≈ 2 °C/min of a roller of ≈ 1300 J/K losing 1.2 W/K, so it errs hot).
     */
    static final double ROLLER_COOL_C_PER_S = 1.0 / 60;
    /** The room a cooling roller tends to, °C (choice: only its lower bound matters, and 20 °C errs cool-slow). */
    static final double ROOM_C = 20;
    /** Carriage positions sampled per mm of span for the average contact share (choice). */
    private static final double SAMPLES_PER_MM = 0.5;
    /** At most one skin °C per roller °C is lost when a step cools: the column passes under half (choice, bound). */
    private static final double SKIN_PER_ROLLER_C = 0.5;

    /** What the forecast needs of one step or segment. */
    record Span(Technique technique, double startMm, double endMm, boolean heated, double rollerTempC, double seconds,
                TechniqueParams params) {
        static Span of(Step s) {
            return new Span(s.technique, s.startMm, s.endMm, s.heat, s.rollerTempC, s.seconds, s.params);
        }

        static Span of(PlanSegment s) {
            return new Span(s.technique(), s.startMm(), s.endMm(), s.heated(), s.rollerTempC(), s.seconds(), s.params());
        }

        /** The carriage holds the span's middle. */
        boolean holds() {
            return technique == Technique.PRESS || technique == Technique.STRETCH
                    || (params instanceof TechniqueParams.Warm w && w.speedMmPerS() == 0) || !(endMm > startMm);
        }
    }

    /**
     * The forecast: per span its hottest band's skin (°C, baseline where unheated) and the bands it
     * heats; per band its dose over the plan (CEM43 min) and where it starts (bed mm); per span the earlier
     * span whose hotter rollers it starts with (their heat carries over), or −1.
     */
    record Forecast(double[] peakSkinC, int[] firstBand, int[] lastBand, double[] doseMin, double originMm,
                    int[] carriedFrom) {
    }

    private ThermalDose() {
    }

    /** Runs the tissue-heat model over {@code spans} in order. */
    static Forecast forecast(List<Span> spans, BedLimits bed) {
        return new ForecastRun(spans, bed).from(0);
    }

    /** Each band's contact conductance, averaged over where the carriage is during the step, W/m²K. */
    static void contact(Span s, double patch, double offset, double originMm, double[] g) {
        double from = s.holds() ? (s.startMm() + s.endMm()) / 2 : s.startMm();
        double to = s.holds() ? from : s.endMm();
        int samples = Math.max(1, (int) Math.ceil((to - from) * SAMPLES_PER_MM));
        for (int n = 0; n < samples; n++) {
            double c = samples == 1 ? from : from + (to - from) * (n + 0.5) / samples;
            for (double centre : new double[] {c - offset, c + offset}) {
                int lo = Math.max(0, (int) Math.floor((centre - patch / 2 - originMm) / BAND_MM));
                int hi = Math.min(g.length - 1, (int) Math.floor((centre + patch / 2 - originMm) / BAND_MM));
                for (int b = lo; b <= hi; b++) {
                    g[b] += TissueHeat.COVER_W_PER_M2K / samples
                            * TissueHeat.coveredShare(originMm + b * BAND_MM, centre - patch / 2, centre + patch / 2);
                }
            }
        }
        for (int b = 0; b < g.length; b++) {
            g[b] = Math.min(g[b], TissueHeat.COVER_W_PER_M2K);
        }
    }

    /**
     * The longest full contact a band sees in one go, and the conductance during it: {seconds, W/m²K}.
     * A roll or moving warm passes a patch over the band at its speed, taken as half the planned one because
     * the bed slows its travel to hold the force over firm spots (choice). A knead is taken as dwelling on its
     * bands for the whole step at the share of a stroke its patch covers: the bed shortens and slows strokes
     * over firm or steep spots (seen in the twin: 40 mm strokes run as ≈ 15 mm at ≈ 8 mm/s), so its centre's
     * creep cannot be counted on (choice). A hold has no ripple (its average is its contact).
     */
    static double[] window(Span s, double patch) {
        if (s.holds()) {
            return new double[] {0, 0};
        }
        double full = TissueHeat.COVER_W_PER_M2K;
        if (s.params() instanceof TechniqueParams.Roll r) {
            return new double[] {(patch + BAND_MM) / (r.speedMmPerS() / 2), full};
        }
        if (s.params() instanceof TechniqueParams.Warm w) {
            return new double[] {(patch + BAND_MM) / (w.speedMmPerS() / 2), full};
        }
        if (s.params() instanceof TechniqueParams.Knead k) {
            return new double[] {s.seconds(), full * Math.min(1, (patch + BAND_MM) / k.strokeMm())};
        }
        return new double[] {0, 0};
    }

    /** How much hotter the window's contact makes band {@code b} than its average contact {@code g}, °C (≥ 0). */
    static double ripple(double[] excess, int b, double g, double[] window, double rollerC, double[] scratch) {
        if (window[0] <= 0 || window[1] <= g) {
            return 0;
        }
        int n = TissueHeat.LAYERS;
        System.arraycopy(excess, b * n, scratch, 0, n);
        System.arraycopy(excess, b * n, scratch, n, n);
        TissueHeat.step(scratch, 0, window[1], rollerC, window[0]);
        TissueHeat.step(scratch, n, g, rollerC, window[0]);
        return Math.max(0, scratch[0] - scratch[n]);
    }

    /**
     * The skin temperature a plan may forecast: the bed cuts heat at the skin limit − 0.5 °C
     * (its own cut line, DOMAIN.md §5 "Dose decisions"), and the plan stays a further
     * {@value #SKIN_MARGIN_C} °C under it (choice), so planned heat is delivered.
     */
    static double plannedSkinLimitC(SafetyEnvelope envelope) {
        return envelope.maxSkinTempC().value() - BED_SKIN_CUT_BELOW_LIMIT_C - SKIN_MARGIN_C;
    }

    /**
     * The CEM43 dose per band a plan may forecast: the bed cuts heat at half the cap (DOMAIN.md §5),
     * and the plan keeps to {@value #DOSE_MARGIN_SHARE} of that (choice).
     */
    static double plannedDoseLimitMin(SafetyEnvelope envelope) {
        return envelope.cem43CapMin().value() * BED_DOSE_CUT_SHARE * DOSE_MARGIN_SHARE;
    }

    /**
     * Cools steps until every band is within the planned dose and every step within the planned skin
     * temperature, both under the bed's cut lines with margin; true when it cooled any step.
     */
    static boolean limit(List<Step> steps, SafetyEnvelope envelope, BedLimits bed, Notes notes) {
        double cap = plannedDoseLimitMin(envelope);
        double maxSkin = plannedSkinLimitC(envelope);
        boolean cooled = false;
        // Each pass cools one step by at least 1 °C; a step goes from at most 65 °C to unheated, so this ends.
        List<Span> spans = new ArrayList<>(steps.size());
        steps.forEach(s -> spans.add(Span.of(s)));
        ForecastRun run = new ForecastRun(spans, bed);
        int changed = 0;
        for (int guard = 0; guard < 100 * Math.max(1, steps.size()); guard++) {
            // only the step cooled last pass changed: the forecast runs again from it (the same result as from the start)
            Forecast f = run.from(changed);
            int hottest = -1;
            double coolC = 1;
            String rule = null;
            for (int k = 0; k < steps.size(); k++) {
                if (f.firstBand()[k] > f.lastBand()[k]) {
                    continue;
                }
                double overC = f.peakSkinC()[k] - maxSkin;
                double overDose = 0;
                for (int b = f.firstBand()[k]; b <= f.lastBand()[k]; b++) {
                    overDose = Math.max(overDose, f.doseMin()[b] / cap);
                }
                if ((overC > 0 || overDose > 1) && (hottest < 0 || f.peakSkinC()[k] > f.peakSkinC()[hottest])) {
                    hottest = k;
                    rule = overC > 0 ? envelope.maxSkinTempC().setBy() : envelope.cem43CapMin().setBy();
                    // the skin falls at most SKIN_PER_ROLLER_C per roller °C, and the dose at most 4× per skin °C
                    // (R = 0.25 below 43 °C): cooling by this much never cools more than the limit needs
                    double needC = overC > 0 ? overC / SKIN_PER_ROLLER_C
                            : Math.log(overDose) / Math.log(4) / SKIN_PER_ROLLER_C;
                    coolC = Math.max(1, Math.floor(needC));
                }
            }
            if (hottest < 0) {
                return cooled;
            }
            // a step that runs on an earlier, hotter step's heat is helped by cooling that step
            int source = f.carriedFrom()[hottest];
            if (source >= 0 && (!steps.get(hottest).heat || steps.get(source).rollerTempC > steps.get(hottest).rollerTempC)) {
                hottest = source;
            }
            if (!steps.get(hottest).heat) {
                return cooled;
            }
            cool(steps.get(hottest), rule, coolC, bed, notes);
            run.replace(hottest, Span.of(steps.get(hottest)));
            changed = hottest;
            cooled = true;
        }
        return cooled;
    }

    private static void cool(Step s, String rule, double byC, BedLimits bed, Notes notes) {
        if (!s.thermalRules.contains(rule)) {
            s.explain("Rollers cooler here so the estimated skin " + (rule.equals("CEM43_CAP") ? "heat dose" : "temperature")
                    + " stays within its limit (" + rule + ").");
            s.thermalRules = s.thermalRules + rule + " ";
            notes.add("SCALED_DOWN", "Roller temperature lowered where the rollers dwell, to keep the estimated skin"
                    + " temperature and heat dose within limits (" + rule + ").");
        }
        s.rollerTempC -= byC;
        if (s.rollerTempC < bed.rollerTempMinC()) {
            s.heat = false;
            s.rollerTempC = 0;
            if (s.technique == Technique.WARM) {
                double speed = ((TechniqueParams.Warm) s.params).speedMmPerS();
                s.technique = Technique.ROLL;
                s.params = new TechniqueParams.Roll(Math.max(10, speed));
            }
        }
    }
}
