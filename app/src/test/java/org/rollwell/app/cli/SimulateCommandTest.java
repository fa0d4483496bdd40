package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rollwell simulate} end to end: scenario file in, the twin on virtual time, the record out. */
class SimulateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A short session on the twin: a 175 cm person, a 10-minute stress session, optionally a fault. */
    private Path scenario(boolean scan, String faults) {
        String text = """
                {
                  "format": "rollwell.scenario/1",
                  "description": "a short stress session",
                  "seed": 42,
                  "body": {"heightCm": 175, "weightKg": 72, "kyphosisDeg": 35, "lordosisDeg": 50,
                           "headOffsetMm": 100, "lateralOffsetMm": 0},
                  "profile": "anna.json",
                  "goal": "STRESS",
                  "minutes": 10,
                  "scan": SCAN,
                  "faults": FAULTS
                }
                """.replace("SCAN", Boolean.toString(scan)).replace("FAULTS", faults);
        Profiles.write(dir, "anna.json", Profiles.ANNA);
        return Profiles.write(dir, "scenario.json", text);
    }

    @Test
    void a_short_session_runs_on_the_twin_and_reports_in_the_issue_shape() throws Exception {
        Cli run = Cli.run("simulate", "--scenario", scenario(false, "[]").toString(), "--json", "--quiet");

        JsonNode result = JSON.readTree(run.out());
        assertThat(names(result)).startsWith("status", "safeState", "faults", "segments", "peaks", "simulatedS", "ticks",
                "overruns", "wallMs");
        assertThat(result.has("scan")).as("no scan asked for").isFalse();
        assertThat(result.get("status").asText()).isIn("COMPLETED", "FAULTED");
        assertThat(run.exit()).isEqualTo(result.get("status").asText().equals("COMPLETED") ? Main.EXIT_OK : Main.EXIT_BLOCKED);
        assertThat(result.get("safeState").asBoolean()).isTrue();
        assertThat(result.get("ticks").asLong()).isGreaterThan(10 * 60 * 100L / 2);
        assertThat(names(result.get("peaks"))).containsExactly("rollerTempC", "forceN", "skinEstimateC",
                "cem43EstimateMaxMin", "trueSkinTempC", "trueCem43MaxMin", "trueForceN", "trueRollerSurfaceC");
        assertThat(result.get("peaks").get("trueForceN").asDouble())
                .isLessThanOrEqualTo(1.3 * result.get("envelope").get("maxForceN").asDouble());
        assertThat(result.get("peaks").get("trueRollerSurfaceC").asDouble()).isLessThanOrEqualTo(70.0);
        assertThat(result.get("peaks").get("trueSkinTempC").asDouble()).isLessThanOrEqualTo(43.0);
        for (JsonNode s : result.get("segments")) {
            assertThat(names(s)).containsExactly("technique", "plannedS", "deliveredS", "forceErrorPct", "positionErrorMm",
                    "tempErrorC");
        }
        assertThat(run.err()).as("--quiet").isEmpty();
    }

    @Test
    void an_estop_ends_in_the_safe_state_faulted_with_exit_3() throws Exception {
        Cli run = Cli.run("simulate", "--scenario", scenario(false, "[{\"atS\": 200, \"kind\": \"ESTOP\"}]").toString(),
                "--json", "--quiet");

        assertThat(run.exit()).isEqualTo(Main.EXIT_BLOCKED);
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("status").asText()).isEqualTo("FAULTED");
        assertThat(result.get("safeState").asBoolean()).isTrue();
        JsonNode fault = result.get("faults").get(0);
        assertThat(names(fault)).containsExactly("code", "kind", "atS", "detectedAfterMs", "safeWithinMs");
        assertThat(fault.get("kind").asText()).isEqualTo("ESTOP");
        assertThat(fault.get("code").isNull()).as("the supervisor detected it").isFalse();
        assertThat(fault.get("atS").asDouble()).isEqualTo(200.0);
    }

    @Test
    void the_same_scenario_gives_the_same_record_apart_from_wall_time() {
        Path file = scenario(false, "[{\"atS\": 300, \"kind\": \"HEATER_DEAD\", \"zone\": 1}]");

        String first = Cli.run("simulate", "--scenario", file.toString(), "--json", "--quiet").out();
        String second = Cli.run("simulate", "--scenario", file.toString(), "--json", "--quiet").out();

        assertThat(withoutWallTime(first)).isNotEmpty().isEqualTo(withoutWallTime(second));
    }

    @Test
    void the_text_form_shows_each_step_the_faults_and_the_peaks_against_the_limits() {
        Cli run = Cli.run("simulate", "--scenario", scenario(false, "[{\"atS\": 200, \"kind\": \"ESTOP\"}]").toString(), "-q");

        assertThat(run.out()).contains("Result: FAULTED", "safe state at the end: yes", "ESTOP injected at 200.0 s",
                "detected as", "Peaks:", "43 °C", "CEM43");
    }

    @Test
    void progress_goes_to_stderr_and_never_into_the_json_on_stdout() throws Exception {
        Cli run = Cli.run("simulate", "--scenario", scenario(false, "[]").toString(), "--json");

        JSON.readTree(run.out());
        assertThat(run.err()).contains("% simulated").doesNotContain("{");
        assertThat(run.err().lines()).allSatisfy(l -> assertThat(l).startsWith("rollwell simulate: "));
    }

    @Test
    void the_trace_has_a_header_and_one_row_per_nth_tick() throws Exception {
        Path trace = dir.resolve("trace.csv");

        Cli run = Cli.run("simulate", "--scenario", scenario(false, "[]").toString(), "--json", "-q",
                "--trace", trace.toString(), "--trace-every", "100");

        JsonNode result = JSON.readTree(run.out());
        List<String> lines = Files.readAllLines(trace);
        assertThat(lines.get(0)).contains(",");
        long ticks = result.get("ticks").asLong();
        assertThat(lines.size() - 1L).isBetween(ticks / 100 - 2, ticks / 100 + 2);
    }

    @Test
    void a_scenario_that_scans_first_reports_the_scan_against_the_truth() throws Exception {
        Cli run = Cli.run("simulate", "--scenario", scenario(true, "[]").toString(), "--json", "-q");

        JsonNode result = JSON.readTree(run.out());
        JsonNode scan = result.get("scan");
        assertThat(scan).isNotNull();
        assertThat(names(scan)).startsWith("status", "landmarkErrorMaxMm", "kyphosisErrorDeg", "lordosisErrorDeg");
        if (scan.get("status").asText().equals("OK")) {
            assertThat(scan.get("landmarkErrorMaxMm").asDouble()).isLessThanOrEqualTo(15.0);
        } else {
            // A scan the analyser will not trust blocks the session with the reason; nothing runs on a guess.
            assertThat(result.get("status").asText()).isEqualTo("BLOCKED");
            assertThat(result.get("reasons").get(0).get("code").asText()).startsWith("SCAN_");
            assertThat(run.exit()).isEqualTo(Main.EXIT_BLOCKED);
        }
    }

    @Test
    void a_blocked_profile_blocks_the_run_before_the_bed_moves() throws Exception {
        Profiles.write(dir, "red.json", Profiles.CAUDA_EQUINA);
        Path file = Profiles.write(dir, "s.json", Files.readString(scenario(false, "[]")).replace("anna.json", "red.json"));

        Cli run = Cli.run("simulate", "--scenario", file.toString(), "--json", "-q");

        assertThat(run.exit()).isEqualTo(Main.EXIT_BLOCKED);
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("status").asText()).isEqualTo("BLOCKED");
        assertThat(result.get("ticks").asLong()).isZero();
        assertThat(result.get("reasons").findValuesAsText("code")).contains("RF_CAUDA_EQUINA");
    }

    @Test
    void a_bad_scenario_is_refused_with_every_problem_and_exit_2() throws Exception {
        Path file = Profiles.write(dir, "bad.json", Files.readString(scenario(false, "[{\"atS\": 5, \"kind\": \"FOO\"}]"))
                .replace("\"minutes\": 10", "\"minutes\": 600"));

        Cli run = Cli.run("simulate", "--scenario", file.toString()).refusedAsBadInput();

        assertThat(run.errLines()).containsExactlyInAnyOrder(
                "rollwell simulate: " + file + ": $.minutes: must be a whole number 10–60 min, was 600",
                "rollwell simulate: " + file + ": $.faults[0].kind: unknown fault kind \"FOO\"; must be one of HEATER_STUCK_ON,"
                        + " HEATER_DEAD, THERMISTOR_OPEN, THERMISTOR_SHORT,"
                        + " THERMISTOR_STUCK, CARRIAGE_STALL, ENCODER_SLIP, LOAD_CELL_FAIL, PRESENCE_LOST, ESTOP, LOOP_STALL,"
                        + " THERMISTOR_DETACHED, THERMISTOR_DRIFT, LOAD_CELL_STUCK, LOAD_CELL_DRIFT, LIFT_DRIVE_RUNAWAY,"
                        + " CARRIAGE_RUNAWAY, HEATER_WEAK, ESTOP_HOST_HUNG");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void bad_files_and_options_are_refused_in_one_line() {
        Path file = scenario(false, "[]");
        assertOneLine(Cli.run("simulate", "--scenario", dir.resolve("none.json").toString()), "none.json", "no such file");
        assertOneLine(Cli.run("simulate", "--scenario", Profiles.write(dir, "x.json", "{oops").toString()), "$: not valid JSON");
        assertOneLine(Cli.run("simulate", "--scenario", file.toString(), "--trace-every", "0", "--trace", "t.csv"), "--trace-every");
        assertOneLine(Cli.run("simulate", "--scenario", file.toString(), "--trace-every", "10"), "--trace");
        assertOneLine(Cli.run("simulate", "--scenario", file.toString(), "-q",
                "--trace", dir.resolve("no/such/dir/t.csv").toString()), "cannot write trace");
        assertOneLine(Cli.run("simulate"), "--scenario");
    }

    @Test
    void simulate_explains_itself_with_help() {
        Cli help = Cli.run("simulate", "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--scenario", "--json", "--trace", "--trace-every", "--quiet", "Exit 0 COMPLETED");
    }

    private static void assertOneLine(Cli run, String... mentions) {
        run.refusedAsBadInput();
        assertThat(run.errLines()).singleElement().asString().contains(mentions);
    }

    private static String withoutWallTime(String json) {
        return json.replaceAll("\"wallMs\": \\d+", "\"wallMs\": _");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
