package org.rollwell.app.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollwell.sim.FaultKind;

/**
 * A campaign's outcome: per fault kind the runs, detections and worst figures against their
 * bounds, the verdict, and the throughput. {@code SAFE} only if every run ended in the safe state
 * inside its bounds and under every limit of the twin's truth (issue 8 "Done when").
 *
 * @param seed          the campaign's seed
 * @param jobs          threads used
 * @param rows          one row per fault kind the twin knows, in declaration order
 * @param runs          every run, in run order
 * @param blockedDraws  plans the screening blocked and that were drawn again
 * @param blockedByProfile those blocked draws per profile (and "(scan)" for scans to redo), by name
 * @param leftOutProfiles profiles the screening blocks whatever the body, bed or plan, left out of the draw, with their reasons
 * @param unfitDraws    plans drawn again because the fault could not show in them
 * @param simulatedS    simulated seconds of every session run together
 * @param wallS         wall seconds of the whole campaign
 */
public record CampaignReport(long seed, int jobs, List<KindRow> rows, List<RunOutcome> runs, long blockedDraws,
                             Map<String, Long> blockedByProfile, List<String> leftOutProfiles, long unfitDraws,
                             double simulatedS, double wallS) {

    public static final String SAFE = "SAFE";
    public static final String UNSAFE = "UNSAFE";

    /**
     * One fault kind's line of the table. Worst figures are NaN when no run of the kind gave one.
     *
     * @param safeBoundMs     the safe-state bound on the bed of the run with the worst {@code worstSafeMs}
     * @param worstForceShare the highest true force over the envelope's maximum
     */
    public record KindRow(String kind, int runs, int detected, int failed, double boundMs, double worstDetectMs,
                          double safeBoundMs, double worstSafeMs, double worstSkinC, double worstCem43Min,
                          double worstForceShare, double worstRollerC) {
    }

    public CampaignReport {
        rows = List.copyOf(rows);
        runs = List.copyOf(runs);
        blockedByProfile = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(blockedByProfile));
        leftOutProfiles = List.copyOf(leftOutProfiles);
    }

    static CampaignReport of(long seed, int jobs, List<RunOutcome> runs, double wallS, List<String> leftOutProfiles) {
        Map<String, List<RunOutcome>> byKind = new LinkedHashMap<>();
        for (FaultKind kind : FaultKind.values()) {
            byKind.put(kind.name(), new ArrayList<>());
        }
        long blocked = 0;
        long unfit = 0;
        Map<String, Long> blockedByProfile = new java.util.TreeMap<>();
        double simulatedS = 0;
        for (RunOutcome o : runs) {
            byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o);
            blocked += o.blockedDraws();
            o.blockedProfiles().forEach(p -> blockedByProfile.merge(p, 1L, Long::sum));
            unfit += o.unfitDraws();
            simulatedS += o.simulatedS();
        }
        List<KindRow> rows = new ArrayList<>();
        for (Map.Entry<String, List<RunOutcome>> e : byKind.entrySet()) {
            rows.add(row(e.getKey(), e.getValue()));
        }
        return new CampaignReport(seed, jobs, rows, runs, blocked, blockedByProfile, leftOutProfiles, unfit, simulatedS, wallS);
    }

    private static KindRow row(String kind, List<RunOutcome> runs) {
        FaultBounds.Bound bound = FaultBounds.of(kind).orElse(null);
        int detected = 0;
        int failed = 0;
        double detect = Double.NaN, safe = Double.NaN, safeBound = Double.NaN, skin = Double.NaN, cem = Double.NaN, share = Double.NaN, roller = Double.NaN;
        for (RunOutcome o : runs) {
            if (o.detected()) {
                detected++;
                detect = max(detect, o.detectedAfterMs());
            }
            if (!o.ok()) {
                failed++;
            }
            if (o.safeWithinMs() != null && (Double.isNaN(safe) || o.safeWithinMs() > safe)) {
                // the bound shown is the one of the bed the worst run ran on
                safe = o.safeWithinMs();
                safeBound = o.safeBoundMs();
            }
            skin = max(skin, o.trueSkinC());
            cem = max(cem, o.trueCem43Min());
            share = max(share, o.trueForceShare());
            roller = max(roller, o.trueRollerC());
        }
        return new KindRow(kind, runs.size(), detected, failed, bound == null ? Double.NaN : bound.detectMs(), detect,
                safeBound, safe, skin, cem, share, roller);
    }

    private static double max(double worst, double v) {
        if (Double.isNaN(v)) {
            return worst;
        }
        return Double.isNaN(worst) ? v : Math.max(worst, v);
    }

    /** The runs that broke a bound or a limit, in run order. */
    public List<RunOutcome> failures() {
        return runs.stream().filter(o -> !o.ok()).toList();
    }

    public String verdict() {
        return failures().isEmpty() ? SAFE : UNSAFE;
    }

    /** Simulated seconds per wall second, all threads together. */
    public double throughput() {
        return wallS > 0 ? simulatedS / wallS : 0;
    }
}
