package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rollwell course} on the sample diaries: the seeded improving person and the one who does not improve. */
class CourseCommandTest {

    private static final Path IMPROVING = Path.of("..", "examples", "diaries", "improving.json");
    private static final Path NOT_IMPROVING = Path.of("..", "examples", "diaries", "not-improving.json");

    @TempDir
    Path dir;

    @Test
    void in_the_second_week_it_shows_the_week_the_sessions_so_far_and_what_is_due() {
        Cli run = Cli.run("course", "--start", "2026-09-01", "--diary", IMPROVING.toString(), "--date", "2026-09-09");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Course studied (Kim et al. 2023): 40 min, once a day on 5 days a week for 4 weeks",
                "week 2 of 4", "planned so far (20 in the whole course)");
    }

    @Test
    void at_the_end_the_improving_person_is_likely_better_and_the_other_is_told_about_a_clinical_review() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode better = json.readTree(Cli.run("course", "--start", "2026-09-01", "--diary", IMPROVING.toString(),
                "--date", "2026-11-23", "--course", write("eleven.json", 11), "--json").out());
        Cli flat = Cli.run("course", "--start", "2026-09-01", "--diary", NOT_IMPROVING.toString(), "--date", "2026-11-23",
                "--course", write("eleven.json", 11));

        assertThat(better.get("phase").asText()).isEqualTo("FINISHED");
        assertThat(better.get("progress").get("verdict").asText()).isEqualTo("LIKELY_BETTER");
        assertThat(better.get("sessions").get("plannedTotal").asInt()).isEqualTo(55);
        assertThat(better.get("sessions").get("deliveredSoFar").asInt()).isBetween(1, 55);
        assertThat(better.get("reviewSuggested").asBoolean()).isFalse();
        assertThat(flat.exit()).as(flat.err()).isZero();
        assertThat(flat.out()).contains("Did it help? UNCLEAR", "clinical review and exercise");
    }

    @Test
    void a_course_past_the_daily_limits_is_refused_with_every_reason() throws Exception {
        Path mine = Files.writeString(dir.resolve("mine.json"), "{\"format\":\"rollwell.course/1\",\"name\":\"mine\","
                + "\"minutesPerSession\":90,\"sessionsPerDay\":3,\"days\":[\"MONDAY\"],\"weeks\":4}");

        Cli run = Cli.run("course", "--start", "2026-09-01", "--diary", IMPROVING.toString(), "--course", mine.toString());

        run.refusedAsBadInput();
        assertThat(run.errLines()).hasSize(2).anySatisfy(l -> assertThat(l).contains("$.minutesPerSession", "90"))
                .anySatisfy(l -> assertThat(l).contains("$.sessionsPerDay", "at most 2 sessions a day"));
    }

    private String write(String name, int weeks) throws Exception {
        return Files.writeString(dir.resolve(name), "{\"format\":\"rollwell.course/1\",\"name\":\"twelve weeks\","
                + "\"minutesPerSession\":40,\"sessionsPerDay\":1,\"days\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\","
                + "\"THURSDAY\",\"FRIDAY\"],\"weeks\":" + weeks + "}").toString();
    }
}
