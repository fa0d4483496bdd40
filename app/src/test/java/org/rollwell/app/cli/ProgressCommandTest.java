package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollwell.therapy.diary.DiaryParser;

/** {@code rollwell progress} on the sample diaries of examples/diaries/ and on diaries that are wrong. */
class ProgressCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIARIES = Path.of("..", "examples", "diaries");
    /** The last day of the 12-week sample diaries (first session 2026-09-01, day 84). */
    private static final String TWELVE_WEEKS = "2026-11-23";

    @TempDir
    Path dir;

    private static String diary(String name) {
        return DIARIES.resolve(name).toString();
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void a_person_who_improved_reads_each_figure_with_its_meaning_and_source() {
        Cli run = Cli.run("progress", "--diary", diary("improving.json"), "--date", TWELVE_WEEKS);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("Progress as of 2026-11-23", "NRS: 0 = no pain, 10 = the worst pain",
                "PEG (Krebs et al. 2009)", "Enjoyment of life", "General activity",
                "IMMPACT band (Dworkin et al. 2008: 10 % minimal, 30 % moderate,", "SUBSTANTIAL",
                "Minimal important change (Ostelo et al. 2008", "reached.",
                "Is it helping? LIKELY_BETTER", "95 % interval", "evidence is modest", "Furlan et al. 2015")
                .doesNotContain("Please ask a clinician", "NaN");
    }

    @Test
    void a_person_who_did_not_improve_is_told_so_and_pointed_to_a_clinician_and_exercise() {
        Cli run = Cli.run("progress", "--diary", diary("not-improving.json"), "--date", TWELVE_WEEKS);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Is it helping? UNCLEAR", "not reached.", "NONE, because the PEG is worse",
                "6 weeks or more since the first session without a 30 % improvement of the PEG",
                "ask a clinician to review", "exercise");
    }

    @Test
    void the_json_has_exactly_the_issue_fields_in_order_and_is_the_same_on_every_run() throws Exception {
        Cli run = Cli.run("progress", "--diary", diary("improving.json"), "--date", TWELVE_WEEKS, "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode p = JSON.readTree(run.out());
        assertThat(names(p)).containsExactly("baseline", "latest", "pegChangePct", "nrsChangePct", "immpact",
                "micReached", "verdict", "effect", "missing");
        assertThat(names(p.get("baseline"))).containsExactly("nrs", "peg");
        assertThat(names(p.get("latest"))).containsExactly("nrs", "peg");
        assertThat(names(p.get("effect"))).containsExactly("meanDiff", "ciLow", "ciHigh");
        assertThat(p.get("verdict").asText()).isEqualTo("LIKELY_BETTER");
        assertThat(p.get("immpact").asText()).isEqualTo("SUBSTANTIAL");
        assertThat(p.get("micReached").asBoolean()).isTrue();
        assertThat(p.get("missing")).isEmpty();
        // The per cent is the rounded (baseline − latest) / baseline of the rounded-to-0.1 scores, within rounding.
        double baseline = p.get("baseline").get("peg").asDouble();
        double latest = p.get("latest").get("peg").asDouble();
        assertThat(p.get("pegChangePct").asDouble()).isCloseTo((baseline - latest) / baseline * 100,
                org.assertj.core.data.Offset.offset(1.5));
        JsonNode effect = p.get("effect");
        assertThat(effect.get("ciLow").asDouble()).isPositive().isLessThan(effect.get("meanDiff").asDouble());
        assertThat(effect.get("ciHigh").asDouble()).isGreaterThan(effect.get("meanDiff").asDouble());
        assertThat(run.out()).doesNotContain("NaN", "E-", "E+");

        assertThat(Cli.run("progress", "--diary", diary("improving.json"), "--date", TWELVE_WEEKS, "--json").out())
                .isEqualTo(run.out());
    }

    @Test
    void with_too_little_data_the_json_says_what_is_missing_instead_of_a_number() throws Exception {
        Cli run = Cli.run("progress", "--diary", diary("first-week.json"), "--date", "2026-09-05", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode p = JSON.readTree(run.out());
        assertThat(p.get("verdict").asText()).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(p.get("effect").get("meanDiff").isNull()).isTrue();
        assertThat(p.get("nrsChangePct").isNull()).isTrue();
        assertThat(p.get("micReached").isNull()).isTrue();
        assertThat(p.get("missing").toString()).contains("baseline pain", "at least 3", "recent pain", "at least 7");

        Cli text = Cli.run("progress", "--diary", diary("first-week.json"), "--date", "2026-09-05");
        assertThat(text.out()).contains("NOT_ENOUGH_DATA", "Not stated yet, and why:", "2 daily ratings, 3 needed");
    }

    @Test
    void the_issue_example_reads_and_states_what_it_lacks() throws Exception {
        Cli run = Cli.run("progress", "--diary", diary("issue-example.json"), "--date", "2026-09-15", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode p = JSON.readTree(run.out());
        assertThat(p.get("baseline").get("peg").asDouble()).isEqualTo(5.7); // (6 + 5 + 6) / 3
        assertThat(p.get("verdict").asText()).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(p.get("missing").toString()).contains("latest PEG");
    }

    @Test
    void before_the_first_session_it_says_there_is_no_session_yet() {
        Cli run = Cli.run("progress", "--diary", diary("improving.json"), "--date", "2026-08-25");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("(the first session is on 2026-09-01)", "n/a  (no session yet)",
                "NOT_ENOUGH_DATA");
    }

    @Test
    void without_a_date_the_progress_is_stated_as_of_today() {
        Cli run = Cli.run("progress", "--diary", diary("improving.json"));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Progress as of " + LocalDate.now());
    }

    @Test
    void a_diary_with_bad_fields_is_refused_with_every_path_and_reason() throws IOException {
        Path bad = write("bad.json", """
                {"format":"rollwell.diary/1","firstSessionDate":"2026-09-01","entries":[
                {"date":"2026-09-02","kind":"NRS_DAILY","nrs":12},
                {"date":"2026-09-02","kind":"FEEDBACK","pressure":"RIGHT","heat":"WARM"}]}
                """);

        Cli run = Cli.run("progress", "--diary", bad.toString(), "--date", "2026-09-10").refusedAsBadInput();

        assertThat(run.errLines()).containsExactly("rollwell progress: " + bad + ": $.entries[0].nrs: must be a whole number 0–10, was 12",
                "rollwell progress: " + bad + ": $.entries[1].heat: unknown heat \"WARM\"; must be one of TOO_COOL, RIGHT, TOO_HOT");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void files_that_are_not_diaries_are_refused_in_one_line() throws IOException {
        assertThat(Cli.run("progress", "--diary", dir.resolve("none.json").toString()).refusedAsBadInput().err())
                .contains("cannot read diary", "no such file");
        assertThat(Cli.run("progress", "--diary", write("broken.json", "{\"format\":").toString())
                .refusedAsBadInput().err()).startsWith("rollwell progress: " + dir.resolve("broken.json") + ": $: not valid JSON");

        Path huge = dir.resolve("huge.json");
        Files.write(huge, new byte[DiaryParser.MAX_BYTES + 1]);
        assertThat(Cli.run("progress", "--diary", huge.toString()).refusedAsBadInput().err())
                .contains("1048577 bytes", "at most 1048576 (1 MiB)");
    }

    @Test
    void a_bad_date_is_refused() {
        assertThat(Cli.run("progress", "--diary", diary("improving.json"), "--date", "23.11.2026")
                .refusedAsBadInput().err()).contains("--date must be a date YYYY-MM-DD, was \"23.11.2026\"");
        assertThat(Cli.run("progress", "--diary", diary("improving.json"), "--date", "2026-02-30")
                .refusedAsBadInput().err()).contains("--date: no such date \"2026-02-30\"");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
