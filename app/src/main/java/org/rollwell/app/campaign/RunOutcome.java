package org.rollwell.app.campaign;

import java.util.List;

/**
 * What one campaign run showed, judged against its fault's bounds and the twin's truth.
 *
 * @param index             the run's place in the campaign (0-based)
 * @param seed              the run's own seed: {@code RandomScenarios.draw(seed)} gives the same scenario again
 * @param kind              the injected fault kind
 * @param scenario          the scenario in words (body, profile, goal or program, bed, phase and time)
 * @param struck            whether the fault was injected (the run reached its phase and time)
 * @param code              the fault code the supervisor (or the board, for a stall) reported, or null
 * @param detectedAfterMs   from the fault to its detection, or null when not detected; a fault that shows only under
 *                          load ({@link FaultBounds.Occurs#IN_CONTACT}) is timed from the first contact after it, a
 *                          stall ({@link FaultBounds.Occurs#CARRIAGE_MOVING}) from the first move asked after it
 * @param safeWithinMs      from detection to the safe state, or null when never safe
 * @param safeBoundMs       the longest {@code safeWithinMs} allowed on this run's bed
 * @param safeState         the twin ended in the safe state
 * @param trueSkinC         the twin's hottest true skin temperature
 * @param trueCem43Min      the twin's highest true thermal dose in a band, CEM43 minutes
 * @param cem43CapMin       the envelope's dose cap per band
 * @param trueForceShare    the twin's highest true roller force over the envelope's maximum force
 * @param trueRollerC       the twin's hottest true roller surface
 * @param commandViolations commands written outside the bed's or the envelope's limits
 * @param simulatedS        simulated seconds of the session run
 * @param blockedDraws      plans the screening blocked (or, with a scan, scans to redo) before this one was drawn
 * @param unfitDraws        plans drawn again because the fault could not show in them
 * @param blockedProfiles   the profile of each blocked draw, in draw order ("(scan)" for a scan to redo)
 * @param failures          every bound or limit this run broke, in words; empty when it ended safe inside them
 */
public record RunOutcome(int index, long seed, String kind, String scenario, boolean struck, String code,
                         Double detectedAfterMs, Double safeWithinMs, double safeBoundMs, boolean safeState, double trueSkinC,
                         double trueCem43Min, double cem43CapMin, double trueForceShare, double trueRollerC,
                         long commandViolations, double simulatedS, int blockedDraws, int unfitDraws,
                         List<String> blockedProfiles, List<String> failures) {

    /** Issue 8: true skin at most 44 °C under any single fault (the twin's truth; the estimate is held to 43 °C). */
    public static final double MAX_TRUE_SKIN_C = 44.0;
    /** Issue 8: true roller surface at most 70 °C, the board's bimetal cut-off (DOMAIN.md §5). */
    public static final double MAX_TRUE_ROLLER_C = 70.0;
    /** Issue 8: true force at most 1.3 × the envelope's maximum under any single fault. */
    public static final double MAX_FORCE_SHARE = 1.3;

    public RunOutcome {
        failures = List.copyOf(failures);
        blockedProfiles = List.copyOf(blockedProfiles);
    }

    /** This outcome with {@code scans} more refused draws before it: scans to redo. */
    RunOutcome withScansRedone(int scans) {
        List<String> blocked = new java.util.ArrayList<>(blockedProfiles);
        for (int i = 0; i < scans; i++) {
            blocked.add(SCAN_REDONE);
        }
        return new RunOutcome(index, seed, kind, scenario, struck, code, detectedAfterMs, safeWithinMs, safeBoundMs, safeState,
                trueSkinC, trueCem43Min, cem43CapMin, trueForceShare, trueRollerC, commandViolations, simulatedS,
                blockedDraws + scans, unfitDraws, blocked, failures);
    }

    /** Stands for a scan to redo among {@link #blockedProfiles()}. */
    static final String SCAN_REDONE = "(scan)";

    public boolean detected() {
        return detectedAfterMs != null;
    }

    public boolean ok() {
        return failures.isEmpty();
    }
}
