package org.rollwell.app.cli;

import java.util.List;
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
                "Run 'rollwell COMMAND --help' for a command's options."})
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

    /**
     * Every command, in the order {@code rollwell --help} lists them. Added here rather than in the
     * annotation so that {@link #commandLine(String...)} can leave them out for the server's start.
     */
    private static final List<Class<?>> COMMANDS = List.of(
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
            CommandLine.HelpCommand.class);

    /** The full command line, every command. */
    public static CommandLine commandLine() {
        return configured(COMMANDS);
    }

    /**
     * The command line {@code args} need: for the server ({@code rollwell} alone or {@code rollwell serve …})
     * only {@code serve}, for anything else every command. Building picocli's model of all sixteen commands
     * costs the server's cold start 0.25–0.40 s of CPU (their options, their classes and the types they
     * name; measured with ThreadMXBean on this 2-core box), and the person waits for that start (issue 11:
     * ≤ 2 s to the first answer). {@code rollwell serve --help} and every message read the same either way.
     */
    public static CommandLine commandLine(String... args) {
        boolean serves = args.length == 0 || DEFAULT_COMMAND.equals(args[0]);
        return configured(serves ? List.of(ServeCommand.class) : COMMANDS);
    }

    private static CommandLine configured(List<Class<?>> commands) {
        CommandLine cl = new CommandLine(new Main());
        for (Class<?> command : commands) {
            cl.addSubcommand(command);
        }
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
        System.exit(commandLine(args).execute(args));
    }
}
