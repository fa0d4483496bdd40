package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code rollwell serve}: opens the data directory, prints the address, answers there; bad options are refused. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void serve_opens_the_database_in_the_data_directory_prints_the_address_and_answers_there() throws Exception {
        ServeCommand serve = new ServeCommand();
        CommandLine cl = new CommandLine(serve);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.parseArgs("--port", "0", "--data-dir", dir.toString());

        try (ServeCommand.Running running = serve.start()) {
            assertThat(out.toString()).contains("Rollwell serves " + running.address())
                    // what the kernel granted the control loop's thread, in words (LoopSchedulingTest checks the words)
                    .contains("The bed's control loop runs with " + running.bed().scheduling().detail() + ".");
            assertThat(running.address()).startsWith("http://127.0.0.1:").doesNotEndWith(":0/");
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(running.address() + "api/openapi.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"openapi\"");
        }
        assertThat(Files.exists(dir.resolve("rollwell.db"))).isTrue();
    }

    @Test
    void a_port_out_of_range_is_refused_naming_the_option() {
        assertThat(Cli.run("serve", "--port", "70000").refusedAsBadInput().errLines())
                .containsExactly("rollwell serve: --port must be 0..65535, was 70000");
    }

    @Test
    void a_bed_other_than_the_simulated_one_and_a_time_scale_out_of_range_are_refused_naming_the_option() {
        assertThat(Cli.run("serve", "--bed", "serial:/dev/ttyUSB0").refusedAsBadInput().err())
                .contains("--bed must be sim").contains("only the simulated bed exists today");
        assertThat(Cli.run("serve", "--time-scale", "0").refusedAsBadInput().errLines())
                .containsExactly("rollwell serve: --time-scale must be 1–100, was 0");
        assertThat(Cli.run("serve", "--time-scale", "101").refusedAsBadInput().err()).contains("--time-scale");
    }

    @Test
    void a_loop_priority_that_is_not_one_of_the_four_is_refused_naming_the_choices() {
        assertThat(Cli.run("serve", "--loop-priority", "fastest").refusedAsBadInput().errLines())
                .containsExactly("rollwell serve: --loop-priority must be auto, real-time, short-slice or normal, was \"fastest\"");
    }

    @Test
    void serve_drives_the_simulated_bed_which_starts_empty() throws Exception {
        ServeCommand serve = new ServeCommand();
        CommandLine cl = new CommandLine(serve);
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.parseArgs("--port", "0", "--data-dir", dir.toString(), "--time-scale", "50");
        try (ServeCommand.Running running = serve.start()) {
            HttpClient http = HttpClient.newHttpClient();
            String json = "{\"login\":\"anna\",\"password\":\"correct horse battery\"}";
            http.send(HttpRequest.newBuilder(URI.create(running.address() + "api/accounts"))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> in = http.send(HttpRequest.newBuilder(URI.create(running.address() + "api/session"))
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            String cookie = in.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
            HttpResponse<String> bed = http.send(HttpRequest.newBuilder(URI.create(running.address() + "api/bed"))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bed.statusCode()).isEqualTo(200);
            assertThat(bed.body()).contains("\"simulated\":true").contains("\"personOnBed\":false").contains("\"state\":\"IDLE\"");
        }
    }

    @Test
    void a_database_that_is_not_postgresql_or_two_databases_are_refused() {
        assertThat(Cli.run("serve", "--db", "jdbc:mysql://x/y").refusedAsBadInput().err()).contains("--db");
        assertThat(Cli.run("serve", "--db", "jdbc:postgresql://127.0.0.1:1/x", "--data-dir", dir.toString())
                .refusedAsBadInput().err()).contains("--data-dir");
    }

    @Test
    void a_postgresql_server_that_does_not_answer_is_refused_in_one_line() {
        Cli run = Cli.run("serve", "--db", "jdbc:postgresql://127.0.0.1:1/rollwell?connectTimeout=2",
                "--db-user", "u", "--db-password", "secret-pw").refusedAsBadInput();
        assertThat(run.err()).contains("rollwell serve").doesNotContain("secret-pw");
    }
}
