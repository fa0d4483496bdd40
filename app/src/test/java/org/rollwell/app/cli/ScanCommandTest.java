package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rollwell scan simulate | analyze} end to end, the way a person runs them: the issue's
 * example body, scanned once by the bed's routine on the twin. (How close scans land over many
 * bodies is ScanAccuracyTest's job; here the answer must merely be the twin's back.)
 */
class ScanCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY = "heightCm=182,weightKg=80,kyphosisDeg=38,lordosisDeg=52,headOffsetMm=120,lateralOffsetMm=20";

    @TempDir
    static Path dir;
    private static Path trace;
    private static Path truth;
    private static Cli simulated;

    @BeforeAll
    static void scanTheTwinOnce() {
        trace = dir.resolve("trace.csv");
        truth = dir.resolve("truth.json");
        simulated = Cli.run("scan", "simulate", "--body", BODY, "--seed", "1", "--out", trace.toString(),
                "--truth", truth.toString());
    }

    @Test
    void simulate_runs_the_bed_scan_on_the_twin_and_writes_a_trace_in_the_documented_format() throws Exception {
        assertThat(simulated.exit()).as(simulated.err()).isZero();
        assertThat(simulated.out()).contains("scanned", "wrote");
        List<String> lines = Files.readAllLines(trace);
        assertThat(lines.get(0)).isEqualTo("t_s,position_mm,lift_mm,force_n");
        // A scan at ≤ 30 mm/s over the back, one row per 10 ms tick: thousands of rows.
        assertThat(lines.size()).isGreaterThan(3000);
    }

    @Test
    void analyze_json_has_the_issue_keys_and_lands_near_the_twins_truth() throws Exception {
        Cli run = Cli.run("scan", "analyze", trace.toString(), "--json");

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(Main.EXIT_OK);
        JsonNode result = JSON.readTree(run.out());
        JsonNode expected = JSON.readTree(Files.readString(truth));
        assertThat(names(result)).startsWith("status", "reasons", "landmarks", "levels", "kyphosisDeg", "lordosisDeg",
                "quality");
        assertThat(names(expected)).startsWith("status", "reasons", "landmarks", "levels", "kyphosisDeg", "lordosisDeg",
                "quality");
        assertThat(result.get("status").asText()).isEqualTo("OK");
        assertThat(names(result.get("levels"))).hasSize(19).startsWith("C7", "T1").endsWith("L5", "S1");
        for (String landmark : List.of("T12L1", "L5S1")) {
            assertThat(result.get("landmarks").get(landmark).asDouble())
                    .as(landmark).isCloseTo(expected.get("landmarks").get(landmark).asDouble(),
                            org.assertj.core.data.Offset.offset(15.0));
        }
        assertThat(result.get("kyphosisDeg").asDouble()).isCloseTo(38, org.assertj.core.data.Offset.offset(6.0));
        assertThat(result.get("lordosisDeg").asDouble()).isCloseTo(52, org.assertj.core.data.Offset.offset(8.0));
        assertThat(expected.get("kyphosisDeg").asDouble()).isEqualTo(38.0);
    }

    @Test
    void analyze_text_draws_the_profile_with_the_landmarks_marked() {
        Cli run = Cli.run("scan", "analyze", trace.toString());

        assertThat(run.exit()).isEqualTo(Main.EXIT_OK);
        assertThat(run.out()).startsWith("OK").contains("C7", "T12/L1", "L5/S1", "kyphosis", "surface (prominence up");
        String marks = run.out().lines().filter(l -> l.contains("C") && l.contains("T") && l.contains("L")
                && l.strip().startsWith("C")).findFirst().orElse("");
        assertThat(marks.indexOf('C')).isLessThan(marks.indexOf('T'));
        assertThat(marks.indexOf('T')).isLessThan(marks.indexOf('L'));
    }

    @Test
    void a_trace_with_a_word_in_a_number_column_is_unreadable_input_exit_2_naming_the_line() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "position_mm,lift_mm,force_n\n0,20,60\n0.3,twenty,60\n");

        Cli run = Cli.run("scan", "analyze", bad.toString(), "--json");

        // Issue 5: exit 3 is a scan that cannot be trusted, exit 2 input that is not a scan trace at all.
        assertThat(run.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("status").asText()).isEqualTo("REJECTED");
        assertThat(result.get("reasons").get(0).get("code").asText()).isEqualTo("NON_NUMERIC");
        assertThat(result.get("reasons").get(0).get("message").asText()).contains("line 3");
        assertThat(result.get("landmarks").isNull()).isTrue();
    }

    @Test
    void a_rejected_trace_says_why_in_text_too() throws Exception {
        Path truncated = dir.resolve("truncated.csv");
        List<String> lines = Files.readAllLines(trace);
        Files.write(truncated, lines.subList(0, lines.size() / 2), StandardCharsets.UTF_8);

        Cli run = Cli.run("scan", "analyze", truncated.toString());

        assertThat(run.exit()).isEqualTo(Main.EXIT_BLOCKED);
        assertThat(run.out()).startsWith("REJECTED").contains("DOES_NOT_COVER");
    }

    @Test
    void a_missing_file_is_unreadable_input_exit_2() {
        Cli.run("scan", "analyze", dir.resolve("nope.csv").toString()).refusedAsBadInput();
    }

    @Test
    void a_body_with_an_unknown_key_is_refused_naming_it() {
        Cli run = Cli.run("scan", "simulate", "--body", "heightCm=180,shoeSize=44", "--out", dir.resolve("x.csv").toString())
                .refusedAsBadInput();
        assertThat(run.err()).contains("shoeSize");
    }

    @Test
    void a_body_outside_the_twins_range_is_refused_naming_the_field() {
        Cli run = Cli.run("scan", "simulate", "--body", "heightCm=320", "--out", dir.resolve("x.csv").toString())
                .refusedAsBadInput();
        assertThat(run.err()).contains("heightCm");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
