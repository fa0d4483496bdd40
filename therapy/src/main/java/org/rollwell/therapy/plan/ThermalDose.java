package org.rollwell.therapy.plan;

import java.util.List;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.technique.Technique;

/**
 * A conservative, plan-time estimate of the skin's heat dose, so that a plan does not
 * ask for what the bed's supervisor would stop: for every 10 mm band of the back, the
 * steady skin temperature each heated step would cause and the CEM43 dose summed over the
 * session (Sapareto &amp; Dewey 1984; cap 1 CEM43 minute per band, DOMAIN.md §5). Where a band
 * would exceed the cap or the skin limit, the hottest step dwelling on it is cooled 1 °C at
 * a time (and unheated below the bed's lowest setting), with the reason. The bed's own
 * estimator, from measured temperatures and contact, still guards every tick.
 *
 * <p>Model (choice): skin = 33 °C + 0.5 × duty × (roller − 33 °C). The gain 0.5 is the
 * heated seat of Mallette et al. 2024 (45 °C for 33 min kept skin at ≈ 39 °C, DOMAIN.md §5),
 * 33 °C a resting back's skin. Duty is the share of time a band is under the rollers: 1 for a
 * PRESS, else 40 mm of roller contact over the span's length. Steady state from the first
 * second over-estimates short steps, which errs on the safe side.
 */
final class ThermalDose {

    /** DOMAIN.md §5: the dose is kept per 10 mm band. */
    static final double BAND_MM = 10;
    static final double SKIN_BASE_C = 33;
    static final double SKIN_GAIN = 0.5;
    /** Two rollers of about 20 mm contact each along the spine (choice). */
    static final double CONTACT_MM = 40;

    private ThermalDose() {
    }

    static double skinC(Step s) {
        if (!s.heat || s.rollerTempC <= SKIN_BASE_C) {
            return SKIN_BASE_C;
        }
        return SKIN_BASE_C + SKIN_GAIN * duty(s) * (s.rollerTempC - SKIN_BASE_C);
    }

    /** CEM43 minutes per minute at {@code skinC}: R = 0.5 at or above 43 °C, 0.25 below (Sapareto &amp; Dewey 1984). */
    static double cem43PerMin(double skinC) {
        double r = skinC >= 43 ? 0.5 : 0.25;
        return Math.pow(r, 43 - skinC);
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

    /** Cools steps until every band is within the cap and every step within the skin limit. */
    static void limit(List<Step> steps, SafetyEnvelope envelope, BedLimits bed, Notes notes) {
        double cap = envelope.cem43CapMin().value();
        double maxSkin = envelope.maxSkinTempC().value();
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
                return;
            }
            cool(hottest, rule, bed, notes);
        }
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
