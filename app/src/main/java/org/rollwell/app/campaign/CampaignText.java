package org.rollwell.app.campaign;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.rollwell.app.json.Json;

/** A campaign report as the table a person reads, or as JSON for a script. */
public final class CampaignText {

    /** Failed runs listed in full, at most (choice: enough to start on, short enough to read). */
    static final int LISTED_FAILURES = 20;

    private CampaignText() {
    }

    public static void print(CampaignReport r, PrintWriter out) {
        out.printf(Locale.ROOT, "Fault campaign: %d runs, seed %d, %d thread(s)%n", r.runs().size(), r.seed(), r.jobs());
        if (!r.leftOutProfiles().isEmpty()) {
            out.printf(Locale.ROOT, "Left out of the draw (the screening blocks them whatever the body, bed or plan): %s%n",
                    String.join("; ", r.leftOutProfiles()));
        }
        out.printf(Locale.ROOT, "Redrawn before running: %d plans blocked by the screening (or a scan to redo)%s, %d where the fault"
                        + " could not show%n%n", r.blockedDraws(), r.blockedByProfile().isEmpty() ? "" : " " + r.blockedByProfile(),
                r.unfitDraws());
        out.printf(Locale.ROOT, "%-20s %5s %8s %19s %19s %9s %9s %7s %9s %6s%n", "fault kind", "runs", "detected",
                "worst detect/bound", "worst safe/bound", "skin °C", "CEM43", "force", "roller °C", "failed");
        out.printf(Locale.ROOT, "%-20s %5s %8s %19s %19s %9s %9s %7s %9s %6s%n", "", "", "", "ms", "ms", "true max",
                "true max", "×env", "true max", "");
        for (CampaignReport.KindRow k : r.rows()) {
            out.printf(Locale.ROOT, "%-20s %5d %8d %19s %19s %9s %9s %7s %9s %6d%n", k.kind(), k.runs(), k.detected(),
                    pair(k.worstDetectMs(), k.boundMs()), pair(k.worstSafeMs(), k.safeBoundMs()), fixed(k.worstSkinC(), 2),
                    fixed(k.worstCem43Min(), 3), fixed(k.worstForceShare(), 2), fixed(k.worstRollerC(), 1), k.failed());
        }
        out.printf(Locale.ROOT, "%nLimits on the twin's truth: skin ≤ %.0f °C, CEM43 per band under the envelope's cap,"
                        + " force ≤ %.1f × the envelope's maximum, roller surface ≤ %.0f °C.%n",
                RunOutcome.MAX_TRUE_SKIN_C, RunOutcome.MAX_FORCE_SHARE, RunOutcome.MAX_TRUE_ROLLER_C);
        out.printf(Locale.ROOT, "Detection is timed from the fault; %s from the first contact after it (they show only under load),"
                        + " %s from the first move asked after it, HEATER_DEAD, HEATER_WEAK from the first heat asked after it.%n",
                String.join(", ", FaultBounds.showingOnly(FaultBounds.Occurs.IN_CONTACT)),
                String.join(", ", FaultBounds.showingOnly(FaultBounds.Occurs.CARRIAGE_MOVING)));
        List<RunOutcome> failures = r.failures();
        if (!failures.isEmpty()) {
            out.printf(Locale.ROOT, "%nFailed runs (%d; repeat one with --runs %d --seed %d and read run N):%n", failures.size(),
                    failures.get(failures.size() - 1).index() + 1, r.seed());
            for (RunOutcome o : failures.subList(0, Math.min(LISTED_FAILURES, failures.size()))) {
                out.printf(Locale.ROOT, "  run %d: %s%n    %s%n", o.index(), o.scenario(), String.join("; ", o.failures()));
            }
            if (failures.size() > LISTED_FAILURES) {
                out.printf(Locale.ROOT, "  ... and %d more (--json lists them all)%n", failures.size() - LISTED_FAILURES);
            }
        }
        out.printf(Locale.ROOT, "%nVerdict: %s (%d of %d runs ended safe inside their bounds)%n", r.verdict(),
                r.runs().size() - failures.size(), r.runs().size());
        out.printf(Locale.ROOT, "Throughput: %.0f simulated s in %.1f wall s = %.0f × real time%n", r.simulatedS(), r.wallS(),
                r.throughput());
    }

    public static ObjectNode json(CampaignReport r) {
        ObjectNode root = Json.object();
        root.put("verdict", r.verdict());
        root.put("runs", r.runs().size());
        root.put("seed", r.seed());
        root.put("jobs", r.jobs());
        root.put("blockedDraws", r.blockedDraws());
        ObjectNode byProfile = root.putObject("blockedDrawsByProfile");
        r.blockedByProfile().forEach(byProfile::put);
        ArrayNode leftOut = root.putArray("leftOutProfiles");
        r.leftOutProfiles().forEach(leftOut::add);
        root.put("unfitDraws", r.unfitDraws());
        ArrayNode kinds = root.putArray("kinds");
        for (CampaignReport.KindRow k : r.rows()) {
            ObjectNode n = kinds.addObject();
            n.put("kind", k.kind());
            n.put("runs", k.runs());
            n.put("detected", k.detected());
            n.put("failed", k.failed());
            n.set("boundMs", Json.tenths(k.boundMs()));
            n.set("worstDetectedAfterMs", Json.tenths(k.worstDetectMs()));
            n.set("safeBoundMs", Json.tenths(k.safeBoundMs()));
            n.set("worstSafeWithinMs", Json.tenths(k.worstSafeMs()));
            n.set("worstTrueSkinC", Json.hundredths(k.worstSkinC()));
            n.set("worstTrueCem43Min", Json.decimal(k.worstCem43Min(), 3));
            n.set("worstTrueForceShare", Json.hundredths(k.worstForceShare()));
            n.set("worstTrueRollerSurfaceC", Json.tenths(k.worstRollerC()));
        }
        ArrayNode failed = root.putArray("failures");
        for (RunOutcome o : r.failures()) {
            ObjectNode n = failed.addObject();
            n.put("run", o.index());
            n.put("kind", o.kind());
            n.put("scenario", o.scenario());
            ArrayNode why = n.putArray("reasons");
            o.failures().forEach(why::add);
        }
        root.set("simulatedS", Json.tenths(r.simulatedS()));
        root.set("wallS", Json.hundredths(r.wallS()));
        root.set("throughput", Json.decimal(r.throughput(), 0));
        return root;
    }

    private static String pair(double worst, double bound) {
        return fixed(worst, 0) + " / " + fixed(bound, 0);
    }

    private static String fixed(double v, int places) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%." + places + "f", v);
    }
}
