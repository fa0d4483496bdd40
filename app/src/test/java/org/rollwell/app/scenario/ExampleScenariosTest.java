package org.rollwell.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The scenarios shipped in examples/scenarios/ are what the docs point people to: each must read clean. */
class ExampleScenariosTest {

    static final Path EXAMPLES = Path.of("..", "examples", "scenarios");

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void every_example_scenario_reads_clean_and_says_what_it_is_for(Path file) throws Exception {
        Scenario scenario = ScenarioParser.parse(file);

        assertThat(scenario.description()).isNotBlank();
    }

    @Test
    void the_clean_40_minute_example_scans_plans_and_completes_without_harm() throws Exception {
        ScenarioOutcome outcome = ScenarioRunner.run(ScenarioParser.parse(EXAMPLES.resolve("clean-40min.json")),
                ScenarioRunner.Options.NONE);

        assertThat(outcome.scan().status()).isEqualTo("OK");
        assertThat(outcome.scan().landmarkErrorMaxMm()).isLessThanOrEqualTo(15.0);
        assertThat(outcome.status()).isEqualTo("COMPLETED");
        assertThat(outcome.result().safeState()).isTrue();
        assertThat(outcome.result().faults()).isEmpty();
        assertThat(outcome.result().peaks().trueSkinTempC()).isLessThanOrEqualTo(43.0);
        assertThat(outcome.result().peaks().trueCem43MaxMin()).isLessThanOrEqualTo(outcome.plan().envelope().cem43CapMin().value());
        assertThat(outcome.plan().totalSeconds()).isBetween(40 * 60 - 30, 40 * 60 + 30);
    }

    @Test
    void the_red_flag_example_is_blocked_before_the_bed_moves_or_scans() throws Exception {
        ScenarioOutcome outcome = ScenarioRunner.run(ScenarioParser.parse(EXAMPLES.resolve("blocked-red-flag.json")),
                ScenarioRunner.Options.NONE);

        assertThat(outcome.status()).isEqualTo("BLOCKED");
        assertThat(outcome.scan()).isNull();
        assertThat(outcome.result().ticks()).isZero();
        assertThat(outcome.reasons()).extracting(r -> r.code()).contains("RF_CAUDA_EQUINA");
    }

    @Test
    void the_examples_hold_a_clean_40_minute_session_and_sessions_with_faults() throws Exception {
        Scenario clean = ScenarioParser.parse(EXAMPLES.resolve("clean-40min.json"));
        assertThat(clean.minutes()).isEqualTo(40);
        assertThat(clean.faults()).isEmpty();
        assertThat(clean.scan()).isTrue();

        long withFaults = examples().stream().filter(f -> {
            try {
                return !ScenarioParser.parse(f).faults().isEmpty();
            } catch (ScenarioException e) {
                return false;
            }
        }).count();
        assertThat(withFaults).isGreaterThanOrEqualTo(3);
    }
}
