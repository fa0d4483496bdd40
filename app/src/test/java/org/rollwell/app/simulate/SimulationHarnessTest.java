package org.rollwell.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollwell.sim.body.Body;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Technique;

/** What the CLI relies on: the JSON keys, the trace CSV, progress, refusals of bad fault entries. */
class SimulationHarnessTest {
    private final Body body = Body.TYPICAL;
    private final SessionPlan shortPlan = Plans.plan(body, Plans.seg(Plans.map(body), Technique.ROLL, Level.T8, Level.L3, 120, 0, 40,
            new TechniqueParams.Roll(20)));

    @Test
    void the_result_serialises_to_exactly_the_keys_issue_4_names() throws Exception {
        SimulationResult r = Simulation.of(shortPlan, body, 3).run();
        JsonNode json = new ObjectMapper().valueToTree(r);
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("status", "safeState", "faults", "segments", "peaks", "envelope", "simulatedS",
                "ticks", "overruns", "wallMs", "locks");
        List<String> segmentKeys = new ArrayList<>();
        json.get("segments").get(0).fieldNames().forEachRemaining(segmentKeys::add);
        assertThat(segmentKeys).containsExactlyInAnyOrder("technique", "plannedS", "deliveredS", "forceErrorPct", "positionErrorMm",
                "tempErrorC");
        List<String> peakKeys = new ArrayList<>();
        json.get("peaks").fieldNames().forEachRemaining(peakKeys::add);
        assertThat(peakKeys).containsExactlyInAnyOrder("rollerTempC", "forceN", "skinEstimateC", "cem43EstimateMaxMin", "trueSkinTempC",
                "trueCem43MaxMin", "trueForceN", "trueRollerSurfaceC");
        assertThat(json.get("envelope").get("maxForceN").asDouble()).isEqualTo(shortPlan.envelope().maxForceN().value());
        assertThat(json.get("segments").get(0).get("tempErrorC").isNull()).as("an unheated segment has no temperature error").isTrue();
    }

    @Test
    void the_trace_has_a_header_and_one_row_every_nth_tick() {
        StringWriter csv = new StringWriter();
        List<Double> progress = new ArrayList<>();
        SimulationResult r = Simulation.of(shortPlan, body, 3).trace(csv, 10).progress(progress::add).run();
        String[] lines = csv.toString().split("\n");
        assertThat(lines[0]).isEqualTo("t_s,state,position_mm,target_mm,lift_mm,force_n,force_target_n,"
                + "roller_c_z0,duty_z0,roller_c_z1,duty_z1,skin_estimate_max_c,true_skin_max_c,fault");
        assertThat(lines.length - 1).isEqualTo((int) ((r.ticks() + 9) / 10));
        assertThat(lines[1].split(",", -1)).hasSize(14);
        assertThat(progress).isNotEmpty().endsWith(1.0);
    }

    @Test
    void a_fault_entry_with_an_unknown_kind_or_a_missing_zone_is_refused_naming_the_field() {
        assertThatThrownBy(() -> Simulation.of(shortPlan, body, 1).fault(10, "HEATER_EXPLODES", 0))
                .hasMessageContaining("faults[].kind").hasMessageContaining("HEATER_EXPLODES");
        assertThatThrownBy(() -> Simulation.of(shortPlan, body, 1).fault(10, "heater_dead", 7))
                .hasMessageContaining("faults[].zone");
        assertThatThrownBy(() -> Simulation.of(shortPlan, body, 1).fault(-1, "ESTOP", 0))
                .hasMessageContaining("faults[].atS");
    }

    @Test
    void a_blocked_plan_is_not_run() {
        SimulationResult r = Simulation.of(SessionPlan.blocked(List.of(new org.rollwell.therapy.plan.Reason("RF_TRAUMA", "see a clinician")),
                null), body, 1).run();
        assertThat(r.status()).isEqualTo("BLOCKED");
        assertThat(r.ticks()).isZero();
    }
}
