package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void help_lists_every_command_and_says_that_rollwell_alone_serves() {
        Cli run = Cli.run("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: rollwell", "programs", "program ", "screening", "plan", "simulate", "scan",
                "serve", "backup", "Exit codes", "Without a command, runs 'rollwell serve'");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void rollwell_alone_runs_serve_and_so_refuses_what_serve_refuses() {
        // serve's defaults bind 127.0.0.1:8080 (ServeLifecycleTest runs that in a child JVM); here, a
        // sign that bare rollwell goes through serve: its refusal of an unusable home folder.
        String home = System.getProperty("user.home");
        try {
            System.setProperty("user.home", "/dev/null/not-a-folder");
            Cli run = Cli.run().refusedAsBadInput();
            assertThat(run.err()).startsWith("rollwell serve: ");
        } finally {
            System.setProperty("user.home", home);
        }
    }

    @Test
    void an_unknown_command_is_refused_in_one_line_naming_it() {
        Cli run = Cli.run("massage-now").refusedAsBadInput();

        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("massage-now");
    }

    @Test
    void version_and_help_work() {
        assertThat(Cli.run("--version").out()).contains("rollwell 0.1.0");
        assertThat(Cli.run("--help").out()).contains("Commands:");
        assertThat(Cli.run("help", "screening").out()).contains("questions");
    }

    @Test
    void the_server_starts_without_building_the_other_commands_and_reads_the_same() {
        assertThat(Main.commandLine().getSubcommands()).containsKeys("serve", "simulate", "campaign", "backup", "help");
        assertThat(Main.commandLine("serve", "--port", "0").getSubcommands()).containsOnlyKeys("serve");
        assertThat(Main.commandLine(new String[0]).getSubcommands()).containsOnlyKeys("serve");
        assertThat(Main.commandLine("simulate").getSubcommands().keySet())
                .containsExactlyElementsOf(Main.commandLine().getSubcommands().keySet()).hasSize(16);

        String fullServeHelp = Main.commandLine(new String[] {"--help"}).getSubcommands().get("serve").getUsageMessage();
        assertThat(Cli.run("serve", "--help").out()).isEqualTo(fullServeHelp);
        Cli refused = Cli.run("serve", "--port", "70000").refusedAsBadInput();
        assertThat(refused.err()).startsWith("rollwell serve: ").contains("--port");
    }
}
