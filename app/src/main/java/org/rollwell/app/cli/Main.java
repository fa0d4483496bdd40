package org.rollwell.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code rollwell} command. Exit codes: 0 ok, 2 bad input, 3 blocked, rejected
 * or faulted; 1 only for a defect in Rollwell itself. Every refusal is one clear line
 * (or one line per problem) on stderr, never a stack trace, and every error line starts
 * {@code rollwell COMMAND: }.
 */
@Command(name = "rollwell",
        mixinStandardHelpOptions = true,
        version = "rollwell 0.1.0",
        description = {
                "Open controller and therapy companion for home thermal massage beds.",
                "Without a command, runs 'rollwell serve' with its defaults: the companion on http://127.0.0.1:8080/",
                "with a simulated bed and the data in ~/.rollwell/."},
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        footer = {"",
                "Exit codes: 0 ok, 2 bad input, 3 blocked (screening), rejected or faulted.",
                "Run 'rollwell COMMAND --help' for a command's options."},
        subcommands = {
                ProgramsCommand.class,
                ProgramCommand.class,
                ScreeningCommand.class,
                PlanCommand.class,
                SimulateCommand.class,
                CampaignCommand.class,
                ScanCommand.class,
                ProgressCommand.class,
                CourseCommand.class,
                ReportCommand.class,
                ExportCommand.class,
                ServiceCommand.class,
                ServeCommand.class,
                BackupCommand.class,
                HubCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_BLOCKED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** What {@code rollwell} alone runs. */
    static final String DEFAULT_COMMAND = "serve";

    /** No command: the product itself, {@code rollwell serve} with every default (issue 11 item 1). */
    @Override
    public Integer call() {
        return spec.commandLine().execute(DEFAULT_COMMAND);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // "--goal stress" reads as well as "--goal STRESS".
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            // One line: the reason and where to look (picocli's messages name the option).
            String reason = ex.getMessage().startsWith("Error: ") ? ex.getMessage().substring(7) : ex.getMessage();
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName() + ": " + reason
                    + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
            return EXIT_BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof BadInputException bad) {
                for (String line : bad.lines()) {
                    cmd.getErr().println(prefix(cmd) + line);
                }
                return EXIT_BAD_INPUT;
            }
            // A defect in Rollwell, not the user's input: one line that can be reported, no stack trace.
            cmd.getErr().println(prefix(cmd) + "internal error, please report it: " + ex);
            return EXIT_INTERNAL;
        });
        return cl;
    }

    /** The one prefix of every error line: {@code rollwell COMMAND: } ({@code rollwell scan analyze: }). */
    static String prefix(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName() + ": ";
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
