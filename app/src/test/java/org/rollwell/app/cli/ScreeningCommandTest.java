package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.screening.ScreeningId;

class ScreeningCommandTest {

    @Test
    void a_person_reads_every_screening_question_and_what_a_yes_does() {
        Cli run = Cli.run("screening", "questions");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("RF_CAUDA_EQUINA", "bladder", "CI_HEAT_INTOLERANCE", "The rollers are not heated",
                "a missing answer blocks the plan");
        for (ScreeningId id : ScreeningId.values()) {
            assertThat(run.out()).contains(id.name(), id.question());
        }
    }

    @Test
    void a_script_gets_every_id_with_its_question_and_effect_as_json() throws Exception {
        Cli run = Cli.run("screening", "questions", "--json");

        assertThat(run.exit()).isZero();
        JsonNode array = new ObjectMapper().readTree(run.out());
        assertThat(array).hasSize(ScreeningId.values().length);
        JsonNode first = array.get(0);
        assertThat(first.get("id").asText()).isEqualTo("RF_CAUDA_EQUINA");
        assertThat(first.get("kind").asText()).isEqualTo("RED_FLAG");
        assertThat(first.get("effect").asText()).isEqualTo("BLOCK");
        assertThat(first.get("question").asText()).endsWith("?");
        assertThat(first.get("yesMeans").asText()).contains("No session");
    }

    @Test
    void screening_and_its_questions_explain_themselves_with_help() {
        assertThat(Cli.run("screening", "--help").out()).contains("questions");
        Cli help = Cli.run("screening", "questions", "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--json", "never taken");
    }
}
