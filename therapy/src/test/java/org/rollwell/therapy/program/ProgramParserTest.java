package org.rollwell.therapy.program;

import org.rollwell.therapy.input.Problem;
import org.rollwell.therapy.input.ParseResult;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Technique;

/** What a well-formed program file turns into, and how problems are named. */
class ProgramParserTest {

    private static final String HEAD = "{\"format\":\"rollwell.program/1\",\"id\":\"my-back\",\"name\":\"My back\","
            + "\"description\":\"Written by hand.\",";

    @Test
    void a_hand_written_program_reads_into_its_segments_with_every_location_form() {
        String json = HEAD + "\"goals\":[\"TRIGGER_POINTS\",\"RELIEVE_TENSION\"],\"suits\":[\"SCIATICA\"],"
                + "\"sources\":[\"Hou et al. 2002\"],\"segments\":["
                + "{\"technique\":\"ROLL\",\"from\":\"T10\",\"to\":\"S1\",\"forceN\":120,\"rollerTempC\":45,\"seconds\":120,\"speedMmPerS\":30},"
                + "{\"technique\":\"PRESS\",\"at\":\"T8\",\"intensity\":4,\"seconds\":60,\"rampS\":3,\"holdS\":30,\"repetitions\":1,\"restS\":0,\"note\":\"knot\"},"
                + "{\"technique\":\"PRESS\",\"at\":\"TRIGGER_POINTS\",\"intensity\":4,\"seconds\":300,\"rampS\":3,\"holdS\":30,\"repetitions\":2,\"restS\":10},"
                + "{\"technique\":\"KNEAD\",\"focus\":\"PAIN\",\"from\":\"L1\",\"to\":\"L3\",\"intensity\":3,\"seconds\":200,"
                + "\"strokeMm\":30,\"frequencyHz\":0.8,\"creepMmPerS\":2.5}]}";

        ParseResult<Program> result = ProgramParser.parse(json);

        assertThat(result.problems()).isEmpty();
        Program program = ((ParseResult.Parsed<Program>) result).value();
        assertThat(program.goals()).containsExactly(Goal.RELIEVE_TENSION, Goal.TRIGGER_POINTS);
        assertThat(program.suits()).containsExactly(Condition.SCIATICA);
        assertThat(program.totalSeconds()).isEqualTo(680);
        assertThat(program.minutes()).isEqualTo(680 / 60.0);

        ProgramSegment roll = program.segments().get(0);
        assertThat(roll.location()).isEqualTo(new Location.Span(Level.T10, Level.S1));
        assertThat(roll.forceN()).isEqualTo(120.0);
        assertThat(roll.intensity()).isNull();
        assertThat(roll.heat()).isTrue();
        assertThat(roll.rollerTempC()).isEqualTo(45.0);
        assertThat(roll.params()).isEqualTo(new TechniqueParams.Roll(30));

        ProgramSegment press = program.segments().get(1);
        assertThat(press.location()).isEqualTo(new Location.Point(Level.T8));
        assertThat(press.targetForceN()).isEqualTo(140.0);
        assertThat(press.heat()).isFalse();
        assertThat(press.rollerTempC()).isZero();
        assertThat(press.note()).isEqualTo("knot");
        assertThat(press.params()).isEqualTo(new TechniqueParams.Press(3, 30, 1, 0));

        assertThat(program.segments().get(2).location()).isEqualTo(new Location.MarkedTriggerPoints());
        ProgramSegment knead = program.segments().get(3);
        assertThat(knead.location()).isEqualTo(new Location.PainfulRegion(Level.L1, Level.L3));
        assertThat(knead.technique()).isEqualTo(Technique.KNEAD);
        assertThat(knead.params()).isEqualTo(new TechniqueParams.Knead(30, 0.8, 2.5));
        assertThat(knead.note()).isEmpty();
    }

    @Test
    void a_field_name_that_is_not_a_plain_word_is_quoted_in_the_path() {
        ParseResult<Program> result = ProgramParser.parse(HEAD.replace("\"name\"", "\"my name\"") + "\"goals\":[]}");

        assertThat(result.problems()).extracting(Problem::line).contains(
                "$['my name']: unknown field; known fields are format, id, name, description, goals, suits, sources, segments",
                "$.name: missing; must be a text",
                "$.goals: must list at least one goal: RELIEVE_TENSION, RANGE_OF_MOTION, STRESS, TRIGGER_POINTS, CIRCULATION",
                "$.segments: missing; a program needs at least one segment");
    }

    @Test
    void a_goal_listed_twice_is_refused_at_the_second_mention() {
        ParseResult<Program> result = ProgramParser.parse(HEAD + "\"goals\":[\"STRESS\",\"STRESS\"],\"segments\":["
                + "{\"technique\":\"ROLL\",\"from\":\"C7\",\"to\":\"S1\",\"intensity\":2,\"seconds\":600,\"speedMmPerS\":15}]}");

        assertThat(result.problems()).extracting(Problem::line).containsExactly("$.goals[1]: STRESS is listed twice");
    }

    @Test
    void nothing_at_all_is_refused_rather_than_crashing() {
        assertThat(ProgramParser.parse(null).problems()).extracting(Problem::path).containsExactly("$");
        assertThat(ProgramParser.parse("").problems()).extracting(Problem::path).containsExactly("$");
        assertThat(ProgramParser.parse("null").problems()).extracting(Problem::line)
                .containsExactly("$: must be a rollwell.program/1 object, was null");
        assertThat(ProgramParser.parse("{} {}").problems()).singleElement()
                .satisfies(problem -> assertThat(problem.reason()).startsWith("not valid JSON at line 1"));
    }

    @Test
    void the_complete_example_in_the_format_documentation_is_a_real_built_in_program() throws IOException {
        String doc = Files.readString(Path.of("../docs/program-format.md"), StandardCharsets.UTF_8);
        int section = doc.indexOf("## A complete example");
        int start = doc.indexOf("```json\n", section) + "```json\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));

        ParseResult<Program> result = ProgramParser.parse(example);

        assertThat(result.problems()).isEmpty();
        Program program = ((ParseResult.Parsed<Program>) result).value();
        assertThat(ProgramLibrary.builtIn().find(program.id())).contains(program);
    }

    @Test
    void every_segment_snippet_in_the_documentation_reads_clean_inside_a_program() throws IOException {
        String doc = Files.readString(Path.of("../docs/program-format.md"), StandardCharsets.UTF_8);
        int section = doc.indexOf("Other location forms");
        int start = doc.indexOf("```json\n", section) + "```json\n".length();
        String[] snippets = doc.substring(start, doc.indexOf("```", start)).strip().split("\n");

        assertThat(snippets).hasSizeGreaterThanOrEqualTo(3);
        for (String snippet : snippets) {
            String json = HEAD + "\"goals\":[\"RELIEVE_TENSION\"],\"segments\":["
                    + "{\"technique\":\"ROLL\",\"from\":\"C7\",\"to\":\"S1\",\"intensity\":2,\"seconds\":60,\"speedMmPerS\":30},"
                    + snippet + "]}";
            assertThat(ProgramParser.parse(json).problems()).as(snippet).isEmpty();
        }
    }
}
