package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollwell.app.scenario.ScenarioParser;

/**
 * Issue 10 item 3: error messages name the file, accept a UTF-8 byte order mark, tell YAML that only
 * JSON is read, and every error line starts with one prefix, {@code rollwell COMMAND:}.
 */
class ErrorLinesTest {

    private static final Path EXAMPLES = Path.of("../examples");
    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String CHECK_IN = "{\"format\": \"rollwell.checkin/1\", \"date\": \"2026-11-30\","
            + " \"answers\": {\"RF_CAUDA_EQUINA\": false, \"RF_PROGRESSIVE_DEFICIT\": false, \"RF_FEVER_INFECTION\": false},"
            + " \"painNowNrs\": 4}";
    private static final String YAML = "format: rollwell.profile/1\nheightCm: 175\nweightKg: 72\n";

    @TempDir
    Path dir;

    @Test
    void every_file_a_command_reads_is_refused_naming_the_file_the_path_and_the_reason() throws IOException {
        Path profile = write("profile.json", Profiles.ANNA.replace("\"heightCm\": 175", "\"heightCm\": 900"));
        Path checkIn = write("checkin.json", CHECK_IN.replace("\"painNowNrs\": 4", "\"painNowNrs\": 11"));
        Path bed = write("bed.json", "{\"format\": \"rollwell.bedspec/1\", \"loopHz\": 5}");
        Path diary = write("diary.json", example("diaries/first-week.json").replaceFirst("\"nrs\":6", "\"nrs\":12"));
        Path program = write("program.json", Cli.run("program", "show", "lumbar-tension", "--json").out()
                .replaceFirst("\"seconds\": \\d+", "\"seconds\": 5"));
        Path scenario = write("scenario.json", example("scenarios/clean-40min.json").replace("\"minutes\": 40", "\"minutes\": 600"));
        Path good = write("anna.json", Profiles.ANNA);

        assertRefused(Cli.run("plan", "--profile", profile.toString(), "--goal", "STRESS", "--minutes", "20"),
                "rollwell plan: " + profile + ": $.heightCm: must be 100–250 cm, was 900");
        assertRefused(Cli.run("plan", "--profile", good.toString(), "--check-in", checkIn.toString(), "--goal", "STRESS",
                "--minutes", "20"), "rollwell plan: " + checkIn + ": $.painNowNrs: must be a whole number 0–10, was 11");
        assertRefused(Cli.run("plan", "--profile", good.toString(), "--bed", bed.toString(), "--goal", "STRESS", "--minutes", "20"),
                "rollwell plan: " + bed + ": $.loopHz: must be 10–1000, was 5");
        assertRefused(Cli.run("progress", "--diary", diary.toString(), "--date", "2026-09-10"),
                "rollwell progress: " + diary + ": $.entries[");
        assertThat(Cli.run("progress", "--diary", diary.toString(), "--date", "2026-09-10").err())
                .contains(".nrs: must be a whole number 0–10, was 12");
        assertRefused(Cli.run("program", "check", program.toString()),
                "rollwell program check: " + program + ": $.segments[0].seconds: must be a whole number 10–3600 s, was 5");
        assertRefused(Cli.run("simulate", "--scenario", scenario.toString(), "--quiet"),
                "rollwell simulate: " + scenario + ": $.minutes: must be a whole number 10–60 min, was 600");
    }

    @Test
    void a_file_saved_with_a_utf8_byte_order_mark_is_read() throws Exception {
        Path profile = withMark("anna.json", Profiles.ANNA);
        Path checkIn = withMark("checkin.json", CHECK_IN);
        Path bed = withMark("bed.json", example("beds/compact-800.json"));
        Path diary = withMark("diary.json", example("diaries/first-week.json"));
        Path program = withMark("program.json", Cli.run("program", "show", "lumbar-tension", "--json").out());
        Path scenario = withMark("scenario.json", example("scenarios/clean-40min.json"));

        assertThat(Cli.run("plan", "--profile", profile.toString(), "--check-in", checkIn.toString(), "--bed", bed.toString(),
                "--goal", "STRESS", "--minutes", "20", "--date", "2026-11-30").exit()).isEqualTo(Main.EXIT_OK);
        assertThat(Cli.run("progress", "--diary", diary.toString(), "--date", "2026-09-10").exit()).isEqualTo(Main.EXIT_OK);
        assertThat(Cli.run("program", "check", program.toString()).exit()).isEqualTo(Main.EXIT_OK);
        assertThat(ScenarioParser.parse(scenario).minutes()).isEqualTo(40);
    }

    @Test
    void a_file_written_in_yaml_is_told_that_only_json_is_read() throws IOException {
        Path yaml = write("anna.yaml", YAML);
        Path good = write("anna.json", Profiles.ANNA);
        String only = ": $: only JSON is read, and this looks like YAML";

        assertRefused(Cli.run("plan", "--profile", yaml.toString(), "--goal", "STRESS", "--minutes", "20"),
                "rollwell plan: " + yaml + only);
        assertRefused(Cli.run("plan", "--profile", good.toString(), "--check-in", yaml.toString(), "--goal", "STRESS",
                "--minutes", "20"), "rollwell plan: " + yaml + only);
        assertRefused(Cli.run("plan", "--profile", good.toString(), "--bed", yaml.toString(), "--goal", "STRESS",
                "--minutes", "20"), "rollwell plan: " + yaml + only);
        assertRefused(Cli.run("progress", "--diary", yaml.toString()), "rollwell progress: " + yaml + only);
        assertRefused(Cli.run("program", "check", yaml.toString()), "rollwell program check: " + yaml + only);
        assertRefused(Cli.run("simulate", "--scenario", yaml.toString(), "--quiet"), "rollwell simulate: " + yaml + only);
    }

    @Test
    void every_error_line_of_every_command_starts_with_rollwell_and_the_command() throws IOException {
        Path missing = dir.resolve("missing.json");
        Path notADir = write("plain.txt", "x");
        Path good = write("anna.json", Profiles.ANNA);
        List<List<String>> runs = List.of(
                List.of("programs", "--bogus"),
                List.of("program", "show", "no-such-program"),
                List.of("program", "check", missing.toString()),
                List.of("program", "check", dir.toString()),
                List.of("screening", "questions", "--bogus"),
                List.of("plan", "--goal", "STRESS", "--minutes", "20"),
                List.of("plan", "--profile", missing.toString(), "--goal", "STRESS", "--minutes", "20"),
                List.of("plan", "--profile", good.toString(), "--goal", "STRESS", "--minutes", "5"),
                List.of("plan", "--profile", good.toString(), "--goal", "STRESS", "--minutes", "20", "--date", "30.11.2026"),
                List.of("plan", "--profile", good.toString(), "--program", "spa", "--minutes", "20"),
                List.of("simulate", "--scenario", missing.toString()),
                List.of("simulate", "--scenario", missing.toString(), "--trace-every", "0", "--trace", "t.csv"),
                List.of("campaign", "--runs", "0"),
                List.of("campaign", "--runs", "1", "--profiles", notADir.toString()),
                List.of("scan", "analyze", missing.toString()),
                List.of("scan", "simulate", "--body", "nonsense", "--out", dir.resolve("t.csv").toString()),
                List.of("scan", "simulate", "--body", "heightCm=175", "--exclude", "x", "--out", dir.resolve("t.csv").toString()),
                List.of("progress", "--diary", missing.toString()),
                List.of("progress", "--diary", missing.toString(), "--date", "2026-02-30"),
                List.of("service", "reset", "--lift", "--by", " ", "--reason", "checked", "--data-dir", dir.toString()),
                List.of("service", "reset", "--by", "me", "--reason", "checked", "--data-dir", dir.toString()),
                List.of("service", "locks", "--bogus"));
        for (List<String> args : runs) {
            String command = "rollwell " + commandOf(args) + ": ";
            Cli run = Cli.run(args.toArray(String[]::new));

            assertThat(run.exit()).as("exit of %s; stderr %s", args, run.err()).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(run.errLines()).as("stderr of %s", args).isNotEmpty()
                    .allSatisfy(line -> assertThat(line).startsWith(command));
        }
    }

    /** The command words of {@code args}: those before the first option or file. */
    private static String commandOf(List<String> args) {
        StringBuilder words = new StringBuilder(args.get(0));
        if (List.of("program", "scan", "service", "screening").contains(args.get(0))) {
            words.append(' ').append(args.get(1));
        }
        return words.toString();
    }

    private static void assertRefused(Cli run, String firstLineStart) {
        run.refusedAsBadInput();
        assertThat(run.errLines()).first().asString().startsWith(firstLineStart);
        assertThat(run.out()).isEmpty();
    }

    private static String example(String name) throws IOException {
        return Files.readString(EXAMPLES.resolve(name), StandardCharsets.UTF_8);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private Path withMark(String name, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[BYTE_ORDER_MARK.length + body.length];
        System.arraycopy(BYTE_ORDER_MARK, 0, bytes, 0, BYTE_ORDER_MARK.length);
        System.arraycopy(body, 0, bytes, BYTE_ORDER_MARK.length, body.length);
        return Files.write(dir.resolve(name), bytes);
    }
}
