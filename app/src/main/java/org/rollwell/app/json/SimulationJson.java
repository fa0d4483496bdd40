package org.rollwell.app.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rollwell.app.scenario.ScanCheck;
import org.rollwell.app.scenario.ScenarioOutcome;
import org.rollwell.app.simulate.SessionChanges;
import org.rollwell.app.simulate.SimulationResult;
import org.rollwell.therapy.plan.Reason;

/**
 * A simulated session as JSON, in the field order of issue 4 item 8
 * ({@code status, safeState, faults, segments, peaks, simulatedS, ticks, overruns, wallMs}; issue 8 adds
 * {@code envelope} after {@code wallMs}, and the twin's {@code trueForceN} and {@code trueRollerSurfaceC} to the peaks), then
 * {@code locks} (what the run's trips locked on its fresh twin: a zone's heat or the lift),
 * then {@code scan} when the scenario scanned first (issue 5 item 5) and {@code reasons}
 * (why a session was blocked, or the plan's notices, then what the bed changed while it ran:
 * {@code SESSION_*} codes from {@link SessionChanges}). Seconds, millimetres, newtons and
 * percentages are rounded to 0.1, temperatures to 0.01 °C, thermal doses to 0.001 CEM43
 * minutes; a figure that does not apply is null. Everything but {@code wallMs} is the same
 * on every run of the same scenario.
 */
public final class SimulationJson {

    private SimulationJson() {
    }

    public static ObjectNode of(ScenarioOutcome outcome) {
        SimulationResult r = outcome.result();
        ObjectNode root = Json.object();
        root.put("status", r.status());
        root.put("safeState", r.safeState());
        ArrayNode faults = root.putArray("faults");
        for (SimulationResult.FaultReport f : r.faults()) {
            ObjectNode n = faults.addObject();
            n.put("code", f.code());
            n.put("kind", f.kind());
            n.set("atS", Json.tenths(f.atS()));
            n.set("detectedAfterMs", tenths(f.detectedAfterMs()));
            n.set("safeWithinMs", tenths(f.safeWithinMs()));
        }
        ArrayNode segments = root.putArray("segments");
        for (SimulationResult.SegmentReport s : r.segments()) {
            ObjectNode n = segments.addObject();
            n.put("technique", s.technique());
            n.set("plannedS", Json.tenths(s.plannedS()));
            n.set("deliveredS", Json.tenths(s.deliveredS()));
            n.set("forceErrorPct", tenths(s.forceErrorPct()));
            n.set("positionErrorMm", tenths(s.positionErrorMm()));
            n.set("tempErrorC", hundredths(s.tempErrorC()));
        }
        SimulationResult.PeaksReport p = r.peaks();
        ObjectNode peaks = root.putObject("peaks");
        peaks.set("rollerTempC", hundredths(p.rollerTempC()));
        peaks.set("forceN", Json.tenths(p.forceN()));
        peaks.set("skinEstimateC", hundredths(p.skinEstimateC()));
        peaks.set("cem43EstimateMaxMin", Json.decimal(p.cem43EstimateMaxMin(), 3));
        // Nothing simulated (a blocked session): there is no skin temperature to report, not 0 °C.
        peaks.set("trueSkinTempC", r.ticks() == 0 ? NullNode.getInstance() : Json.hundredths(p.trueSkinTempC()));
        peaks.set("trueCem43MaxMin", Json.decimal(p.trueCem43MaxMin(), 3));
        // the twin's truth against the envelope: how hard the rollers truly pressed, how hot their surface truly got
        peaks.set("trueForceN", r.ticks() == 0 ? NullNode.getInstance() : Json.tenths(p.trueForceN()));
        peaks.set("trueRollerSurfaceC", r.ticks() == 0 ? NullNode.getInstance() : hundredths(p.trueRollerSurfaceC()));
        root.set("simulatedS", Json.hundredths(r.simulatedS()));
        root.put("ticks", r.ticks());
        root.put("overruns", r.overruns());
        root.put("wallMs", r.wallMs());
        // after issue 4's fields, so their order stays: the envelope the twin's true peaks are read against
        ObjectNode envelope = root.putObject("envelope");
        envelope.set("maxForceN", tenths(r.envelope().maxForceN()));
        ArrayNode locks = root.putArray("locks");
        for (SimulationResult.LockReport lock : r.locks()) {
            ObjectNode n = locks.addObject();
            n.put("target", lock.target());
            n.put("zone", lock.zone());
            n.put("cause", lock.cause());
        }
        if (outcome.scan() != null) {
            root.set("scan", scan(outcome.scan()));
        }
        ArrayNode reasons = root.putArray("reasons");
        for (Reason reason : outcome.reasons()) {
            reasons.addObject().put("code", reason.code()).put("message", reason.message());
        }
        // what the bed changed while it ran (a heat cut, a force held at a limit, a step cut short), after the plan's notices
        for (Reason reason : SessionChanges.of(r)) {
            reasons.addObject().put("code", reason.code()).put("message", reason.message());
        }
        return root;
    }

    private static ObjectNode scan(ScanCheck check) {
        ObjectNode n = Json.object();
        n.put("status", check.status());
        n.set("landmarkErrorMaxMm", Json.tenths(check.landmarkErrorMaxMm()));
        n.set("kyphosisErrorDeg", Json.tenths(check.kyphosisErrorDeg()));
        n.set("lordosisErrorDeg", Json.tenths(check.lordosisErrorDeg()));
        ArrayNode reasons = n.putArray("reasons");
        check.reasons().forEach(reasons::add);
        return n;
    }

    private static JsonNode tenths(Double value) {
        return value == null ? NullNode.getInstance() : Json.tenths(value);
    }

    private static JsonNode hundredths(Double value) {
        return value == null ? NullNode.getInstance() : Json.hundredths(value);
    }
}
