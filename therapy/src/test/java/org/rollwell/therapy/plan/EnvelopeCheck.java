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
            // DOMAIN.md §5: the forecast stays under the bed's cut line (skin limit − 0.5 °C), with margin
            if (skinC(s) > e.maxSkinTempC().value() - 0.5 - 1e-9) {
                out.add(at + "forecast skin " + skinC(s) + " °C past the bed's cut line " + (e.maxSkinTempC().value() - 0.5));
            }
        }
        double[] dose = new double[(int) (bed.travelMm() / 10) + 1];
        for (PlanSegment s : plan.segments()) {
            double perMin = org.rollwell.therapy.heat.Cem43.exactPerMin(skinC(s));
            for (int b = (int) (s.startMm() / 10); b <= Math.min(dose.length - 1, (int) (s.endMm() / 10)); b++) {
                dose[b] += perMin * s.seconds() / 60.0;
            }
        }
        for (int b = 0; b < dose.length; b++) {
            // DOMAIN.md §5: the bed cuts heat at half the dose cap; the forecast stays under it
            if (dose[b] > e.cem43CapMin().value() / 2 + 1e-9) {
                out.add("band " + b * 10 + "–" + (b * 10 + 10) + " mm: forecast " + dose[b] + " CEM43 min past the bed's"
                        + " cut line, half of " + e.cem43CapMin());
            }
        }
        return out;
    }

    /** The planner's stated skin model (ThermalDose): 33 °C + 0.5 × duty × (roller − 33 °C), duty 1 on a point. */
    private static double skinC(PlanSegment s) {
        if (!s.heated() || s.rollerTempC() <= 33) {
            return 33;
        }
        double duty = s.technique() == org.rollwell.therapy.technique.Technique.PRESS ? 1
                : Math.min(1, 40 / Math.max(s.endMm() - s.startMm(), 40));
        return 33 + 0.5 * duty * (s.rollerTempC() - 33);
    }
}
