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
import org.rollwell.therapy.plan.Reason;

/** Whatever the bed changes while it runs is a reason in the result, not only a number in the step table. */
class SessionChangesTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "scenarios");

    @Test
    void a_heat_cut_that_leaves_a_step_colder_than_planned_is_a_reason_naming_that_step() throws Exception {
        ScenarioOutcome outcome = ScenarioRunner.run(ScenarioParser.parse(EXAMPLES.resolve("ben-hot-upper-back.json")),
                ScenarioRunner.Options.NONE);
        List<SimulationResult.SegmentReport> steps = outcome.result().segments();
        int coldStep = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).tempErrorC() != null && steps.get(i).tempErrorC() > 5) {
                coldStep = i + 1;
            }
        }
        assertThat(coldStep).as("this example has a step whose rollers ran colder than planned").isPositive();

        List<Reason> changes = SessionChanges.of(outcome.result());

        assertThat(changes).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("SESSION_HEAT_CUT");
            assertThat(r.message()).contains("CEM43").contains("heat off for the rest of the session");
        });
        assertThat(codes(SimulationJson.of(outcome))).contains("SESSION_HEAT_CUT");
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
