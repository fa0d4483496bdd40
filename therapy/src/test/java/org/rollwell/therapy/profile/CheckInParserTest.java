package org.rollwell.therapy.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.input.Problem;
import org.rollwell.therapy.screening.ScreeningId;

class CheckInParserTest {

    private static final String ISSUE_EXAMPLE = "{\"format\":\"rollwell.checkin/1\",\"date\":\"2026-11-30\",\"answers\":"
            + "{\"RF_CAUDA_EQUINA\":false,\"RF_PROGRESSIVE_DEFICIT\":false,\"RF_FEVER_INFECTION\":false},"
            + "\"painNowNrs\":5,\"changes\":[]}";

    @Test
    void the_issues_example_reads() {
        CheckIn c = ((ParseResult.Parsed<CheckIn>) CheckInParser.parse("", ISSUE_EXAMPLE)).value();

        assertThat(c.date()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(c.painNowNrs()).hasValue(5);
        assertThat(c.answers()).containsEntry(ScreeningId.RF_CAUDA_EQUINA, false).hasSize(3);
        assertThat(c.changes()).isEmpty();
        assertThat(c.source()).isEqualTo(CheckIn.Source.CHECK_IN);
    }

    @Test
    void pain_now_may_be_missing_in_the_file_the_planner_then_blocks() {
        ParseResult<CheckIn> r = CheckInParser.parse("", ISSUE_EXAMPLE.replace("\"painNowNrs\":5,", ""));

        assertThat(((ParseResult.Parsed<CheckIn>) r).value().painNowNrs()).isEmpty();
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
        "\"format\":\"rollwell.checkin/1\"|\"format\":\"rollwell.checkin/2\"|$.format",
        "\"date\":\"2026-11-30\"|\"date\":\"30.11.2026\"|$.date",
        "\"painNowNrs\":5|\"painNowNrs\":11|$.painNowNrs",
        "\"changes\":[]|\"changes\":[\"RF_CAUDA_EQUINA\"]|$.changes[0]",
        "\"changes\":[]|\"changes\":[\"CI_PREGNANT\"]|$.changes[0]",
        "\"RF_FEVER_INFECTION\":false|\"CI_DVT\":false|$.answers.CI_DVT",
        "\"changes\":[]|\"changes\":[],\"mood\":3|$.mood",
    })
    void a_mistake_is_refused_with_its_path(String from, String to, String path) {
        ParseResult<CheckIn> r = CheckInParser.parse("", ISSUE_EXAMPLE.replace(from, to));

        List<Problem> problems = r.problems();
        assertThat(problems).extracting(Problem::path).containsExactly(path);
    }
}
