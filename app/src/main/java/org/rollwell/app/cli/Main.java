package org.rollwell.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code rollwell} command. Exit codes: 0 ok, 2 bad input, 3 blocked or rejected.
 */
@Command(name = "rollwell",
        mixinStandardHelpOptions = true,
        version = "rollwell 0.1.0",
        description = "Open controller and therapy companion for home thermal massage beds.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_BLOCKED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("rollwell: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return EXIT_BAD_INPUT;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
