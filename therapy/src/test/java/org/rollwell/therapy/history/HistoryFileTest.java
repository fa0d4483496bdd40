package org.rollwell.therapy.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.diary.Heat;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.input.Problem;

/** The rollwell.history/1 file (docs/history-format.md): what the server writes, the CLI reads back the same. */
class HistoryFileTest {

    @Test
    void a_written_history_reads_back_equal() {
        SessionHistory h = new SessionHistory(List.of(
                new PastSession(LocalDateTime.of(2026, 9, 1, 18, 5), 4, Feedback.TOO_STRONG, 0.37, Optional.of(Heat.TOO_HOT),
                        OptionalInt.of(6), OptionalInt.of(4)),
                new PastSession(LocalDateTime.of(2026, 9, 2, 9, 0), 3, Feedback.NONE, 0)));

        String text = HistoryWriter.write(h);
        ParseResult<SessionHistory> back = HistoryParser.parse("h.json", text);

        assertThat(text).startsWith("{\"format\":\"rollwell.history/1\",\"sessions\":[\n{\"start\":\"2026-09-01T18:05\","
                + "\"intensity\":4,\"cem43MaxBandMin\":0.37,\"pressure\":\"TOO_STRONG\",\"heat\":\"TOO_HOT\",\"nrsBefore\":6,"
                + "\"nrsAfter\":4}");
        assertThat(back).isInstanceOf(ParseResult.Parsed.class);
        assertThat(((ParseResult.Parsed<SessionHistory>) back).value()).isEqualTo(h);
    }

    @Test
    void a_wrong_session_is_refused_with_its_path_and_reason() {
        String text = "{\"format\":\"rollwell.history/1\",\"sessions\":["
                + "{\"start\":\"2026-09-31T18:00\",\"intensity\":11,\"cem43MaxBandMin\":0.1,\"pressure\":\"HARD\"},"
                + "{\"start\":\"2026-09-02T09:00\",\"intensity\":3,\"mood\":1}]}";

        ParseResult<SessionHistory> result = HistoryParser.parse("h.json", text);

        assertThat(result.problems()).extracting(Problem::line).anySatisfy(l -> assertThat(l)
                        .startsWith("h.json: $.sessions[0].start: must be a local date and time"))
                .anySatisfy(l -> assertThat(l).startsWith("h.json: $.sessions[0].intensity:"))
                .anySatisfy(l -> assertThat(l).contains("$.sessions[0].pressure: unknown pressure \"HARD\""))
                .anySatisfy(l -> assertThat(l).startsWith("h.json: $.sessions[1].cem43MaxBandMin:"))
                .anySatisfy(l -> assertThat(l).contains("$.sessions[1]").contains("mood"));
    }
}
