package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.program.Program;
import org.rollwell.therapy.program.ProgramLibrary;
import org.rollwell.therapy.program.ProgramParser;

class ProgramCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void programs_lists_every_built_in_program_as_a_table_a_person_can_scan() {
        Cli run = Cli.run("programs");

        assertThat(run.exit()).isZero();
        assertThat(run.out().lines().findFirst()).hasValueSatisfying(h -> assertThat(h).contains("ID", "NAME", "LENGTH"));
        for (Program p : ProgramLibrary.builtIn().programs()) {
            assertThat(run.out()).contains(p.id(), p.name());
        }
    }

    @Test
    void programs_json_gives_id_name_goals_conditions_and_minutes_and_covers_every_goal() throws Exception {
        Cli run = Cli.run("programs", "--json");

        assertThat(run.exit()).isZero();
        JsonNode array = JSON.readTree(run.out());
        assertThat(array.size()).isEqualTo(ProgramLibrary.builtIn().programs().size()).isGreaterThanOrEqualTo(10);
        List<String> goals = new ArrayList<>();
        for (JsonNode p : array) {
            assertThat(iterableOf(p.fieldNames())).containsExactly("id", "name", "goals", "conditions", "minutes");
            assertThat(p.get("minutes").isNumber()).isTrue();
            p.get("goals").forEach(g -> goals.add(g.asText()));
        }
        for (Goal goal : Goal.values()) {
            assertThat(goals).as("some program serves %s", goal).contains(goal.name());
        }
    }

    @Test
    void program_show_walks_through_each_step_with_dose_heat_and_time() {
        Program first = ProgramLibrary.builtIn().programs().get(0);

        Cli run = Cli.run("program", "show", first.id());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains(first.name(), first.description(), " min", " N (");
        assertThat(run.out().lines().filter(l -> l.matches(" *\\d+\\. .*"))).hasSize(first.segments().size());
    }

    @Test
    void program_show_json_is_a_program_file_that_check_accepts(@TempDir Path dir) throws Exception {
        for (Program program : ProgramLibrary.builtIn().programs()) {
            Cli run = Cli.run("program", "show", program.id(), "--json");
            assertThat(run.exit()).isZero();

            ParseResult<Program> back = ProgramParser.parse(run.out());
            assertThat(back.problems()).as(program.id()).isEmpty();
            assertThat(((ParseResult.Parsed<Program>) back).value()).isEqualTo(program);

            Path file = dir.resolve(program.id() + ".json");
            Files.writeString(file, run.out());
            assertThat(Cli.run("program", "check", file.toString()).exit()).isZero();
        }
    }

    @Test
    void an_unknown_program_id_is_refused_with_the_ids_there_are() {
        Cli run = Cli.run("program", "show", "massage-deluxe").refusedAsBadInput();

        assertThat(run.errLines()).singleElement().asString()
                .contains("massage-deluxe", ProgramLibrary.builtIn().programs().get(0).id());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void check_accepts_a_valid_program_file(@TempDir Path dir) throws Exception {
        Path file = writeBuiltIn(dir, "lumbar-tension");

        Cli run = Cli.run("program", "check", file.toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("OK", "lumbar-tension");
    }

    @Test
    void check_reports_every_problem_on_its_own_line_as_path_and_reason(@TempDir Path dir) throws Exception {
        Path good = writeBuiltIn(dir, "lumbar-tension");
        String text = Files.readString(good)
                .replace("\"technique\": \"KNEAD\"", "\"technique\": \"KNUDGE\"")
                .replace("\"seconds\": 300", "\"seconds\": -3");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text);

        Cli run = Cli.run("program", "check", bad.toString()).refusedAsBadInput();

        assertThat(run.errLines()).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(line -> assertThat(line).startsWith("rollwell program check: " + bad + ": $"))
                .anySatisfy(line -> assertThat(line).contains(": $.segments[").contains(".technique: ").contains("KNUDGE"))
                .anySatisfy(line -> assertThat(line).contains(".seconds: "));
    }

    @Test
    void check_json_lists_the_problems_with_path_and_reason_and_still_exits_2(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"rollwell.program/9\"}");

        Cli run = Cli.run("program", "check", bad.toString(), "--json");

        assertThat(run.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        JsonNode root = JSON.readTree(run.out());
        assertThat(root.get("status").asText()).isEqualTo("REFUSED");
        assertThat(root.get("problems").get(0).get("path").asText()).startsWith("$");
        assertThat(root.get("problems").get(0).get("reason").asText()).isNotBlank();
    }

    @Test
    void check_refuses_a_missing_file_malformed_json_and_a_folder_in_one_line(@TempDir Path dir) throws Exception {
        Cli missing = Cli.run("program", "check", dir.resolve("nope.json").toString()).refusedAsBadInput();
        assertThat(missing.errLines()).singleElement().asString().contains("nope.json", "no such file");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"format\": \"rollwell.program/1\", ");
        Cli malformed = Cli.run("program", "check", broken.toString()).refusedAsBadInput();
        assertThat(malformed.errLines()).singleElement().asString()
                .startsWith("rollwell program check: " + broken + ": $: not valid JSON at line 1");

        Cli folder = Cli.run("program", "check", dir.toString()).refusedAsBadInput();
        assertThat(folder.errLines()).singleElement().asString().contains("folder");
    }

    @Test
    void every_program_command_explains_itself_with_help() {
        assertThat(Cli.run("programs", "--help").out()).contains("--json");
        assertThat(Cli.run("program", "--help").out()).contains("show", "check");
        assertThat(Cli.run("program", "show", "--help").out()).contains("ID", "--json");
        assertThat(Cli.run("program", "check", "--help").out()).contains("FILE", "PATH: reason");
    }

    @Test
    void check_without_a_file_names_what_is_missing() {
        Cli run = Cli.run("program", "check").refusedAsBadInput();

        assertThat(run.errLines()).singleElement().asString().contains("FILE");
    }

    private static Path writeBuiltIn(Path dir, String id) throws Exception {
        Path file = dir.resolve(id + ".json");
        Files.writeString(file, Cli.run("program", "show", id, "--json").out());
        return file;
    }

    private static <T> List<T> iterableOf(java.util.Iterator<T> it) {
        List<T> list = new ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
