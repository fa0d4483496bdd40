package org.rollwell.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.rollwell.app.scenario.ScanCheck;
import org.rollwell.app.scenario.Scenario;
import org.rollwell.app.scenario.ScenarioOutcome;
import org.rollwell.app.simulate.SessionChanges;
import org.rollwell.app.simulate.SimulationResult;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.Reason;

/** A simulated session as an engineer reads it: the scan, what each step delivered, every fault and the peaks against the limits. */
final class SimulationText {

    private SimulationText() {
    }

    static void print(Scenario scenario, ScenarioOutcome outcome, PrintWriter out) {
        SimulationResult r = outcome.result();
        if (!scenario.description().isEmpty()) {
            out.println("Scenario: " + scenario.description());
        }
        out.printf(Locale.ROOT, "Person on the twin: %.0f cm, %.0f kg, kyphosis %.0f°, lordosis %.0f°; seed %d%n",
                scenario.body().heightCm(), scenario.body().weightKg(), scenario.body().kyphosisDeg(),
                scenario.body().lordosisDeg(), scenario.seed());
        ScanCheck scan = outcome.scan();
        if (scan == null) {
            out.println("Scan: skipped (\"scan\": false); planned on the normative spine map");
        } else if (scan.ok()) {
            out.printf(Locale.ROOT, "Scan: OK; landmarks within %.1f mm of the truth, kyphosis off by %.1f°, lordosis by %.1f°%n",
                    scan.landmarkErrorMaxMm(), scan.kyphosisErrorDeg(), scan.lordosisErrorDeg());
        } else {
            out.println("Scan: " + scan.status());
            scan.reasons().forEach(reason -> out.println("  " + reason));
        }
        String asked = scenario.goal() != null ? "goal " + scenario.goal() : "program " + scenario.programId();
        out.printf(Locale.ROOT, "Asked for: %s, %d min%n", asked, scenario.minutes());
        out.println();
        out.printf(Locale.ROOT, "Result: %s; bed in the safe state at the end: %s%n", r.status(), r.safeState() ? "yes" : "NO");
        if ("BLOCKED".equals(r.status())) {
            for (Reason reason : outcome.reasons()) {
                out.println("  " + reason.code() + ": " + reason.message());
            }
            return;
        }
        out.printf(Locale.ROOT, "  %.1f s simulated in %d ticks, %d overruns, %d ms of wall time%n",
                r.simulatedS(), r.ticks(), r.overruns(), r.wallMs());
        out.println();
        out.println("     step    levels     planned  delivered  force error  position error  temp error");
        List<PlanSegment> planned = outcome.plan() == null ? List.of() : outcome.plan().segments();
        for (int i = 0; i < r.segments().size(); i++) {
            SimulationResult.SegmentReport s = r.segments().get(i);
            // The record keeps the plan's order, so the i-th report is the i-th planned step.
            String levels = "";
            if (planned.size() == r.segments().size()) {
                PlanSegment p = planned.get(i);
                levels = p.from() == p.to() ? p.from().name() : p.from() + "–" + p.to();
            }
            out.printf(Locale.ROOT, "%3d. %-7s %-8s %7.0f s %8.1f s %11s %15s %11s%n", i + 1, s.technique(), levels,
                    s.plannedS(), s.deliveredS(),
                    or(s.forceErrorPct(), "%.1f %%"), or(s.positionErrorMm(), "%.1f mm"), or(s.tempErrorC(), "%.2f °C"));
        }
        if (!r.faults().isEmpty()) {
            out.println();
            out.println("Faults:");
            for (SimulationResult.FaultReport f : r.faults()) {
                String injected = f.kind() == null ? "safety stop (no fault injected)" : f.kind() + " injected";
                String detected = f.code() == null ? "NOT detected" : "detected as " + f.code()
                        + (f.detectedAfterMs() == null ? "" : String.format(Locale.ROOT, " after %.0f ms", f.detectedAfterMs()));
                String safe = f.safeWithinMs() == null ? "" : String.format(Locale.ROOT, ", safe state %.0f ms later", f.safeWithinMs());
                out.printf(Locale.ROOT, "  %s at %.1f s: %s%s%n", injected, f.atS(), detected, safe);
            }
        }
        SimulationResult.PeaksReport p = r.peaks();
        out.println();
        out.println("Peaks:");
        out.printf(Locale.ROOT, "  rollers %s, force %.1f N%n", or(p.rollerTempC(), "%.1f °C"), p.forceN());
        out.printf(Locale.ROOT, "  skin: estimated %s, true %.2f °C (limit %s)%n",
                or(p.skinEstimateC(), "%.2f °C"), p.trueSkinTempC(), skinLimit(outcome));
        out.printf(Locale.ROOT, "  thermal dose per 10 mm band: estimated %.3f, true %.3f CEM43 min (cap %s)%n",
                p.cem43EstimateMaxMin(), p.trueCem43MaxMin(), cap(outcome));
        List<Reason> changes = SessionChanges.of(r);
        if (!changes.isEmpty()) {
            out.println();
            out.println("What the bed changed while it ran:");
            changes.forEach(reason -> out.println("  " + reason.code() + ": " + reason.message()));
        }
        if (!outcome.reasons().isEmpty()) {
            out.println();
            out.println("Plan notices:");
            outcome.reasons().forEach(reason -> out.println("  " + reason.code() + ": " + reason.message()));
        }
    }

    private static String skinLimit(ScenarioOutcome outcome) {
        if (outcome.plan() == null || outcome.plan().envelope() == null) {
            return "43 °C, IEC 60601-1";
        }
        var bound = outcome.plan().envelope().maxSkinTempC();
        return String.format(Locale.ROOT, "%.0f °C, %s", bound.value(), bound.setBy());
    }

    private static String cap(ScenarioOutcome outcome) {
        if (outcome.plan() == null || outcome.plan().envelope() == null) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f", outcome.plan().envelope().cem43CapMin().value());
    }

    private static String or(Double value, String format) {
        return value == null ? "n/a" : String.format(Locale.ROOT, format, value);
    }
}
