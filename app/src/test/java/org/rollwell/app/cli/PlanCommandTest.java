package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void a_plan_for_a_goal_reads_like_a_therapists_plan() {
        Path anna = Profiles.write(dir, "anna.json", Profiles.ANNA);

        Cli run = Cli.run("plan", "--profile", anna.toString(), "--goal", "RELIEVE_TENSION", "--minutes", "40");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Session plan for goal RELIEVE_TENSION", "40:00 min", "why: ", " N (", "°C",
                "L4", "Limits for this person", "force", "IEC_60601_1");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void the_plan_json_has_the_issue_shape_and_totals_the_minutes_asked_for() throws Exception {
        Path anna = Profiles.write(dir, "anna.json", Profiles.ANNA);

        Cli run = Cli.run("plan", "--profile", anna.toString(), "--goal", "relieve_tension", "--minutes", "40", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode plan = JSON.readTree(run.out());
        assertThat(names(plan)).containsExactly("status", "reasons", "envelope", "segments", "totalSeconds");
        assertThat(plan.get("status").asText()).isEqualTo("OK");
        assertThat(names(plan.get("envelope"))).startsWith("maxForceN", "maxRollerTempC", "maxSkinTempC", "cem43CapMin", "excluded");
        JsonNode segments = plan.get("segments");
        assertThat(segments.size()).isGreaterThanOrEqualTo(3);
        int sum = 0;
        for (JsonNode s : segments) {
            assertThat(names(s)).startsWith("technique", "from", "to", "startMm", "endMm", "forceN", "rollerTempC", "seconds", "why");
            assertThat(s.get("forceN").asDouble()).isLessThanOrEqualTo(plan.get("envelope").get("maxForceN").asDouble());
            assertThat(s.get("startMm").asDouble()).isLessThanOrEqualTo(s.get("endMm").asDouble());
            sum += s.get("seconds").asInt();
        }
        assertThat(plan.get("totalSeconds").asInt()).isEqualTo(sum).isBetween(40 * 60 - 30, 40 * 60 + 30);
    }

    @Test
    void the_same_input_gives_byte_identical_json() {
        Path anna = Profiles.write(dir, "anna.json", Profiles.ANNA);
        String[] args = {"plan", "--profile", anna.toString(), "--program", "trigger-point-release", "--minutes", "35", "--json"};

        String first = Cli.run(args).out();
        String second = Cli.run(args).out();

        assertThat(first).isNotEmpty().isEqualTo(second);
        // Fixed number formatting: mm, N and °C always carry one decimal, never an exponent.
        assertThat(first).containsPattern("\"startMm\": \\d+\\.\\d,").doesNotContainPattern("\\d[eE][+-]?\\d");
    }

    @Test
    void a_plan_for_a_program_names_the_program_and_keeps_its_limits() throws Exception {
        Path osteo = Profiles.write(dir, "osteo.json", Profiles.OSTEOPOROSIS);

        Cli run = Cli.run("plan", "--profile", osteo.toString(), "--program", "deep-tissue", "--minutes", "30", "--json");

        assertThat(run.exit()).as(run.err()).isIn(Main.EXIT_OK, Main.EXIT_BLOCKED);
        JsonNode plan = JSON.readTree(run.out());
        JsonNode envelope = plan.get("envelope");
        assertThat(envelope.get("maxForceN").asDouble()).isLessThanOrEqualTo(120.0);
        for (JsonNode s : plan.get("segments")) {
            assertThat(s.get("forceN").asDouble()).isLessThanOrEqualTo(120.0);
            assertThat(s.get("technique").asText()).isNotIn("STRETCH");
        }
    }

    @Test
    void a_red_flag_blocks_with_exit_3_and_still_says_why() throws Exception {
        Path red = Profiles.write(dir, "red.json", Profiles.CAUDA_EQUINA);

        Cli text = Cli.run("plan", "--profile", red.toString(), "--goal", "STRESS", "--minutes", "20");
        Cli json = Cli.run("plan", "--profile", red.toString(), "--goal", "STRESS", "--minutes", "20", "--json");

        assertThat(text.exit()).isEqualTo(Main.EXIT_BLOCKED);
        assertThat(text.out()).contains("BLOCKED", "RF_CAUDA_EQUINA", "emergency department now");
        assertThat(json.exit()).isEqualTo(Main.EXIT_BLOCKED);
        JsonNode plan = JSON.readTree(json.out());
        assertThat(plan.get("status").asText()).isEqualTo("BLOCKED");
        assertThat(plan.get("reasons").findValuesAsText("code")).contains("RF_CAUDA_EQUINA");
        assertThat(plan.get("segments")).isEmpty();
        assertThat(plan.get("totalSeconds").asInt()).isZero();
    }

    @Test
    void a_check_in_file_is_todays_answers_and_missing_pain_blocks() throws Exception {
        Path anna = Profiles.write(dir, "anna.json", Profiles.ANNA.replace("\"painTodayNrs\": 4,", ""));
        String checkIn = "{\"format\":\"rollwell.checkin/1\",\"date\":\"2026-11-30\",\"answers\":"
                + "{\"RF_CAUDA_EQUINA\":false,\"RF_PROGRESSIVE_DEFICIT\":false,\"RF_FEVER_INFECTION\":false},"
                + "\"painNowNrs\":5,\"changes\":[]}";
        Path today = Profiles.write(dir, "checkin.json", checkIn);
        Path pregnant = Profiles.write(dir, "pregnant.json", checkIn.replace("[]", "[\"CI_PREGNANCY\"]"));

        Cli none = Cli.run("plan", "--profile", anna.toString(), "--goal", "STRESS", "--minutes", "20", "--date", "2026-11-30");
        Cli checked = Cli.run("plan", "--profile", anna.toString(), "--goal", "STRESS", "--minutes", "20",
                "--check-in", today.toString(), "--date", "2026-11-30");
        Cli changed = Cli.run("plan", "--profile", anna.toString(), "--goal", "STRESS", "--minutes", "20",
                "--check-in", pregnant.toString(), "--date", "2026-11-30");
        Cli tomorrow = Cli.run("plan", "--profile", anna.toString(), "--goal", "STRESS", "--minutes", "20",
                "--check-in", today.toString(), "--date", "2026-12-01");

        assertThat(none.exit()).isEqualTo(Main.EXIT_BLOCKED);
        assertThat(none.out()).contains("CHECK_IN_MISSING", "CHECK_IN_FROM_PROFILE");
        assertThat(checked.exit()).as(checked.err()).isEqualTo(Main.EXIT_OK);
        assertThat(checked.out()).doesNotContain("CHECK_IN_FROM_PROFILE");
        assertThat(changed.out()).contains("CI_PREGNANCY");
        assertThat(tomorrow.out()).contains("CHECK_IN_NOT_TODAY");
    }

    @Test
    void a_plan_for_the_compact_bed_keeps_to_that_beds_limits() throws Exception {
        Path anna = Profiles.write(dir, "anna.json", Profiles.ANNA.replace("\"intensity\": 5", "\"intensity\": 10"));
        Path compact = Path.of("..", "examples", "beds", "compact-800.json");

        Cli run = Cli.run("plan", "--profile", anna.toString(), "--goal", "TRIGGER_POINTS", "--minutes", "30",
                "--bed", compact.toString(), "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode plan = JSON.readTree(run.out());
        // compact-800: 300 N limit, 800 mm travel, 60 °C rollers, 45 min sessions
        assertThat(plan.get("envelope").get("maxForceN").asDouble()).isEqualTo(300);
        assertThat(plan.get("envelope").get("maxMinutes").asDouble()).isEqualTo(45);
        for (JsonNode s : plan.get("segments")) {
            assertThat(s.get("forceN").asDouble()).isLessThanOrEqualTo(270);
            assertThat(s.get("endMm").asDouble()).isLessThanOrEqualTo(800);
        }
    }

    @Test
    void a_bad_date_or_check_in_is_refused_naming_the_field() {
        Path anna = Profiles.write(dir, "anna.json", Profiles.ANNA);
        Path bad = Profiles.write(dir, "checkin.json", "{\"format\":\"rollwell.checkin/1\",\"date\":\"tomorrow\","
                + "\"answers\":{}}");

        Cli date = Cli.run("plan", "--profile", anna.toString(), "--goal", "STRESS", "--minutes", "20", "--date", "30/11/2026");
        Cli checkIn = Cli.run("plan", "--profile", anna.toString(), "--goal", "STRESS", "--minutes", "20",
                "--check-in", bad.toString());

        assertThat(date.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(date.err()).contains("--date");
        assertThat(checkIn.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(checkIn.err()).contains("$.date");
    }

    @Test
    void an_unanswered_screening_question_is_never_taken_as_no() throws Exception {
        Path unanswered = Profiles.write(dir, "unanswered.json", Profiles.ANNA.replace("\"RF_TRAUMA\": false, ", ""));

        Cli run = Cli.run("plan", "--profile", unanswered.toString(), "--goal", "STRESS", "--minutes", "20", "--json");

        assertThat(run.exit()).isEqualTo(Main.EXIT_BLOCKED);
        JsonNode plan = JSON.readTree(run.out());
        assertThat(plan.get("status").asText()).isEqualTo("BLOCKED");
        JsonNode reason = plan.get("reasons").get(0);
        assertThat(reason.get("code").asText()).isEqualTo("SCREENING_INCOMPLETE");
        assertThat(reason.get("message").asText()).contains("RF_TRAUMA");
    }

    @Test
    void a_bad_profile_is_refused_with_every_problem_as_path_and_reason() {
        Path bad = Profiles.write(dir, "bad.json", Profiles.ANNA
                .replace("\"heightCm\": 175", "\"heightCm\": \"tall\"")
                .replace("\"nrs\": 6", "\"nrs\": 12"));

        Cli run = Cli.run("plan", "--profile", bad.toString(), "--goal", "STRESS", "--minutes", "20").refusedAsBadInput();

        assertThat(run.errLines()).hasSize(2)
                .anySatisfy(l -> assertThat(l).startsWith("rollwell plan: " + bad + ": $.heightCm: "))
                .anySatisfy(l -> assertThat(l).startsWith("rollwell plan: " + bad + ": $.painMap[0].nrs: "));
        assertThat(run.out()).isEmpty();
    }

    @Test
    void bad_inputs_are_refused_in_one_line_with_exit_2() {
        Path anna = Profiles.write(dir, "anna.json", Profiles.ANNA);
        Path malformed = Profiles.write(dir, "broken.json", "{\"format\": ");
        String p = anna.toString();

        assertOneLine(Cli.run("plan", "--profile", dir.resolve("nobody.json").toString(), "--goal", "STRESS", "--minutes", "20"),
                "nobody.json", "no such file");
        assertOneLine(Cli.run("plan", "--profile", malformed.toString(), "--goal", "STRESS", "--minutes", "20"), "$", "JSON");
        assertOneLine(Cli.run("plan", "--profile", p, "--goal", "STRESS", "--minutes", "90"), "--minutes", "10–60", "90");
        assertOneLine(Cli.run("plan", "--profile", p, "--goal", "STRESS", "--minutes", "5"), "--minutes", "10–60");
        assertOneLine(Cli.run("plan", "--profile", p, "--goal", "STRESS", "--minutes", "forty"), "--minutes", "forty");
        assertOneLine(Cli.run("plan", "--profile", p, "--goal", "RELAX", "--minutes", "20"), "--goal", "RELAX", "STRESS");
        assertOneLine(Cli.run("plan", "--profile", p, "--program", "spa-deluxe", "--minutes", "20"), "spa-deluxe", "lumbar-tension");
        assertOneLine(Cli.run("plan", "--profile", p, "--minutes", "20"), "--goal", "--program");
        assertOneLine(Cli.run("plan", "--profile", p, "--goal", "STRESS", "--program", "deep-tissue", "--minutes", "20"),
                "mutually exclusive");
        assertOneLine(Cli.run("plan", "--goal", "STRESS", "--minutes", "20"), "--profile");
    }

    @Test
    void plan_explains_itself_with_help() {
        Cli help = Cli.run("plan", "--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--profile", "--goal", "--program", "--minutes", "--json", "RELIEVE_TENSION");
    }

    private static void assertOneLine(Cli run, String... mentions) {
        run.refusedAsBadInput();
        assertThat(run.errLines()).singleElement().asString().contains(mentions);
        assertThat(run.out()).isEmpty();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
