package org.rollwell.therapy.plan;

import java.util.Locale;

/** Renders a plan as plain text for test output and the report (the CLI has its own rendering). */
final class PlanPrinter {

    private PlanPrinter() {
    }

    static String print(SessionPlan plan) {
        StringBuilder out = new StringBuilder();
        out.append(plan.status()).append('\n');
        for (Reason r : plan.reasons()) {
            out.append("  ! ").append(r.code()).append(": ").append(r.message()).append('\n');
        }
        if (plan.envelope() != null) {
            var e = plan.envelope();
            out.append(String.format(Locale.ROOT, "  envelope: force ≤ %.0f N (%s), rollers ≤ %.0f °C (%s), skin ≤ %.0f °C (%s),"
                            + " CEM43 ≤ %.1f min (%s), intensity ≤ %.0f (%s), stretch lift ≤ %.0f mm (%s), heat %s (%s)%n",
                    e.maxForceN().value(), e.maxForceN().setBy(), e.maxRollerTempC().value(), e.maxRollerTempC().setBy(),
                    e.maxSkinTempC().value(), e.maxSkinTempC().setBy(), e.cem43CapMin().value(), e.cem43CapMin().setBy(),
                    e.maxIntensity().value(), e.maxIntensity().setBy(), e.maxStretchLiftMm().value(),
                    e.maxStretchLiftMm().setBy(), e.heatAllowed() ? "on" : "off", e.heatSetBy()));
            e.bans().forEach(b -> out.append("  ban: ").append(b).append('\n'));
            e.excluded().forEach(x -> out.append("  excluded: ").append(x).append('\n'));
        }
        for (PlanSegment s : plan.segments()) {
            out.append(String.format(Locale.ROOT, "  %-7s %-7s %6.1f–%6.1f mm %5.0f N %4s %4d s  %s%n",
                    s.technique(), s.from() == s.to() ? s.from().name() : s.from() + "–" + s.to(), s.startMm(), s.endMm(),
                    s.forceN(), s.heated() ? String.format(Locale.ROOT, "%.0f°", s.rollerTempC()) : "off", s.seconds(),
                    s.why()));
        }
        if (plan.status() == SessionPlan.Status.OK) {
            out.append("  total ").append(plan.totalSeconds()).append(" s\n");
        }
        return out.toString();
    }
}
