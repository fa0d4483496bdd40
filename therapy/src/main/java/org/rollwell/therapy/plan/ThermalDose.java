package org.rollwell.therapy.plan;

import java.util.List;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.heat.Cem43;
import org.rollwell.therapy.technique.Technique;

/**
 * A conservative, plan-time estimate of the skin's heat dose, so that a plan does not
 * ask for what the bed's supervisor would stop: for every 10 mm band of the back, the
 * steady skin temperature each heated step would cause and the CEM43 dose summed over the
 * session ({@link Cem43}, the one CEM43 function). The plan keeps both under the bed's own cut
 * lines with margin (DOMAIN.md §5 "Dose decisions": the bed turns heat off at the skin limit
 * − 0.5 °C and at half the dose cap): where a band would pass them, the hottest step dwelling on
 * it is cooled 1 °C at a time (and unheated below the bed's lowest setting), with the reason,
 * and the planner says so up front ({@code HEAT_LIMITED}).
 *
 * <p>Model (choice): skin = 33 °C + 0.5 × duty × (roller − 33 °C). The gain 0.5 is the
 * heated seat of Mallette et al. 2024 (45 °C for 33 min kept skin at ≈ 39 °C, DOMAIN.md §5),
 * 33 °C a resting back's skin. Duty is the share of time a band is under the rollers: 1 for a
 * PRESS, else 40 mm of roller contact over the span's length. Steady state from the first
 * second over-estimates short steps, which errs on the safe side.
 *
 * <p>Still to do (issue 9 item 3): this is not yet the bed's tissue model
 * ({@code bed.safety.SkinEstimator}'s Pennes column); until both use one model, a long heated
 * KNEAD on a short span can still meet the bed's heat cut.
 */
final class ThermalDose {

    /** DOMAIN.md §5: the dose is kept per 10 mm band. */
    static final double BAND_MM = 10;
    static final double SKIN_BASE_C = 33;
    static final double SKIN_GAIN = 0.5;
    /** Two rollers of about 20 mm contact each along the spine (choice). */
    static final double CONTACT_MM = 40;
    /** DOMAIN.md §5 "Dose decisions": the bed's cut lines, skin limit − 0.5 °C and half the dose cap. */
    static final double BED_SKIN_CUT_BELOW_LIMIT_C = 0.5;
    static final double BED_DOSE_CUT_SHARE = 0.5;
    /** The planner's margin under those cut lines (choice). */
    static final double SKIN_MARGIN_C = 0.5;
    static final double DOSE_MARGIN_SHARE = 0.8;

    private ThermalDose() {
    }

    static double skinC(Step s) {
        if (!s.heat || s.rollerTempC <= SKIN_BASE_C) {
            return SKIN_BASE_C;
        }
        return SKIN_BASE_C + SKIN_GAIN * duty(s) * (s.rollerTempC - SKIN_BASE_C);
    }

    /** CEM43 minutes per minute at {@code skinC}: the one CEM43 function ({@link Cem43}). */
    static double cem43PerMin(double skinC) {
        return Cem43.exactPerMin(skinC);
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

    /** The estimated dose of every band over the whole plan. */
    static double[] doses(List<Step> steps, BedLimits bed) {
        double[] dose = new double[bands(bed)];
        for (Step s : steps) {
            double perMin = cem43PerMin(skinC(s));
            for (int b = firstBand(s); b <= lastBand(s, dose.length); b++) {
                dose[b] += perMin * s.seconds / 60.0;
            }
        }
        return dose;
    }

    /**
     * Cools steps until every band is within the planned dose and every step within the planned skin
     * temperature, both under the bed's cut lines with margin; true when it cooled any step.
     */
    static boolean limit(List<Step> steps, SafetyEnvelope envelope, BedLimits bed, Notes notes) {
        double cap = plannedDoseLimitMin(envelope);
        double maxSkin = plannedSkinLimitC(envelope);
        boolean cooled = false;
        // Each pass cools one step by 1 °C; a step goes from at most 65 °C to unheated, so this ends.
        for (int guard = 0; guard < 100 * Math.max(1, steps.size()); guard++) {
            double[] dose = doses(steps, bed);
            Step hottest = null;
            String rule = null;
            for (Step s : steps) {
                if (!s.heat) {
                    continue;
                }
                boolean tooHot = skinC(s) > maxSkin;
                boolean overDose = false;
                for (int b = firstBand(s); b <= lastBand(s, dose.length); b++) {
                    overDose |= dose[b] > cap;
                }
                if ((tooHot || overDose) && (hottest == null || skinC(s) > skinC(hottest))) {
                    hottest = s;
                    rule = tooHot ? envelope.maxSkinTempC().setBy() : envelope.cem43CapMin().setBy();
                }
            }
            if (hottest == null) {
                return cooled;
            }
            cool(hottest, rule, bed, notes);
            cooled = true;
        }
        return cooled;
    }

    private static void cool(Step s, String rule, BedLimits bed, Notes notes) {
        if (!s.thermalRules.contains(rule)) {
            s.explain("Rollers cooler here so the estimated skin " + (rule.equals("CEM43_CAP") ? "heat dose" : "temperature")
                    + " stays within its limit (" + rule + ").");
            s.thermalRules = s.thermalRules + rule + " ";
            notes.add("SCALED_DOWN", "Roller temperature lowered where the rollers dwell, to keep the estimated skin"
                    + " temperature and heat dose within limits (" + rule + ").");
        }
        s.rollerTempC -= 1;
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

    private static double duty(Step s) {
        if (s.point) {
            return 1;
        }
        double length = s.endMm - s.startMm;
        return Math.min(1, CONTACT_MM / Math.max(length, CONTACT_MM));
    }

    private static int bands(BedLimits bed) {
        return (int) Math.floor(bed.travelMm() / BAND_MM) + 1;
    }

    private static int firstBand(Step s) {
        return Math.max(0, (int) Math.floor(s.startMm / BAND_MM));
    }

    private static int lastBand(Step s, int count) {
        return Math.min(count - 1, (int) Math.floor(s.endMm / BAND_MM));
    }
}
