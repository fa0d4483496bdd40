package org.rollwell.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.program.Location;
import org.rollwell.therapy.program.Program;
import org.rollwell.therapy.program.ProgramSegment;
import org.rollwell.therapy.technique.Intensity;

/** A program as a person reads it: what it is for, then each step with where, how firm, how warm and how long. */
final class ProgramText {

    private ProgramText() {
    }

    static void print(Program p, PrintWriter out) {
        out.printf(Locale.ROOT, "%s (%s), %s as written%n", p.name(), p.id(), ProgramsCommand.minutes(p));
        List<String> goals = new ArrayList<>();
        p.goals().forEach(g -> goals.add(g.name()));
        String suits = p.suits().isEmpty() ? "" : "; written to suit " + String.join(", ", p.suits().stream().map(Enum::name).toList());
        out.println("Goals: " + String.join(", ", goals) + suits);
        out.println();
        out.println(p.description());
        out.println();
        int n = 1;
        for (ProgramSegment s : p.segments()) {
            String dose = s.intensity() != null
                    ? String.format(Locale.ROOT, "intensity %d (%.0f N, %.2f kg/cm²)", s.intensity(), s.targetForceN(),
                            Intensity.pressureKgPerCm2(s.targetForceN(), BedLimits.REFERENCE.rollerContactAreaCm2()))
                    : String.format(Locale.ROOT, "%.0f N (%.2f kg/cm²)", s.forceN(),
                            Intensity.pressureKgPerCm2(s.forceN(), BedLimits.REFERENCE.rollerContactAreaCm2()));
            String heat = s.heat() ? String.format(Locale.ROOT, "rollers %.0f °C", s.rollerTempC()) : "no heat";
            out.printf(Locale.ROOT, "%2d. %-7s %-28s %9s  %s, %s%n", n++, s.technique(), where(s.location()),
                    PlanText.clock(s.seconds()), dose, heat);
            out.println("      " + PlanText.params(s.params()));
            if (!s.note().isEmpty()) {
                out.println("      " + s.note());
            }
        }
        if (!p.sources().isEmpty()) {
            out.println();
            out.println("Sources of its figures:");
            p.sources().forEach(source -> out.println("  - " + source));
        }
        out.println();
        out.println("Plan it for a person: rollwell plan --profile FILE --program " + p.id() + " --minutes N");
    }

    static String where(Location location) {
        if (location instanceof Location.Span span) {
            return span.from() == span.to() ? span.from().name() : span.from() + "–" + span.to();
        } else if (location instanceof Location.Point point) {
            return "on " + point.at();
        } else if (location instanceof Location.MarkedTriggerPoints) {
            return "on each marked trigger point";
        } else if (location instanceof Location.PainfulRegion pain) {
            return "where it hurts (else " + pain.fallbackFrom() + "–" + pain.fallbackTo() + ")";
        }
        return location.toString();
    }
}
