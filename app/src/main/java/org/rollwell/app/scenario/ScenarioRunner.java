package org.rollwell.app.scenario;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.rollwell.app.simulate.Simulation;
import org.rollwell.app.simulate.SimulationResult;
import org.rollwell.app.simulate.TwinPacer;
import org.rollwell.companion.workflow.ScanVerdict;
import org.rollwell.companion.workflow.SessionWorkflow;
import org.rollwell.sim.body.ModelledBack;
import org.rollwell.therapy.anatomy.Landmark;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.plan.Reason;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.SessionPlanner;
import org.rollwell.therapy.program.ProgramLibrary;
import org.rollwell.therapy.scan.ScanReason;

/**
 * Runs a scenario the way the product runs a session, through the companion's one
 * {@link SessionWorkflow}: scan the spine (unless the scenario says {@code "scan": false}),
 * analyse the trace, plan on the measured map (or the normative one), then drive the twin
 * through the plan on virtual time ({@link TwinPacer}) with the scenario's faults. The twin-only
 * parts stay here: the scan checked against the body's true landmarks, the faults, the trace.
 *
 * <p>The scan runs under the person's envelope as screened (their force limit; their excluded
 * ranges on the profile's or the normative map, with the ±50 mm margin): the supervisor keeps the
 * rollers off an implant or lesion during the scan too.
 *
 * <p>Screening comes first: a person it blocks is never scanned. A scan the analyser rejects blocks the session ({@code SCAN_REJECTED}): a plan on
 * landmarks nobody trusts would be a guess (issue 5), and the person can rescan or choose
 * the normative map ({@code "scan": false}). Faults strike the session run; the scan before it
 * runs clean, and fault times count from the start of the session run (homing, warm-up).
 */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    /** Where the trace goes and who hears about progress; both optional. */
    public record Options(Writer traceCsv, int traceEvery, DoubleConsumer progress) {
        public static final Options NONE = new Options(null, 1, null);

        public Options {
            if (traceEvery < 1) {
                throw new IllegalArgumentException("traceEvery must be 1 or more, was " + traceEvery);
            }
        }
    }

    public static ScenarioOutcome run(Scenario scenario, Options options) {
        return run(scenario, options, null);
    }

    /** As {@link #run(Scenario, Options)}, with {@code sessionWatch} seeing the twin after every tick of the session (null: none). */
    public static ScenarioOutcome run(Scenario scenario, Options options, Simulation.TruthWatch sessionWatch) {
        return run(scenario, options, sessionWatch, plan(scenario, null));
    }

    /**
     * As {@link #run(Scenario, Options, Simulation.TruthWatch)}, with the plan screening made for this scenario
     * already in hand ({@code screened} must be {@code plan(scenario, null)}): a fault campaign plans each draw
     * to pick where its fault strikes, and planning again would cost a fifth of a run (issue 8, speed).
     */
    public static ScenarioOutcome run(Scenario scenario, Options options, Simulation.TruthWatch sessionWatch,
                                      SessionPlan screened) {
        // the scan before the session runs clean; faults, trace, progress and the truth watch are the session's
        Simulation scanning = Simulation.scan(scenario.body(), scenario.seed()).spec(scenario.bed());
        Simulation session = Simulation.session(scenario.body(), scenario.seed()).spec(scenario.bed());
        for (ScenarioFault fault : scenario.faults()) {
            int zone = fault.hasZone() ? fault.zone() : 0;
            if (fault.during() == null) {
                session.fault(fault.atS(), fault.kind(), zone);
            } else {
                session.faultIn(fault.during(), fault.atS(), fault.kind(), zone);
            }
        }
        if (options.traceCsv() != null) {
            session.trace(options.traceCsv(), options.traceEvery());
        }
        if (options.progress() != null) {
            session.progress(options.progress());
        }
        if (sessionWatch != null) {
            session.watchTruth(sessionWatch);
        }
        TwinPacer twins = new TwinPacer(scanning, session);
        SessionWorkflow.Outcome done = new SessionWorkflow(scenario.bed()).run(screened, scenario.scan(),
                measured -> plan(scenario, measured), twins, SessionWorkflow.Listener.NONE);
        ScanVerdict verdict = done.scan();
        switch (done.status()) {
            case SCREENED_OUT:
                return new ScenarioOutcome(Simulation.of(screened, scenario.body(), scenario.seed()).spec(scenario.bed()).run(),
                        screened.reasons(), screened, null);
            case SCAN_STOPPED: {
                ScanCheck check = new ScanCheck("FAULTED", Double.NaN, Double.NaN, Double.NaN, List.of(verdict.why()));
                return blockedByScan(check, "SCAN_FAULTED", "The spine scan did not finish: " + verdict.why());
            }
            case SCAN_REJECTED: {
                List<String> reasons = new ArrayList<>();
                verdict.reasons().forEach(r -> reasons.add(r.toString()));
                ScanCheck check = new ScanCheck("REJECTED", Double.NaN, Double.NaN, Double.NaN, reasons);
                ScanReason first = verdict.reasons().get(0);
                return blockedByScan(check, "SCAN_REJECTED", "The spine scan could not be trusted (" + first.code() + ": "
                        + first.message() + "); scan again, or plan on the normative map with \"scan\": false.");
            }
            default:
                break;
        }
        // the twin-only check: the measured landmarks against the body's true ones
        ScanCheck check = verdict == null ? null
                : againstTruth(verdict.result().spineMap(), new ModelledBack(scenario.body(), scenario.seed()));
        SessionPlan plan = done.plan();
        List<Reason> notices = new ArrayList<>(plan.reasons());
        for (ScenarioFault fault : scenario.faults()) {
            if (fault.during() != null && plan.status() == SessionPlan.Status.OK && !reaches(plan, fault.during())) {
                notices.add(new Reason("FAULT_PHASE_ABSENT", "The plan has no " + fault.during() + " step, so the "
                        + fault.kind() + " timed from it was never injected."));
            }
        }
        SimulationResult result = done.status() == SessionWorkflow.Status.RAN ? twins.sessionResult()
                : Simulation.of(plan, scenario.body(), scenario.seed()).spec(scenario.bed()).run();
        return new ScenarioOutcome(result, notices, plan, check);
    }

    /** Whether a run of {@code plan} enters {@code phase}: every run homes, warms and cools down; techniques only if planned. */
    private static boolean reaches(SessionPlan plan, String phase) {
        for (var segment : plan.segments()) {
            if (segment.technique().name().equals(phase)) {
                return true;
            }
        }
        return !List.of("ROLL", "KNEAD", "PRESS", "STRETCH", "WARM").contains(phase);
    }

    /** The plan the scenario asks for, on the measured map when there is one, else the profile's own or the normative map. */
    public static SessionPlan plan(Scenario scenario, SpineMap measuredOrNull) {
        // the scenario's bed: a shorter bed's travel, force and temperature limits bound the plan
        SessionPlanner planner = new SessionPlanner(scenario.bed().limits());
        var visit = scenario.visit().orElse(null);
        var map = measuredOrNull == null ? scenario.profile().spineMapOrNormative() : measuredOrNull;
        if (scenario.goal() != null) {
            return planner.plan(scenario.profile(), visit, scenario.goal(), scenario.minutes(), map);
        }
        var program = ProgramLibrary.builtIn().find(scenario.programId())
                .orElseThrow(() -> new IllegalStateException("the parser lets only built-in programs through"));
        return planner.plan(scenario.profile(), visit, program, scenario.minutes(), map);
    }

    /** The scan's errors against the twin's true back: the landmarks in mm, the curves on the Cobb scale. */
    static ScanCheck againstTruth(SpineMap measured, ModelledBack truth) {
        double c7 = Math.abs(measured.positionMm(Landmark.C7) - truth.c7Mm());
        double t12l1 = Math.abs(measured.positionMm(Landmark.T12L1) - truth.t12l1Mm());
        double l5s1 = Math.abs(measured.positionMm(Landmark.L5S1) - truth.l5s1Mm());
        double kyphosis = Math.abs(measured.kyphosisDeg() - truth.body().kyphosisDeg());
        double lordosis = Math.abs(measured.lordosisDeg() - truth.body().lordosisDeg());
        return new ScanCheck("OK", Math.max(c7, Math.max(t12l1, l5s1)), kyphosis, lordosis, List.of());
    }

    private static ScenarioOutcome blockedByScan(ScanCheck check, String code, String message) {
        SimulationResult blocked = new SimulationResult("BLOCKED", true, List.of(), List.of(),
                new SimulationResult.PeaksReport(null, 0, null, 0, 0, 0, 0, null),
                new SimulationResult.EnvelopeReport(null), 0, 0, 0, 0, List.of(), null);
        return new ScenarioOutcome(blocked, List.of(new Reason(code, message)), null, check);
    }
}
