package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code rollwell ARGS} in-process, the way a user would from a shell, capturing stdout and stderr. */
record Cli(int exit, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // the command line Main.main builds for these arguments (serve alone for the server's start)
        CommandLine cl = Main.commandLine(args);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }

    /** A refusal a person can read: exit 2, something on stderr, no stack trace, no partial answer on stdout. */
    Cli refusedAsBadInput() {
        assertThat(exit).as("exit code; stderr was: %s", err).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(err).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        return this;
    }

    /** The stderr lines, without blank ones. */
    java.util.List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }
}
