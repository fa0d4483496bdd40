package org.rollwell.therapy.plan;

import java.util.ArrayList;
import java.util.List;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.envelope.ExcludedRange;
import org.rollwell.therapy.envelope.SafetyEnvelope;

/** Everything in a plan that leaves its envelope or the bed, in words; empty when the plan is safe. */
final class EnvelopeCheck {

    private EnvelopeCheck() {
    }

    static List<String> violations(SessionPlan plan, BedLimits bed) {
        List<String> out = new ArrayList<>();
        SafetyEnvelope e = plan.envelope();
        for (PlanSegment s : plan.segments()) {
            String at = s.technique() + " " + s.from() + "–" + s.to() + ": ";
            if (s.forceN() > e.maxForceN().value()) {
                out.add(at + "force " + s.forceN() + " N above " + e.maxForceN());
            }
            if (s.forceN() > org.rollwell.therapy.technique.Intensity.forceN(s.technique(), (int) e.maxIntensity().value())) {
                out.add(at + "force " + s.forceN() + " N above intensity " + e.maxIntensity());
            }
            if (s.forceN() > 0.9 * e.maxForceN().value()) {
                out.add(at + "force " + s.forceN() + " N above 90 % of " + e.maxForceN());
            }
            if (s.forceN() > e.maxForceN().value() - bed.forceHeadroomN() + 1e-9) {
                out.add(at + "force " + s.forceN() + " N closer to " + e.maxForceN() + " than the bed's "
                        + bed.forceHeadroomN() + " N of force headroom");
            }
            if (s.forceN() > s.technique().maxForceN()) {
                out.add(at + "force " + s.forceN() + " N above the top of " + s.technique() + "'s range");
            }
            if (s.heated() && !e.heatAllowed()) {
                out.add(at + "heated although heat is off (" + e.heatSetBy() + ")");
            }
            if (s.heated() && s.rollerTempC() > e.maxRollerTempC().value()) {
                out.add(at + "rollers " + s.rollerTempC() + " °C above " + e.maxRollerTempC());
            }
            if (s.heated() && s.rollerTempC() < bed.rollerTempMinC()) {
                out.add(at + "rollers " + s.rollerTempC() + " °C below the bed's settable range");
            }
            if (!e.allows(s.technique(), s.from(), s.to())) {
                out.add(at + "technique banned there");
            }
            for (ExcludedRange range : e.excluded()) {
                // the span is the carriage centre's; the rollers sit ±offset from it with their contact patches
                if (bed.rollersCanTouch(s.startMm(), s.endMm(), range.fromMm(), range.toMm())) {
                    out.add(at + "a roller patch of a carriage at " + s.startMm() + "–" + s.endMm() + " mm (reach ±"
                            + bed.rollerReachMm() + " mm) can touch " + range);
                }
            }
            if (s.startMm() < 0 || s.endMm() > bed.travelMm()) {
                out.add(at + s.startMm() + "–" + s.endMm() + " mm outside the travel 0–" + bed.travelMm());
            }
            if (s.params() instanceof TechniqueParams.Stretch st && st.liftMm() > e.maxStretchLiftMm().value()) {
                out.add(at + "stretch lift " + st.liftMm() + " above " + e.maxStretchLiftMm());
            }
            if (s.why().isBlank()) {
                out.add(at + "no explanation");
            }
        }
        // DOMAIN.md §5 "Dose decisions": the forecast of the one tissue-heat model (the bed's estimator runs the
        // same) stays under the bed's cut lines, skin limit − 0.5 °C and half the dose cap
        List<ThermalDose.Span> spans = new ArrayList<>();
        plan.segments().forEach(s -> spans.add(ThermalDose.Span.of(s)));
        ThermalDose.Forecast f = ThermalDose.forecast(spans, bed);
        for (int k = 0; k < spans.size(); k++) {
            PlanSegment s = plan.segments().get(k);
            if (f.peakSkinC()[k] > e.maxSkinTempC().value() - 0.5 - 1e-9) {
                out.add(s.technique() + " " + s.from() + "–" + s.to() + ": forecast skin " + f.peakSkinC()[k]
                        + " °C past the bed's cut line " + (e.maxSkinTempC().value() - 0.5));
            }
        }
        for (int b = 0; b < f.doseMin().length; b++) {
            if (f.doseMin()[b] > e.cem43CapMin().value() / 2 + 1e-9) {
                double mm = f.originMm() + b * ThermalDose.BAND_MM;
                out.add("band " + mm + "–" + (mm + ThermalDose.BAND_MM) + " mm: forecast " + f.doseMin()[b]
                        + " CEM43 min past the bed's cut line, half of " + e.cem43CapMin());
            }
        }
        return out;
    }
}
