package org.rollwell.therapy.program;

import org.rollwell.therapy.input.ParseResult;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A program written out reads back as the same program, so `program show --json` output is itself a valid file. */
class ProgramWriterTest {

    static java.util.List<Program> builtInPrograms() {
        return ProgramLibrary.builtIn().programs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInPrograms")
    void a_written_program_reads_back_equal_and_writes_the_same_text_again(Program program) {
        String json = ProgramWriter.toJson(program);

        ParseResult<Program> result = ProgramParser.parse(json);

        assertThat(result.problems()).isEmpty();
        Program readBack = ((ParseResult.Parsed<Program>) result).value();
        assertThat(readBack).isEqualTo(program);
        assertThat(ProgramWriter.toJson(readBack)).isEqualTo(json);
        assertThat(json).startsWith("{").contains("\"format\" : \"rollwell.program/1\"");
    }
}
