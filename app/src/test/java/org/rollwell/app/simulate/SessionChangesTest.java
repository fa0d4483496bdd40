package org.rollwell.app.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollwell.app.json.SimulationJson;
import org.rollwell.app.scenario.ScenarioOutcome;
import org.rollwell.app.scenario.ScenarioParser;
import org.rollwell.app.scenario.ScenarioRunner;
import org.rollwell.sim.body.Body;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.envelope.Bound;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.Reason;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Technique;

/** Whatever the bed changes while it runs is a reason in the result, not only a number in the step table. */
class SessionChangesTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "scenarios");

    @Test
    void a_heat_cut_that_leaves_a_step_colder_than_planned_is_a_reason_naming_that_step() {
        // a 55 °C roller resting 20 min on the lumbar spine of a person whose skin may reach only 40 °C
        // (CI_REDUCED_SENSATION): the bed must cut the heat and lift off, and the result must say so in words
        Body body = Body.TYPICAL;
        SpineMap map = SpineMap.normative(body.heightCm(), body.headOffsetMm());
        SafetyEnvelope envelope = new SafetyEnvelope(new Bound(250, "BED"), new Bound(55, "PREFERENCE"),
                new Bound(40, "CI_REDUCED_SENSATION"), new Bound(1.0, "CEM43_CAP"), new Bound(60, "BED"), new Bound(10, "BED"),
                new Bound(40, "BED"), true, "BED", List.of(), List.of());
        SessionPlan plan = new SessionPlan(SessionPlan.Status.OK, List.of(), envelope, map, List.of(
                new PlanSegment(Technique.WARM, Level.L2, Level.L4, map.positionMm(Level.L2), map.positionMm(Level.L4), 80, 55,
                        1200, new TechniqueParams.Warm(0), "rest on the lumbar spine")));

        SimulationResult result = Simulation.of(plan, body, 4).run();
        List<Reason> changes = SessionChanges.of(result);

        assertThat(result.status()).isEqualTo("COMPLETED");
        assertThat(changes).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("SESSION_HEAT_CUT");
            assertThat(r.message()).contains("step 1").contains("skin temperature estimate");
        });
    }

    @Test
    void a_fault_that_stops_the_session_says_so_and_names_the_steps_that_did_not_run() throws Exception {
        ScenarioOutcome outcome = ScenarioRunner.run(ScenarioParser.parse(EXAMPLES.resolve("heater-stuck-on.json")),
                ScenarioRunner.Options.NONE);

        List<Reason> changes = SessionChanges.of(outcome.result());

        assertThat(changes).extracting(Reason::code).contains("SESSION_STOPPED", "SESSION_STEP_SHORTENED");
        int last = outcome.result().segments().size();
        assertThat(changes).anySatisfy(r -> assertThat(r.message()).contains(last + " did not run"));
        assertThat(codes(SimulationJson.of(outcome))).contains("SESSION_STOPPED", "SESSION_STEP_SHORTENED");
    }

    private static List<String> codes(JsonNode json) {
        List<String> codes = new ArrayList<>();
        json.get("reasons").forEach(r -> codes.add(r.get("code").asText()));
        return codes;
    }
}
