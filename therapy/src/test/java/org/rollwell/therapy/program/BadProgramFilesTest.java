package org.rollwell.therapy.program;

import org.rollwell.therapy.input.Problem;
import org.rollwell.therapy.input.ParseResult;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed program files a person might write, each refused with the JSON path
 * of what is wrong and a reason they can act on.
 */
class BadProgramFilesTest {

    private static final Path BAD = Path.of("src/test/resources/programs/bad");

    static Stream<Arguments> badFiles() {
        return Stream.of(
                row("truncated.json", "$: not valid JSON at line 10, column 11: Unexpected end-of-input"),
                row("missing-comma.json", "$: not valid JSON at line 4, column 3: Unexpected character", "was expecting comma"),
                row("duplicate-key.json", "$: not valid JSON at line 4", "Duplicate field 'id'"),
                row("root-is-a-list.json", "$: must be a rollwell.program/1 object, was a list"),
                row("empty.json", "$: empty"),
                row("missing-format.json", "$.format: missing; must be \"rollwell.program/1\""),
                row("wrong-format-version.json", "$.format: must be \"rollwell.program/1\" (the format this Rollwell reads), was the text \"rollwell.program/2\""),
                row("unknown-top-level-field.json", "$.author: unknown field"),
                row("misspelt-parameter.json", "$.segments[1].speedMmPerSec: unknown field; did you mean speedMmPerS?", "$.segments[1].speedMmPerS: missing; must be 10–60 mm/s"),
                row("parameter-of-another-technique.json", "$.segments[1].holdS: belongs to PRESS and STRETCH, not ROLL"),
                row("hold-too-long.json", "$.segments[2].holdS: must be 5–120 s, was 300"),
                row("seconds-as-text.json", "$.segments[0].seconds: must be a whole number 10–3600 s, was the text \"five minutes\""),
                row("missing-id.json", "$.id: missing; must be a text"),
                row("id-with-spaces.json", "$.id: must be lower-case letters, digits and single hyphens (like \"lumbar-tension\"), was \"Low Back!\""),
                row("empty-segments.json", "$.segments: must not be empty; a program needs at least one segment"),
                row("unknown-level.json", "$.segments[0].from: unknown level \"T13\"; levels are C7, T1–T12, L1–L5, S1"),
                row("span-upside-down.json", "$.segments[1].from: L5 lies below T10 on the spine"),
                row("intensity-out-of-range.json", "$.segments[1].intensity: must be a whole number 1–10, was 11"),
                row("force-over-bed-limit.json", "$.segments[1].forceN: must be 1–350 N, was 400"),
                row("intensity-and-force.json", "$.segments[1].forceN: give either intensity or forceN, not both"),
                row("no-dose.json", "$.segments[1].intensity: missing; give intensity 1–10 or forceN 1–350 N"),
                row("roller-too-hot.json", "$.segments[0].rollerTempC: must be 30–65 °C, was 70"),
                row("warm-without-heat.json", "$.segments[0].rollerTempC: missing; WARM needs heated rollers, 30–65 °C"),
                row("unknown-technique.json", "$.segments[1].technique: unknown technique \"VIBRATE\"; must be one of ROLL, KNEAD, PRESS, STRETCH, WARM"),
                row("unknown-goal.json", "$.goals[0]: unknown goal \"SLEEP\""),
                row("goals-not-a-list.json", "$.goals: must be a list of goals"),
                row("unknown-condition.json", "$.suits[0]: unknown condition \"ARTHRITIS\"; must be one of DEGENERATION, FIBROMYALGIA, SCIATICA"),
                row("press-over-a-span.json", "$.segments[3].from: PRESS works on a point", "$.segments[3].to: PRESS works on a point", "$.segments[3].at: missing"),
                row("roll-at-a-point.json", "$.segments[1].at: ROLL works over a span: give \"from\" and \"to\", not \"at\""),
                row("sciatica-press-on-l5.json", "$.segments[3].at: a program that suits SCIATICA does not PRESS on L4–S1, was L5"),
                row("sciatica-full-height-stretch.json", "$.segments[3].liftMm: a program that suits SCIATICA stretches at half height, at most 20 mm, was 40"),
                row("fibromyalgia-too-firm.json", "$.segments[1].intensity: a program that suits FIBROMYALGIA stays at or below 150 N (intensity 4), was 6 (210 N)"),
                row("degeneration-too-firm.json", "$.segments[1].forceN: a program that suits DEGENERATION stays at or below 200 N (intensity 5), was 250 N"),
                row("warm-too-short.json", "$.segments[0].seconds: WARM must last 300–900 s (5–15 min; docs/therapy.md, techniques), was 120"),
                row("press-too-short-for-its-holds.json", "$.segments[3].seconds: too short for its parameters: needs at least 116 s"),
                row("longer-than-a-session.json", "$.segments: the program runs 75 min; a session lasts at most 60 min (3600 s)"),
                row("trigger-points-goal-without-press.json", "$.goals[1]: a program for TRIGGER_POINTS needs a PRESS segment (docs/therapy.md, techniques)"),
                row("stretch-under-the-neck.json", "$.segments[3].from: STRETCH works under the thoracic or lumbar spine (T1–L5), was C7"),
                row("repetitions-not-whole.json", "$.segments[3].repetitions: must be a whole number, 3–5, was 3.5"),
                row("knead-missing-frequency.json", "$.segments[2].frequencyHz: missing; must be 0.5–1.5 Hz"),
                row("focus-not-pain.json", "$.segments[2].focus: must be \"PAIN\" (work on the person's painful levels), was the text \"HEAD\""),
                row("segment-not-an-object.json", "$.segments[3]: must be an object describing one step, was the text \"ROLL T10-L5\""),
                row("many-problems.json", "$.format: must be", "$.name: missing", "$.extra: unknown field", "$.segments[0].seconds: must be a whole number 10–3600 s, was -5", "$.segments[1].speedMmPerS: must be 10–60 mm/s, was 100", "$.segments[2].strokeMm: must be 20–60 mm, was 5")
        );
    }

    private static Arguments row(String file, String... expected) {
        return Arguments.of(file, List.of(expected));
    }

    @ParameterizedTest(name = "{0} is refused with {1}")
    @MethodSource("badFiles")
    void a_malformed_program_file_is_refused_with_the_path_and_reason_of_each_problem(String file, List<String> expected)
            throws IOException {
        ParseResult<Program> result = ProgramParser.parse(read(file));

        assertThat(result).isInstanceOf(ParseResult.Refused.class);
        List<String> lines = result.problems().stream().map(Problem::line).collect(Collectors.toList());
        for (String fragment : expected) {
            assertThat(lines).as("problems of %s", file).anySatisfy(line -> assertThat(line).contains(fragment));
        }
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("$"));
    }

    @Test
    void every_file_in_the_bad_folder_has_an_expectation() throws IOException {
        List<String> covered = badFiles().map(arguments -> (String) arguments.get()[0]).collect(Collectors.toList());
        try (Stream<Path> files = Files.list(BAD)) {
            List<String> present = files.map(path -> path.getFileName().toString()).collect(Collectors.toList());
            assertThat(present).containsExactlyInAnyOrderElementsOf(covered);
        }
        assertThat(covered).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void a_file_with_many_mistakes_gets_every_one_reported_not_just_the_first() throws IOException {
        ParseResult<Program> result = ProgramParser.parse(read("many-problems.json"));

        assertThat(result.problems()).hasSize(6);
    }

    private static String read(String file) throws IOException {
        try (InputStream in = BadProgramFilesTest.class.getResourceAsStream("/programs/bad/" + file)) {
            assertThat(in).as("test resource %s", file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
