package org.rollwell.bed.session;

import java.util.List;
import org.rollwell.bed.io.BedSpec;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.envelope.ExcludedRange;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.envelope.TechniqueBan;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.TechniqueParams;

/**
 * The bed's own check of a plan against the person's envelope before it runs (DESIGN.md "Safety in
 * layers", layer 2): the planner should never produce such a plan, but the bed does not trust it.
 * A plan that breaks a rule is refused with the segment and the rule, never quietly repaired.
 */
final class PlanAdmission {

    private PlanAdmission() {
    }

    /**
     * Refuses {@code segments} if one of them uses a banned technique on its span, brings a roller's
     * contact patch onto an excluded range anywhere on its span, stretches higher than the envelope allows or heats when heat
     * is off, or if together they last longer than the envelope's (and the bed's) maximum minutes.
     *
     * @throws IllegalArgumentException naming {@code plan.segments[i]} and the rule that refuses it
     */
    static void requireInsideEnvelope(List<PlanSegment> segments, SafetyEnvelope envelope, BedSpec spec) {
        long totalS = 0;
        BedLimits limits = spec.limits();
        for (int i = 0; i < segments.size(); i++) {
            PlanSegment seg = segments.get(i);
            String where = "plan.segments[" + i + "]: ";
            if (!envelope.allows(seg.technique(), seg.from(), seg.to())) {
                throw new IllegalArgumentException(where + seg.technique() + " on " + span(seg) + " is banned by "
                        + banningRule(envelope, seg));
            }
            for (ExcludedRange range : envelope.excluded()) {
                // the rollers, not the carriage centre, touch the back: both pairs ± half a contact patch, the
                // planner's own rule (BedLimits.rollersCanTouch)
                if (limits.rollersCanTouch(seg.startMm(), seg.endMm(), range.fromMm(), range.toMm())) {
                    throw new IllegalArgumentException(where + seg.technique() + " span " + seg.startMm() + "–" + seg.endMm()
                            + " mm brings a roller (reach ±" + limits.rollerReachMm() + " mm from the carriage centre) onto"
                            + " the excluded range " + range.fromMm() + "–" + range.toMm() + " mm (" + range.reason() + ")");
                }
            }
            if (seg.params() instanceof TechniqueParams.Stretch stretch
                    && stretch.liftMm() > envelope.maxStretchLiftMm().value()) {
                throw new IllegalArgumentException(where + "STRETCH lift " + stretch.liftMm() + " mm is above the envelope's "
                        + envelope.maxStretchLiftMm().value() + " mm set by " + envelope.maxStretchLiftMm().setBy());
            }
            if (seg.heated() && !envelope.heatAllowed()) {
                throw new IllegalArgumentException(where + "rollers heated to " + seg.rollerTempC()
                        + " °C but heat is off for this person: " + envelope.heatSetBy());
            }
            totalS += seg.seconds();
        }
        double maxMinutes = Math.min(envelope.maxMinutes().value(), spec.maxSessionMinutes());
        String setBy = envelope.maxMinutes().value() <= spec.maxSessionMinutes() ? envelope.maxMinutes().setBy() : "BED";
        if (totalS > maxMinutes * 60.0) {
            throw new IllegalArgumentException("plan.segments: " + totalS + " s in all is above the maximum "
                    + maxMinutes + " min (" + (long) (maxMinutes * 60) + " s) set by " + setBy);
        }
    }

    private static String span(PlanSegment seg) {
        return seg.from() == seg.to() ? seg.from().toString() : seg.from() + "–" + seg.to();
    }

    private static String banningRule(SafetyEnvelope envelope, PlanSegment seg) {
        for (TechniqueBan ban : envelope.bans()) {
            if (ban.forbids(seg.technique(), seg.from(), seg.to())) {
                return ban.setBy() + " (no " + ban.technique() + " on " + ban.from() + "–" + ban.to() + ")";
            }
        }
        return "the envelope";
    }
}
