package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command and subcommand, found by walking the command tree, explains itself with --help. */
class HelpTest {

    static List<String> commands() {
        List<String> paths = new ArrayList<>();
        walk(Main.commandLine(), "", paths);
        return paths;
    }

    private static void walk(CommandLine cl, String prefix, List<String> paths) {
        for (var entry : cl.getSubcommands().entrySet()) {
            String name = entry.getValue().getCommandName();
            if (name.equals("help") || !entry.getKey().equals(name)) {
                continue; // picocli's own help, or an alias of a command already walked
            }
            String path = (prefix + " " + name).trim();
            paths.add(path);
            walk(entry.getValue(), path, paths);
        }
    }

    @ParameterizedTest(name = "rollwell {0} --help")
    @MethodSource("commands")
    void every_command_has_a_help_with_a_one_line_summary_and_its_usage(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");

        Cli run = Cli.run(args.toArray(String[]::new));

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Usage: rollwell " + command);
        assertThat(run.out().lines().findFirst()).hasValueSatisfying(summary -> assertThat(summary).endsWith("."));
        assertThat(run.err()).as("no picocli warnings").isEmpty();
    }
}
