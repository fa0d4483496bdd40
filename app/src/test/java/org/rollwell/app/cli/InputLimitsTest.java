package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: every file a person hands Rollwell has a size limit, checked before the whole file is
 * read, and a file over it is refused in one line naming the file and the limit (exit 2), never an
 * OutOfMemoryError. Program, profile and scenario files: 1 MiB; scan traces: 16 MiB or 500,000 rows.
 */
class InputLimitsTest {

    @TempDir
    Path dir;

    /** A JSON object padded with spaces to just over 1 MiB: well-formed, only too large. */
    private Path oversizedJson(String name) throws IOException {
        Path file = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("{\"format\": \"rollwell.profile/1\"");
            w.write(" ".repeat((1 << 20) + 10));
            w.write("}\n");
        }
        return file;
    }

    @Test
    void a_profile_over_1_MiB_is_refused_naming_the_file_and_the_limit() throws IOException {
        Path profile = oversizedJson("huge-profile.json");

        Cli run = Cli.run("plan", "--profile", profile.toString(), "--goal", "stress", "--minutes", "30").refusedAsBadInput();

        assertThat(run.err()).contains(profile.toString()).contains("1 MiB");
    }

    @Test
    void a_program_file_over_1_MiB_is_refused_naming_the_file_and_the_limit() throws IOException {
        Path program = oversizedJson("huge-program.json");

        Cli run = Cli.run("program", "check", program.toString()).refusedAsBadInput();

        assertThat(run.err()).contains(program.toString()).contains("1 MiB");
    }

    @Test
    void a_scenario_over_1_MiB_is_refused_naming_the_file_and_the_limit() throws IOException {
        Path scenario = oversizedJson("huge-scenario.json");

        Cli run = Cli.run("simulate", "--scenario", scenario.toString(), "-q").refusedAsBadInput();

        assertThat(run.err()).contains(scenario.toString()).contains("1 MiB");
    }

    @Test
    void a_profile_of_exactly_1_MiB_is_read_and_judged_on_its_content() throws IOException {
        Path file = dir.resolve("at-limit.json");
        String head = "{\"format\": \"rollwell.profile/1\"";
        Files.writeString(file, head + " ".repeat((1 << 20) - head.length() - 1) + "}");
        assertThat(Files.size(file)).isEqualTo(1L << 20);

        Cli run = Cli.run("plan", "--profile", file.toString(), "--goal", "stress", "--minutes", "30").refusedAsBadInput();

        // refused for what it lacks, not for its size
        assertThat(run.err()).doesNotContain("1 MiB");
    }

    @Test
    void an_endless_device_as_scan_trace_is_refused_at_16_MiB_instead_of_running_out_of_memory() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero), "a /dev/zero to read");

        Cli run = Cli.run("scan", "analyze", zero.toString()).refusedAsBadInput();

        assertThat(run.err()).contains("/dev/zero").contains("16 MiB");
    }

    @Test
    void a_scan_trace_over_16_MiB_is_refused_naming_the_file_and_the_limit() throws IOException {
        Path trace = dir.resolve("huge.csv");
        try (Writer w = Files.newBufferedWriter(trace)) {
            w.write("position_mm,lift_mm,force_n\n");
            String row = "100.000000000,20.000000000,80.000000000\n";
            for (long written = 0; written <= 16L << 20; written += row.length()) {
                w.write(row);
            }
        }

        Cli run = Cli.run("scan", "analyze", trace.toString()).refusedAsBadInput();

        assertThat(run.err()).contains(trace.toString()).contains("16 MiB");
    }

    @Test
    void a_scan_trace_of_more_than_500000_rows_is_refused_naming_the_file_and_the_limit() throws IOException {
        Path trace = dir.resolve("long.csv");
        try (Writer w = Files.newBufferedWriter(trace)) {
            w.write("position_mm,lift_mm,force_n\n");
            for (int i = 0; i <= 500_000; i++) {
                w.write("1,2,3\n");
            }
        }
        assertThat(Files.size(trace)).isLessThan(16L << 20);

        Cli run = Cli.run("scan", "analyze", trace.toString()).refusedAsBadInput();

        assertThat(run.err()).contains(trace.toString()).contains("500,000, the limit");
    }
}
