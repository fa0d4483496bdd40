package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rollwell plan --history}: the dose follows the earlier sessions, and says so. */
class PlanHistoryTest {

    private static final Path WEEK_ONE = Path.of("..", "examples", "histories", "anna-week-one.json");
    private static final Path ANNA = Path.of("..", "examples", "profiles", "anna.json");

    @TempDir
    Path dir;

    @Test
    void after_too_strong_and_too_hot_the_next_plan_is_one_step_lighter_and_two_degrees_cooler_with_the_reasons() {
        Cli run = Cli.run("plan", "--profile", ANNA.toString(), "--goal", "RELIEVE_TENSION", "--minutes", "30",
                "--date", "2026-09-04", "--history", WEEK_ONE.toString(), "--at", "18:00");
        Cli without = Cli.run("plan", "--profile", ANNA.toString(), "--goal", "RELIEVE_TENSION", "--minutes", "30",
                "--date", "2026-09-04");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("intensity 5 → 4", "too strong", "rollers 50 → 48 °C", "too hot", "ADAPTATION",
                "working intensity 4");
        assertThat(without.out()).doesNotContain("ADAPTATION", "Adapted");
    }

    @Test
    void the_json_plan_carries_the_adapted_reasons_and_the_lower_roller_limit() throws Exception {
        Cli run = Cli.run("plan", "--profile", ANNA.toString(), "--goal", "RELIEVE_TENSION", "--minutes", "30",
                "--date", "2026-09-04", "--history", WEEK_ONE.toString(), "--json");

        var plan = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(plan.get("reasons").toString()).contains("\"ADAPTED\"");
        assertThat(plan.get("envelope").get("maxRollerTempC").asDouble()).isEqualTo(48.0);
        assertThat(plan.get("envelope").get("setBy").get("maxRollerTempC").asText()).isEqualTo("ADAPTATION");
    }

    @Test
    void sessions_after_the_plans_day_are_not_looked_at() {
        Cli early = Cli.run("plan", "--profile", ANNA.toString(), "--goal", "RELIEVE_TENSION", "--minutes", "30",
                "--date", "2026-09-02", "--history", WEEK_ONE.toString(), "--at", "23:00");

        assertThat(early.exit()).as(early.err()).isZero();
        assertThat(early.out()).contains("rollers 50 → 48 °C").doesNotContain("intensity 5 → 4");
    }

    @Test
    void a_wrong_history_is_refused_naming_the_file_the_field_and_the_reason() throws Exception {
        Path bad = Files.writeString(dir.resolve("h.json"), "{\"format\":\"rollwell.history/1\",\"sessions\":["
                + "{\"start\":\"2026-09-01T18:00\",\"intensity\":5,\"cem43MaxBandMin\":0.4,\"heat\":\"WARM\"}]}");

        Cli run = Cli.run("plan", "--profile", ANNA.toString(), "--goal", "STRESS", "--minutes", "20",
                "--history", bad.toString());

        run.refusedAsBadInput();
        assertThat(run.errLines()).singleElement().asString().contains("h.json", "$.sessions[0].heat", "WARM");
        assertThat(Cli.run("plan", "--profile", ANNA.toString(), "--goal", "STRESS", "--minutes", "20", "--at", "9:00")
                .refusedAsBadInput().err()).contains("--at");
    }
}
