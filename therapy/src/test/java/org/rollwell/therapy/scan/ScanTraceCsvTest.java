package org.rollwell.therapy.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ScanTraceCsvTest {

    @Test
    void a_trace_with_the_three_columns_is_read_row_by_row() {
        ScanTraceCsv.Result result = ScanTraceCsv.parse("position_mm,lift_mm,force_n\n0.0,20.5,60.1\n0.3,20.6,59.8\n");

        assertThat(result).isInstanceOf(ScanTraceCsv.Parsed.class);
        ScanTrace trace = ((ScanTraceCsv.Parsed) result).trace();
        assertThat(trace.size()).isEqualTo(2);
        assertThat(trace.hasTime()).isFalse();
        assertThat(trace.positionMm()).containsExactly(0.0, 0.3);
        assertThat(trace.liftMm()).containsExactly(20.5, 20.6);
        assertThat(trace.forceN()).containsExactly(60.1, 59.8);
        assertThat(trace.timeAtS(1)).isEqualTo(0.01); // one 100 Hz tick apart when untimed
    }

    @Test
    void a_leading_time_column_is_allowed_and_crlf_and_blank_lines_do_not_matter() {
        ScanTraceCsv.Result result = ScanTraceCsv.parse("t_s,position_mm,lift_mm,force_n\r\n0.00,1,2,60\r\n\r\n0.01,1.3,2,61\r\n");

        ScanTrace trace = ((ScanTraceCsv.Parsed) result).trace();
        assertThat(trace.hasTime()).isTrue();
        assertThat(trace.timeS()).containsExactly(0.0, 0.01);
    }

    @Test
    void a_crossing_lifted_off_is_declared_before_the_header_and_read_back_as_written() throws IOException {
        ScanTrace written = new ScanTrace(new double[] {0, 0.01, 9.0, 9.01}, new double[] {300, 300.2, 520, 520.3},
                new double[] {20, 20.1, 22, 22.1}, new double[] {60, 61, 59, 60},
                java.util.List.of(new LiftedRange(300.2, 520)));
        StringBuilder text = new StringBuilder();
        ScanTraceCsv.write(written, text);

        assertThat(text.toString()).startsWith("# lifted_off_mm: 300.20-520.00\nt_s,position_mm,lift_mm,force_n\n");
        ScanTrace read = ((ScanTraceCsv.Parsed) ScanTraceCsv.parse(text.toString())).trace();
        assertThat(read.liftedOff()).containsExactly(new LiftedRange(300.2, 520));
        assertThat(read.size()).isEqualTo(4);
    }

    @Test
    void other_comments_before_the_header_are_skipped_and_a_bad_crossing_is_refused_with_its_line() {
        ScanTrace read = ((ScanTraceCsv.Parsed) ScanTraceCsv.parse("# bed 7\nposition_mm,lift_mm,force_n\n1,2,60\n")).trace();
        assertThat(read.liftedOff()).isEmpty();

        ScanReason reason = refusal("# note\n# lifted_off_mm: 520-300\nposition_mm,lift_mm,force_n\n1,2,60\n");
        assertThat(reason.code()).isEqualTo(ScanReason.Code.NON_NUMERIC);
        assertThat(reason.message()).contains("line 2", "lifted_off_mm", "520-300");
    }

    @Test
    void a_wrong_header_is_refused_naming_what_was_expected() {
        ScanReason reason = refusal("pos,lift,force\n1,2,3\n");

        assertThat(reason.code()).isEqualTo(ScanReason.Code.WRONG_COLUMNS);
        assertThat(reason.message()).contains("line 1", "'pos,lift,force'", "position_mm,lift_mm,force_n");
    }

    @Test
    void text_in_a_number_column_is_refused_with_its_line_and_column() {
        ScanReason reason = refusal("position_mm,lift_mm,force_n\n0,20,60\n0.3,20,60\n0.6,twenty,60\n");

        assertThat(reason.code()).isEqualTo(ScanReason.Code.NON_NUMERIC);
        assertThat(reason.message()).contains("line 4", "lift_mm", "'twenty'");
    }

    @Test
    void a_row_with_a_missing_field_is_refused_with_its_line() {
        ScanReason reason = refusal("position_mm,lift_mm,force_n\n0,20,60\n0.3,20\n");

        assertThat(reason.code()).isEqualTo(ScanReason.Code.WRONG_COLUMNS);
        assertThat(reason.message()).contains("line 3", "2 fields, expected 3");
    }

    @Test
    void infinity_and_nan_are_not_numbers_a_bed_records() {
        assertThat(refusal("position_mm,lift_mm,force_n\n0,NaN,60\n").code()).isEqualTo(ScanReason.Code.NON_NUMERIC);
        assertThat(refusal("position_mm,lift_mm,force_n\n0,20,Infinity\n").code()).isEqualTo(ScanReason.Code.NON_NUMERIC);
    }

    @Test
    void an_empty_file_and_a_header_alone_are_empty() {
        assertThat(refusal("").code()).isEqualTo(ScanReason.Code.EMPTY);
        assertThat(refusal("\n\n").code()).isEqualTo(ScanReason.Code.EMPTY);
        assertThat(refusal("position_mm,lift_mm,force_n\n").code()).isEqualTo(ScanReason.Code.EMPTY);
    }

    @Test
    void what_is_written_reads_back_the_same() throws IOException {
        ScanTrace trace = new ScanTrace(new double[] {0, 0.01}, new double[] {5, 5.25}, new double[] {20.5, 20.75},
                new double[] {60.12, 59.5});
        StringBuilder csv = new StringBuilder();
        ScanTraceCsv.write(trace, csv);

        assertThat(csv.toString()).startsWith("t_s,position_mm,lift_mm,force_n\n0.000,5.00,20.50,60.12\n");
        assertThat(((ScanTraceCsv.Parsed) ScanTraceCsv.parse(csv.toString())).trace()).isEqualTo(trace);
    }

    private static ScanReason refusal(String csv) {
        ScanTraceCsv.Result result = ScanTraceCsv.parse(csv);
        assertThat(result).isInstanceOf(ScanTraceCsv.Refused.class);
        return ((ScanTraceCsv.Refused) result).reason();
    }
}
