package org.rollwell.app.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollwell.sim.FaultKind;
import org.rollwell.therapy.goal.Goal;

class ScenarioParserTest {

    /** A person who answered every screening question "no" and hurts at L4. */
    static final String PROFILE = """
            {"format": "rollwell.profile/1", "heightCm": 175, "weightKg": 75, "birthYear": 1980,
              "answers": {"RF_CAUDA_EQUINA": false, "RF_PROGRESSIVE_DEFICIT": false, "RF_FEVER_INFECTION": false,
                "RF_CANCER_HISTORY": false, "RF_WEIGHT_LOSS": false, "RF_TRAUMA": false, "RF_NIGHT_PAIN": false,
                "RF_AGE_ONSET": false, "RF_FRACTURE_RISK": false, "CI_DVT": false, "CI_PREGNANCY": false,
                "CI_ACTIVE_CANCER": false, "CI_RECENT_SURGERY_OR_FRACTURE": false, "CI_OSTEOPOROSIS": false,
                "CI_ANTICOAGULANT": false, "CI_REDUCED_SENSATION": false, "CI_HEAT_INTOLERANCE": false,
                "CI_SKIN_LESION": false, "CI_IMPLANT": false, "NO_DIAGNOSIS": false},
              "painMap": [{"level": "L4", "side": "CENTER", "nrs": 5}]}""";

    /** A valid scenario; tests splice fields in or out. */
    static final String VALID = """
            {
              "format": "rollwell.scenario/1",
              "description": "a 175 cm person, tension in the low back",
              "seed": 42,
              "body": {"heightCm": 175, "weightKg": 75, "kyphosisDeg": 35, "lordosisDeg": 50,
                       "headOffsetMm": 100, "lateralOffsetMm": 0},
              "profile": PROFILE,
              "goal": "RELIEVE_TENSION",
              "minutes": 40,
              "faults": [{"atS": 900, "kind": "HEATER_STUCK_ON", "zone": 1}, {"atS": 300, "kind": "ESTOP"}]
            }
            """.replace("PROFILE", PROFILE);

    /** The valid scenario with its profile replaced by {@code profile} (JSON text). */
    static String withProfile(String profile) {
        return VALID.replace(PROFILE, profile);
    }

    static final String CHECK_IN = "{\"format\":\"rollwell.checkin/1\",\"date\":\"2026-11-30\",\"answers\":"
            + "{\"RF_CAUDA_EQUINA\":false,\"RF_PROGRESSIVE_DEFICIT\":false,\"RF_FEVER_INFECTION\":false},"
            + "\"painNowNrs\":9,\"changes\":[]}";

    @Test
    void a_check_in_plans_the_scenario_for_its_day_and_pain_now() throws Exception {
        Scenario without = ScenarioParser.parse(VALID, null);
        Scenario with = ScenarioParser.parse(VALID.replace("\"minutes\": 40,", "\"minutes\": 40, \"checkIn\": " + CHECK_IN + ","), null);

        assertThat(without.checkIn()).isEmpty();
        assertThat(with.visit()).hasValueSatisfying(v -> assertThat(v.today()).hasToString("2026-11-30"));
        var plan = ScenarioRunner.plan(with, null);
        assertThat(plan.reasons()).extracting(r -> r.code()).contains("PAIN_TODAY");
        assertThat(plan.envelope().maxIntensity().setBy()).isEqualTo("PAIN_TODAY");
    }

    @Test
    void a_bad_check_in_is_refused_with_its_path_inside_the_scenario() {
        String bad = VALID.replace("\"minutes\": 40,", "\"minutes\": 40, \"checkIn\": "
                + CHECK_IN.replace("\"painNowNrs\":9", "\"painNowNrs\":12") + ",");

        assertThatThrownBy(() -> ScenarioParser.parse(bad, null)).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("$.checkIn.painNowNrs");
    }

    @Test
    void a_valid_scenario_gives_the_person_the_request_and_the_faults_in_time_order() throws Exception {
        Scenario s = ScenarioParser.parse(VALID, null);

        assertThat(s.seed()).isEqualTo(42);
        assertThat(s.body().heightCm()).isEqualTo(175);
        assertThat(s.goal()).isEqualTo(Goal.RELIEVE_TENSION);
        assertThat(s.programId()).isNull();
        assertThat(s.minutes()).isEqualTo(40);
        assertThat(s.scan()).as("scan defaults to true").isTrue();
        assertThat(s.profileOrigin()).isEqualTo("$.profile");
        assertThat(s.profile().heightCm()).isEqualTo(175);
        assertThat(s.faults()).containsExactly(
                new ScenarioFault(300, FaultKind.ESTOP, ScenarioFault.NO_ZONE),
                new ScenarioFault(900, FaultKind.HEATER_STUCK_ON, 1));
    }

    @Test
    void a_profile_path_is_read_relative_to_the_scenario_file(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/anna.json"), PROFILE);
        Path file = dir.resolve("s.json");
        Files.writeString(file, withProfile("\"profiles/anna.json\""));

        Scenario s = ScenarioParser.parse(file);

        assertThat(s.profile().painMap()).hasSize(1);
        assertThat(s.profileOrigin()).endsWith("anna.json");
    }

    @Test
    void a_missing_profile_file_is_named_with_its_path(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, withProfile("\"nobody.json\""));

        assertThatThrownBy(() -> ScenarioParser.parse(file))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.lines())
                        .singleElement().asString().startsWith(file + ": $.profile: cannot read").contains("nobody.json", "no such file"));
    }

    @Test
    void a_missing_scenario_file_is_refused_with_the_reason(@TempDir Path dir) {
        assertThatThrownBy(() -> ScenarioParser.parse(dir.resolve("nope.json")))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.lines())
                        .singleElement().asString().contains("nope.json", "no such file"));
    }

    @Test
    void scan_false_plans_on_the_normative_map_and_a_program_may_stand_for_the_goal() throws Exception {
        Scenario s = ScenarioParser.parse(VALID.replace("\"goal\": \"RELIEVE_TENSION\"", "\"program\": \"lumbar-tension\", \"scan\": false"), null);

        assertThat(s.scan()).isFalse();
        assertThat(s.programId()).isEqualTo("lumbar-tension");
        assertThat(s.goal()).isNull();
    }

    static List<Arguments> malformed() {
        return List.of(
                Arguments.of("not JSON", "{\"format\": ", "$: not valid JSON"),
                Arguments.of("an array", "[1, 2]", "$: must be a rollwell.scenario/1 object, was a list"),
                Arguments.of("an empty file", "", "$: empty; expected a rollwell.scenario/1 object"),
                Arguments.of("wrong format", VALID.replace("rollwell.scenario/1", "rollwell.scenario/2"),
                        "$.format: must be \"rollwell.scenario/1\" (the format this Rollwell reads), was the text \"rollwell.scenario/2\""),
                Arguments.of("missing format", VALID.replace("\"format\": \"rollwell.scenario/1\",", ""), "$.format: missing; must be \"rollwell.scenario/1\""),
                Arguments.of("unknown field", VALID.replace("\"seed\": 42,", "\"seed\": 42, \"speed\": 3,"), "$.speed: unknown field"),
                Arguments.of("seed as text", VALID.replace("\"seed\": 42", "\"seed\": \"42\""), "$.seed: must be a whole number, was the text \"42\""),
                Arguments.of("seed with a fraction", VALID.replace("\"seed\": 42", "\"seed\": 4.2"), "$.seed: must be a whole number, was 4.2"),
                Arguments.of("missing body", VALID.replaceAll("\"body\": \\{[^}]*},", ""), "$.body: missing; must be the person on the twin"),
                Arguments.of("body height out of range", VALID.replace("\"heightCm\": 175, \"weightKg\"", "\"heightCm\": 300, \"weightKg\""),
                        "$.body.heightCm: must be 100–250 cm, was 300"),
                Arguments.of("body field missing", VALID.replace("\"lateralOffsetMm\": 0", "\"lateralOffset\": 0"),
                        "$.body.lateralOffsetMm: missing; must be -150–150 mm"),
                Arguments.of("body unknown field", VALID.replace("\"lateralOffsetMm\": 0", "\"lateralOffsetMm\": 0, \"age\": 40"),
                        "$.body.age: unknown field"),
                Arguments.of("profile a number", withProfile("7"),
                        "$.profile: must be a profile object or a file path, was 7"),
                Arguments.of("unknown goal", VALID.replace("RELIEVE_TENSION", "RELAX"), "$.goal: unknown goal \"RELAX\"; must be one of RELIEVE_TENSION"),
                Arguments.of("goal and program", VALID.replace("\"goal\": \"RELIEVE_TENSION\",", "\"goal\": \"STRESS\", \"program\": \"x\","),
                        "$: asks for both \"goal\" and \"program\""),
                Arguments.of("unknown program", VALID.replace("\"goal\": \"RELIEVE_TENSION\"", "\"program\": \"spa-deluxe\""),
                        "$.program: must be a built-in program (lumbar-tension"),
                Arguments.of("neither goal nor program", VALID.replace("\"goal\": \"RELIEVE_TENSION\",", ""), "$: needs \"goal\" or \"program\""),
                Arguments.of("minutes too long", VALID.replace("\"minutes\": 40", "\"minutes\": 90"), "$.minutes: must be a whole number 10–60 min, was 90"),
                Arguments.of("minutes missing", VALID.replace("\"minutes\": 40,", ""), "$.minutes: missing; must be a whole number 10–60 min"),
                Arguments.of("scan not a boolean", VALID.replace("\"minutes\": 40,", "\"minutes\": 40, \"scan\": \"yes\","),
                        "$.scan: must be true or false, was the text \"yes\""),
                Arguments.of("faults not an array", VALID.replaceAll("\"faults\": \\[.*]", "\"faults\": {}"), "$.faults: must be a list of faults"),
                Arguments.of("unknown fault kind", VALID.replace("\"kind\": \"ESTOP\"", "\"kind\": \"FOO\""),
                        "$.faults[1].kind: unknown fault kind \"FOO\"; must be one of HEATER_STUCK_ON, HEATER_DEAD"),
                Arguments.of("fault kind, names FOO", VALID.replace("\"kind\": \"ESTOP\"", "\"kind\": \"FOO\""), "\"FOO\""),
                Arguments.of("negative fault time", VALID.replace("\"atS\": 900", "\"atS\": -5"), "$.faults[0].atS: must be 0–7200 s, was -5"),
                Arguments.of("heater fault without zone", VALID.replace(", \"zone\": 1", ""), "$.faults[0].zone: missing; must be a whole number 0–1"),
                Arguments.of("heater zone out of range", VALID.replace("\"zone\": 1", "\"zone\": 2"), "$.faults[0].zone: must be a whole number 0–1, was 2"),
                Arguments.of("zone on an e-stop", VALID.replace("\"kind\": \"ESTOP\"", "\"kind\": \"ESTOP\", \"zone\": 0"),
                        "$.faults[1].zone: ESTOP does not strike a heater zone"),
                Arguments.of("unknown fault field", VALID.replace("\"kind\": \"ESTOP\"", "\"kind\": \"ESTOP\", \"when\": 3"),
                        "$.faults[1].when: unknown field"),
                Arguments.of("unknown phase", VALID.replace("\"kind\": \"ESTOP\"", "\"kind\": \"ESTOP\", \"during\": \"NAP\""),
                        "$.faults[1].during: unknown phase \"NAP\"; must be one of HOMING, WARMING, ROLL, KNEAD"),
                Arguments.of("fault not an object", VALID.replace("{\"atS\": 300, \"kind\": \"ESTOP\"}", "\"ESTOP\""),
                        "$.faults[1]: must be a fault {atS, kind, zone}, was the text \"ESTOP\""),
                Arguments.of("two documents in one file", VALID + "{}", "$: not valid JSON"),
                Arguments.of("duplicate key", VALID.replace("\"seed\": 42,", "\"seed\": 42, \"seed\": 43,"), "$: not valid JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void a_malformed_scenario_is_refused_with_the_path_of_the_problem(String what, String text, String expected) {
        assertThatThrownBy(() -> ScenarioParser.parse(text, null))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.lines())
                        .as(what).anySatisfy(p -> assertThat(p).contains(expected)));
    }

    @Test
    void a_bad_inline_profile_is_refused_with_paths_inside_the_scenario() {
        String bad = withProfile(PROFILE.replace("\"nrs\": 5", "\"nrs\": 12"));

        assertThatThrownBy(() -> ScenarioParser.parse(bad, null))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.lines())
                        .singleElement().asString().startsWith("$.profile.painMap[0].nrs: must be a whole number 1–10"));
    }

    @Test
    void a_bad_profile_file_is_refused_naming_the_file(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("p.json"), PROFILE.replace("\"heightCm\": 175", "\"heightCm\": \"tall\""));
        Path file = dir.resolve("s.json");
        Files.writeString(file, withProfile("\"p.json\""));

        assertThatThrownBy(() -> ScenarioParser.parse(file))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.lines())
                        .singleElement().asString().startsWith(dir.resolve("p.json") + ": $.heightCm: must be 100–250 cm"));
    }

    @Test
    void a_fault_may_be_timed_from_the_first_moment_of_a_phase() throws Exception {
        Scenario s = ScenarioParser.parse(VALID.replace("\"atS\": 300, \"kind\": \"ESTOP\"",
                "\"during\": \"KNEAD\", \"atS\": 60, \"kind\": \"ESTOP\""), null);

        assertThat(s.faults()).containsExactly(
                new ScenarioFault(900, FaultKind.HEATER_STUCK_ON, 1),
                new ScenarioFault(60, FaultKind.ESTOP, ScenarioFault.NO_ZONE, "KNEAD"));
    }

    @Test
    void every_problem_is_reported_at_once_not_just_the_first() {
        String bad = VALID.replace("\"seed\": 42", "\"seed\": \"x\"").replace("\"minutes\": 40", "\"minutes\": 5")
                .replace("\"kind\": \"ESTOP\"", "\"kind\": \"FOO\"");

        assertThatThrownBy(() -> ScenarioParser.parse(bad, null))
                .isInstanceOfSatisfying(ScenarioException.class, e -> assertThat(e.lines())
                        .hasSize(3)
                        .allSatisfy(p -> assertThat(p).startsWith("$.")));
    }
}
