package org.rollwell.app.scenario;

import java.util.List;
import java.util.Objects;
import org.rollwell.app.simulate.SimulationResult;
import org.rollwell.therapy.plan.Reason;
import org.rollwell.therapy.plan.SessionPlan;

/**
 * What running a scenario gave: the twin's result, the plan it ran (or why there was none)
 * and, when the scenario scanned first, how the scan went.
 *
 * @param result   the simulation's result; its status is {@code COMPLETED}, {@code FAULTED} or {@code BLOCKED}
 * @param reasons  why the session was blocked (screening, or a scan that could not be trusted); else the plan's notices
 * @param plan     the plan that ran, or was blocked; null when a rejected scan left nothing to plan on
 * @param scan     the scan's check against the truth, or null when the scenario did not scan
 */
public record ScenarioOutcome(SimulationResult result, List<Reason> reasons, SessionPlan plan, ScanCheck scan) {
    public ScenarioOutcome {
        Objects.requireNonNull(result, "result");
        reasons = List.copyOf(reasons);
    }

    public String status() {
        return result.status();
    }
}
