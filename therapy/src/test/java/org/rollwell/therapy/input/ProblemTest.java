package org.rollwell.therapy.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One line style for every problem: {@code FILE: PATH: reason}. */
class ProblemTest {

    @Test
    void a_problem_reads_file_path_and_reason_in_that_order() {
        assertThat(new Problem("p.json", "$.painMap[0].nrs", "must be a whole number 1–10, was 12").line())
                .isEqualTo("p.json: $.painMap[0].nrs: must be a whole number 1–10, was 12");
        assertThat(new Problem("$.nrs", "must be a whole number 1–10, was 12").line())
                .isEqualTo("$.nrs: must be a whole number 1–10, was 12");
    }

    @Test
    void a_problem_inside_a_larger_document_takes_its_path_there_and_that_file() {
        Problem inline = new Problem("$.painMap[0].nrs", "must be a whole number 1–10, was 12");

        assertThat(inline.under("$.profile").inFile("s.json").line())
                .isEqualTo("s.json: $.profile.painMap[0].nrs: must be a whole number 1–10, was 12");
        assertThat(new Problem("p.json", "$.heightCm", "x").under("$.profile").inFile("s.json").line())
                .as("a problem of its own file keeps it").isEqualTo("p.json: $.heightCm: x");
    }
}
