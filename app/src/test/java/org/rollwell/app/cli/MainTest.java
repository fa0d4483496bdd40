package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void rollwell_alone_prints_the_usage_with_every_command_until_the_server_exists() {
        Cli run = Cli.run();

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: rollwell", "programs", "program ", "screening", "plan", "simulate", "scan", "Exit codes");
        assertThat(run.err()).isEmpty();
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
}
