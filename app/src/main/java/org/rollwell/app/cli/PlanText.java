package org.rollwell.app.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.rollwell.therapy.anatomy.Landmark;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.envelope.ExcludedRange;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.envelope.TechniqueBan;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.Reason;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Intensity;

/**
 * A session plan as a therapist would write it down: each step with the levels it
 * works, how long, how firm (N and kg/cm² over the rollers' contact area, DOMAIN.md §4)
 * and how warm, and why; then the person's limits and the rule behind each.
 */
final class PlanText {

    private PlanText() {
    }

    static void print(SessionPlan plan, String asked, BedLimits bed, PrintWriter out) {
        if (plan.status() == SessionPlan.Status.BLOCKED) {
            out.println("No session: the plan for " + asked + " is BLOCKED.");
            for (Reason reason : plan.reasons()) {
                out.println("  " + reason.code() + ": " + reason.message());
            }
            return;
        }
        out.printf(Locale.ROOT, "Session plan for %s: %d steps, %s%n", asked, plan.segments().size(), clock(plan.totalSeconds()));
        spineMap(plan.spineMap(), out);
        out.println();
        int n = 1;
        for (PlanSegment s : plan.segments()) {
            String levels = s.from() == s.to() ? s.from().name() : s.from() + "–" + s.to();
            String mm = s.startMm() == s.endMm()
                    ? String.format(Locale.ROOT, "at %.0f mm", s.startMm())
                    : String.format(Locale.ROOT, "%.0f–%.0f mm", s.startMm(), s.endMm());
            String heat = s.heated() ? String.format(Locale.ROOT, "rollers %.0f °C", s.rollerTempC()) : "no heat";
            out.printf(Locale.ROOT, "%2d. %-7s %-8s (%s)  %9s  %3.0f N (%.2f kg/cm²)  %s%n", n++, s.technique(), levels, mm,
                    clock(s.seconds()), s.forceN(),
                    Intensity.pressureKgPerCm2(s.forceN(), bed.rollerContactAreaCm2()), heat);
            out.println("      " + params(s.params()));
            out.println("      why: " + s.why());
        }
        out.printf(Locale.ROOT, "Total %s (%d s)%n", clock(plan.totalSeconds()), plan.totalSeconds());
        if (!plan.reasons().isEmpty()) {
            out.println();
            out.println("Notices:");
            for (Reason reason : plan.reasons()) {
                out.println("  " + reason.code() + ": " + reason.message());
            }
        }
        out.println();
        limits(plan.envelope(), out);
        out.println();
        words(plan, out);
    }

    /**
     * The terms and units a lay person meets in the text above, explained once, with the page that says
     * more (docs/therapy.md in the repository, "Words and units you will meet").
     */
    private static void words(SessionPlan plan, PrintWriter out) {
        out.println("Words used above (more in docs/therapy.md, \"Words and units you will meet\"):");
        boolean nrs = false;
        for (PlanSegment s : plan.segments()) {
            nrs |= s.why().contains("NRS");
        }
        for (Reason reason : plan.reasons()) {
            nrs |= reason.message().contains("NRS");
        }
        if (nrs) {
            out.println("  NRS           pain on a scale from 0 (none) to 10 (the worst imaginable), as you marked it");
        }
        out.println("  mm from home  a place along the bed, measured from the carriage's home switch at the head end");
        out.println("                (0 mm); larger numbers lie further down your back. C7 is the base of the neck,");
        out.println("                T1–T12 the upper and mid back, L1–L5 the low back, S1 the top of the sacrum");
        out.println("  N, kg/cm²     how firmly the rollers press: force in newtons, and as pressure over their contact");
        out.println("                area; intensity 1–10 is your own scale within each technique's range");
        out.println("  CEM43 min     heat dose: the minutes at 43 °C that would warm tissue as much as the temperatures");
        out.println("                reached (Sapareto & Dewey 1984); a minute at 44 °C counts as two");
        out.println("  (RULE)        the rule that set a limit: BED, PREFERENCE, IEC_60601_1 (the medical-device");
        out.println("                standard), CEM43_CAP, a screening answer such as CI_OSTEOPOROSIS, or a condition");
    }

    private static void spineMap(SpineMap map, PrintWriter out) {
        String source;
        if (map.source() == SpineMap.Source.NORMATIVE) {
            source = "normative, from height (a scan replaces it)";
        } else if (Double.isFinite(map.quality())) {
            source = String.format(Locale.ROOT, "measured by a scan (quality %.2f)", map.quality());
        } else {
            source = "measured";
        }
        out.printf(Locale.ROOT, "Spine map %s: C7 at %.0f mm, T12/L1 at %.0f mm, L5/S1 at %.0f mm from home%n",
                source, map.positionMm(Level.C7), map.positionMm(Landmark.T12L1), map.positionMm(Landmark.L5S1));
    }

    private static void limits(SafetyEnvelope e, PrintWriter out) {
        out.println("Limits for this person (and the rule that set each):");
        out.printf(Locale.ROOT, "  force            ≤ %.0f N  (%s)%n", e.maxForceN().value(), e.maxForceN().setBy());
        if (e.heatAllowed()) {
            out.printf(Locale.ROOT, "  roller surface   ≤ %.1f °C  (%s)%n", e.maxRollerTempC().value(), e.maxRollerTempC().setBy());
        } else {
            out.printf(Locale.ROOT, "  roller heat      off  (%s)%n", e.heatSetBy());
        }
        out.printf(Locale.ROOT, "  skin estimate    ≤ %.1f °C  (%s)%n", e.maxSkinTempC().value(), e.maxSkinTempC().setBy());
        out.printf(Locale.ROOT, "  thermal dose     ≤ %.2f CEM43 min per 10 mm band  (%s)%n",
                e.cem43CapMin().value(), e.cem43CapMin().setBy());
        out.printf(Locale.ROOT, "  intensity        ≤ %.0f of 10  (%s)%n", e.maxIntensity().value(), e.maxIntensity().setBy());
        out.printf(Locale.ROOT, "  session          ≤ %.0f min  (%s)%n", e.maxMinutes().value(), e.maxMinutes().setBy());
        for (TechniqueBan ban : e.bans()) {
            String span = ban.from() == ban.to() ? ban.from().name() : ban.from() + "–" + ban.to();
            out.printf(Locale.ROOT, "  no %s on %s  (%s)%n", ban.technique(), span, ban.setBy());
        }
        for (ExcludedRange range : e.excluded()) {
            out.printf(Locale.ROOT, "  rollers keep off %.0f–%.0f mm  (%s)%n", range.fromMm(), range.toMm(), range.reason());
        }
    }

    static String params(TechniqueParams params) {
        if (params instanceof TechniqueParams.Roll roll) {
            return String.format(Locale.ROOT, "rolls at %.0f mm/s", roll.speedMmPerS());
        } else if (params instanceof TechniqueParams.Knead k) {
            return String.format(Locale.ROOT, "strokes of %.0f mm at %.1f Hz, creeping %.1f mm/s",
                    k.strokeMm(), k.frequencyHz(), k.creepMmPerS());
        } else if (params instanceof TechniqueParams.Press p) {
            return String.format(Locale.ROOT, "%d × (ramp %.0f s, hold %.0f s), %.0f s rest between",
                    p.repetitions(), p.rampS(), p.holdS(), p.restS());
        } else if (params instanceof TechniqueParams.Stretch st) {
            return String.format(Locale.ROOT, "%d × (lift %.0f mm, hold %.0f s), %.0f s rest between",
                    st.repetitions(), st.liftMm(), st.holdS(), st.restS());
        } else if (params instanceof TechniqueParams.Warm w) {
            return w.speedMmPerS() == 0 ? "rests at the middle of the span"
                    : String.format(Locale.ROOT, "travels slowly at %.0f mm/s", w.speedMmPerS());
        }
        return "";
    }

    /** Seconds as {@code m:ss min}, the way a session timer shows them. */
    static String clock(int seconds) {
        return String.format(Locale.ROOT, "%d:%02d min", seconds / 60, seconds % 60);
    }
}
