package org.rollwell.therapy.diary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.input.Problem;

class DiaryParserTest {

    /** The example of issue 13, every kind once. */
    static final String EXAMPLE = """
            {"format":"rollwell.diary/1","firstSessionDate":"2026-09-01","entries":[
            {"date":"2026-08-29","kind":"NRS_DAILY","nrs":6},
            {"date":"2026-08-29","kind":"PEG","pain":6,"enjoyment":5,"activity":6},
            {"date":"2026-09-01","kind":"NRS_BEFORE","nrs":6},{"date":"2026-09-01","kind":"NRS_AFTER","nrs":4},
            {"date":"2026-09-15","kind":"PGIC","pgic":5},
            {"date":"2026-09-01","kind":"FEEDBACK","pressure":"RIGHT","heat":"TOO_HOT"}]}
            """;

    private static List<String> problems(String json) {
        ParseResult<Diary> result = DiaryParser.parse(json);
        assertThat(result.ok()).as("refused").isFalse();
        return result.problems().stream().map(Problem::line).toList();
    }

    private static String withEntries(String entries) {
        return "{\"format\":\"rollwell.diary/1\",\"firstSessionDate\":\"2026-09-01\",\"entries\":[" + entries + "]}";
    }

    @Test
    void the_issue_example_reads_with_every_kind_of_entry_oldest_first() {
        ParseResult<Diary> result = DiaryParser.parse(EXAMPLE);

        Diary diary = ((ParseResult.Parsed<Diary>) result).value();
        assertThat(diary.firstSessionDate()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(diary.entries()).extracting(DiaryEntry::kind).containsExactly(EntryKind.NRS_DAILY, EntryKind.PEG,
                EntryKind.NRS_BEFORE, EntryKind.NRS_AFTER, EntryKind.FEEDBACK, EntryKind.PGIC);
        assertThat(diary.pegs()).singleElement().extracting(DiaryEntry.Peg::score).isEqualTo(17 / 3.0);
        assertThat(diary.entries().get(4)).isEqualTo(new DiaryEntry.Feedback(LocalDate.of(2026, 9, 1),
                Pressure.RIGHT, Heat.TOO_HOT));
    }

    @Test
    void every_bad_field_is_named_with_its_path_and_reason_at_once() {
        List<String> problems = problems("""
                {"format":"rollwell.diary/2","firstSessionDate":"2026-09-31","entries":[
                {"date":"2026-09-02","kind":"NRS_DAILY","nrs":11},
                {"date":"2026-09-02","kind":"PEG","pain":6,"enjoyment":5.5,"activity":-1},
                {"date":"2026-09-02","kind":"PGIC","pgic":0},
                {"date":"2026-09-02","kind":"FEEDBACK","pressure":"HARD","heat":"right"},
                {"date":"2026/09/02","kind":"NRS_AFTER","nrs":3},
                {"date":"2026-09-02","kind":"MOOD","nrs":3},
                {"date":"2026-09-02","kind":"NRS_DAILY","nrs":3,"note":"tired"},
                {"kind":"NRS_BEFORE"}]}
                """);

        assertThat(problems).contains(
                "$.format: must be \"rollwell.diary/1\" (the format this Rollwell reads), was the text \"rollwell.diary/2\"",
                "$.firstSessionDate: no such date \"2026-09-31\"",
                "$.entries[0].nrs: must be a whole number 0–10, was 11",
                "$.entries[1].enjoyment: must be a whole number, 0–10, was 5.5",
                "$.entries[1].activity: must be a whole number 0–10, was -1",
                "$.entries[2].pgic: must be a whole number 1–7, was 0",
                "$.entries[3].pressure: unknown pressure \"HARD\"; must be one of TOO_GENTLE, RIGHT, TOO_STRONG",
                "$.entries[3].heat: unknown heat \"right\"; must be one of TOO_COOL, RIGHT, TOO_HOT",
                "$.entries[4].date: must be a date YYYY-MM-DD, was the text \"2026/09/02\"",
                "$.entries[5].kind: unknown kind \"MOOD\"; must be one of NRS_DAILY, NRS_BEFORE, NRS_AFTER, PEG, PGIC, FEEDBACK",
                "$.entries[6].note: unknown field; known fields are date, kind, nrs",
                "$.entries[7].date: missing; must be a date YYYY-MM-DD",
                "$.entries[7].nrs: missing; must be a whole number 0–10");
    }

    @Test
    void a_whole_rating_written_with_a_decimal_point_is_the_same_rating() {
        ParseResult<Diary> result = DiaryParser.parse(withEntries("{\"date\":\"2026-09-03\",\"kind\":\"NRS_DAILY\",\"nrs\":6.0}"));
        assertThat(((ParseResult.Parsed<Diary>) result).value().dailyNrs()).singleElement()
                .extracting(DiaryEntry.Nrs::nrs).isEqualTo(6);
        assertThat(problems(withEntries("{\"date\":\"2026-09-03\",\"kind\":\"NRS_DAILY\",\"nrs\":\"6\"}")))
                .containsExactly("$.entries[0].nrs: must be a whole number 0–10, was the text \"6\"");
    }

    @Test
    void a_session_entry_before_the_first_session_is_refused() {
        assertThat(problems(withEntries("{\"date\":\"2026-08-30\",\"kind\":\"NRS_AFTER\",\"nrs\":3}")))
                .containsExactly("$.entries[0].date: a NRS_AFTER entry on 2026-08-30 comes before the first session"
                        + " (firstSessionDate 2026-09-01)");
    }

    @Test
    void a_second_daily_rating_on_one_day_is_refused_but_two_sessions_a_day_are_fine() {
        assertThat(problems(withEntries("{\"date\":\"2026-09-03\",\"kind\":\"NRS_DAILY\",\"nrs\":3},"
                + "{\"date\":\"2026-09-03\",\"kind\":\"NRS_DAILY\",\"nrs\":4}")))
                .containsExactly("$.entries[1]: a second NRS_DAILY on 2026-09-03 (the first is $.entries[0]); keep one");
        assertThat(DiaryParser.parse(withEntries("{\"date\":\"2026-09-03\",\"kind\":\"NRS_BEFORE\",\"nrs\":3},"
                + "{\"date\":\"2026-09-03\",\"kind\":\"NRS_BEFORE\",\"nrs\":4}")).ok()).isTrue();
    }

    @Test
    void the_top_level_is_checked_too() {
        assertThat(problems("[]")).containsExactly("$: must be a rollwell.diary/1 object, was a list");
        assertThat(problems("")).containsExactly("$: empty; expected a rollwell.diary/1 object");
        assertThat(problems("{\"format\":\"rollwell.diary/1\",\"entries\":{},\"extra\":1}")).containsExactly(
                "$.extra: unknown field; known fields are format, firstSessionDate, entries",
                "$.firstSessionDate: missing; must be a date YYYY-MM-DD",
                "$.entries: must be a list of entries (it may be empty), was an object");
        assertThat(problems("{\"format\":\"rollwell.diary/1\",")).singleElement().asString()
                .startsWith("$: not valid JSON at line 1");
        assertThat(problems("{\"format\":\"rollwell.diary/1\",\"format\":\"x\"}")).singleElement().asString()
                .contains("Duplicate field 'format'");
    }

    @Test
    void a_diary_over_one_mebibyte_is_refused_before_it_is_read() {
        StringBuilder big = new StringBuilder();
        String entry = "{\"date\":\"2026-09-03\",\"kind\":\"NRS_BEFORE\",\"nrs\":3},";
        while (big.length() <= DiaryParser.MAX_BYTES) {
            big.append(entry);
        }
        big.append(entry, 0, entry.length() - 1);
        assertThat(problems(withEntries(big.toString()))).singleElement().asString()
                .startsWith("$: the diary is ").endsWith("at most 1048576 (1 MiB) are read");
        assertThat(DiaryParser.MAX_BYTES).isEqualTo(1 << 20);
    }
}
