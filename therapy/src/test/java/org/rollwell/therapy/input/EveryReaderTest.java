package org.rollwell.therapy.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollwell.therapy.diary.DiaryParser;
import org.rollwell.therapy.profile.CheckInParser;
import org.rollwell.therapy.profile.ProfileParser;
import org.rollwell.therapy.program.ProgramLibrary;
import org.rollwell.therapy.program.ProgramParser;

/**
 * Every file a person writes for the therapy core is read by the one field reader: a bad field is
 * refused as {@code FILE: PATH: reason}, a file saved with a UTF-8 byte order mark reads as without,
 * and a file written in YAML is told that only JSON is read.
 */
class EveryReaderTest {

    private static final String PROGRAM = builtIn("lumbar-tension.json");

    /** The reader, a file it accepts, the same file with one bad field, and the one line that refuses it. */
    static Stream<Arguments> readers() {
        return Stream.of(
                reader("profile", ProfileParser::parse,
                        "{\"format\":\"rollwell.profile/1\",\"heightCm\":170,\"weightKg\":70,\"birthYear\":1980,\"answers\":{}}",
                        "\"heightCm\":170", "\"heightCm\":900",
                        "me.json: $.heightCm: must be 100–250 cm, was 900"),
                reader("check-in", CheckInParser::parse,
                        "{\"format\":\"rollwell.checkin/1\",\"date\":\"2026-11-30\",\"answers\":{},\"painNowNrs\":3}",
                        "\"painNowNrs\":3", "\"painNowNrs\":11",
                        "me.json: $.painNowNrs: must be a whole number 0–10, was 11"),
                reader("diary", DiaryParser::parse,
                        "{\"format\":\"rollwell.diary/1\",\"firstSessionDate\":\"2026-09-01\",\"entries\":["
                                + "{\"date\":\"2026-09-02\",\"kind\":\"NRS_DAILY\",\"nrs\":4}]}",
                        "\"nrs\":4", "\"nrs\":12",
                        "me.json: $.entries[0].nrs: must be a whole number 0–10, was 12"),
                reader("program", ProgramParser::parse, PROGRAM,
                        "\"technique\": \"KNEAD\"", "\"technique\": \"KNUDGE\"",
                        "me.json: $.segments[" + segmentIndex("KNEAD") + "].technique: unknown technique \"KNUDGE\";"
                                + " must be one of ROLL, KNEAD, PRESS, STRETCH, WARM"));
    }

    private static Arguments reader(String what, BiFunction<String, String, ParseResult<?>> parse, String good,
                                    String field, String badField, String expected) {
        assertThat(good).as("%s example", what).contains(field);
        return Arguments.of(what, parse, good, good.replaceFirst(java.util.regex.Pattern.quote(field), badField), expected);
    }

    private static String builtIn(String name) {
        try (InputStream in = ProgramLibrary.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int segmentIndex(String technique) {
        String segments = PROGRAM.substring(PROGRAM.indexOf("\"segments\""));
        String[] steps = segments.split("\"technique\"");
        for (int i = 1; i < steps.length; i++) {
            if (steps[i].stripLeading().startsWith(": \"" + technique + "\"")) {
                return i - 1;
            }
        }
        throw new AssertionError("no " + technique + " step in lumbar-tension");
    }

    @ParameterizedTest(name = "the {0} reader names file, path and reason")
    @MethodSource("readers")
    void a_bad_field_is_refused_naming_the_file_the_path_and_the_reason(String what,
            BiFunction<String, String, ParseResult<?>> parse, String good, String bad, String expected) {
        assertThat(parse.apply("me.json", good).problems()).as("the good %s", what).isEmpty();

        List<Problem> problems = parse.apply("me.json", bad).problems();

        assertThat(problems).extracting(Problem::line).containsExactly(expected);
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo("me.json"));
    }

    @ParameterizedTest(name = "the {0} reader skips a UTF-8 byte order mark")
    @MethodSource("readers")
    void a_file_saved_with_a_byte_order_mark_reads_as_without(String what,
            BiFunction<String, String, ParseResult<?>> parse, String good, String bad, String expected) {
        assertThat(parse.apply("me.json", "\uFEFF" + good).problems()).isEmpty();
        assertThat(parse.apply("me.json", "\uFEFF" + bad).problems()).extracting(Problem::line).containsExactly(expected);
    }

    @ParameterizedTest(name = "the {0} reader tells YAML that only JSON is read")
    @MethodSource("readers")
    void a_file_written_in_yaml_is_told_that_only_json_is_read(String what,
            BiFunction<String, String, ParseResult<?>> parse, String good, String bad, String expected) {
        for (String yaml : List.of("format: rollwell.x/1\nheightCm: 170\n", "---\nformat: x\n",
                "# my file\n\"format\": \"rollwell.x/1\"\n", "- one\n- two\n")) {
            assertThat(parse.apply("me.yaml", yaml).problems()).extracting(Problem::line).singleElement().asString()
                    .as("%s reading %s", what, yaml)
                    .startsWith("me.yaml: $: only JSON is read, and this looks like YAML; write it as a rollwell.");
        }
    }

    @ParameterizedTest(name = "the {0} reader still says where broken JSON breaks")
    @MethodSource("readers")
    void broken_json_is_not_mistaken_for_yaml(String what, BiFunction<String, String, ParseResult<?>> parse,
                                              String good, String bad, String expected) {
        String broken = good.strip().substring(0, good.strip().length() - 1);

        assertThat(parse.apply("me.json", broken).problems()).extracting(Problem::line).singleElement().asString()
                .startsWith("me.json: $: not valid JSON at line ");
    }
}
