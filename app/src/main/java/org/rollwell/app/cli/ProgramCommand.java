package org.rollwell.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rollwell.app.json.Json;
import org.rollwell.therapy.output.ProgramJson;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.input.Problem;
import org.rollwell.therapy.program.Program;
import org.rollwell.therapy.program.ProgramParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rollwell program show ID | check FILE}: one program, built in or written by hand. */
@Command(name = "program",
        header = "Show a built-in program, or check a program file you wrote.",
        mixinStandardHelpOptions = true,
        description = "Shows a built-in program, or checks a program file you wrote (rollwell.program/1, docs/program-format.md).",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {ProgramCommand.Show.class, ProgramCommand.Check.class})
final class ProgramCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show",
            header = "Show a built-in program step by step.",
            mixinStandardHelpOptions = true,
            description = {
                    "Shows a built-in program step by step: technique, where on the back, dose, heat, time and why.",
                    "With --json it prints the program as a rollwell.program/1 file you can save, edit and check."})
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The program's id (see 'rollwell programs').")
        String id;

        @Option(names = "--json", description = "Print the program as a rollwell.program/1 file.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Program program = ProgramsCommand.find(id);
            if (json) {
                out.print(Json.write(ProgramJson.file(program)));
            } else {
                ProgramText.print(program, out);
            }
            out.flush();
            return Main.EXIT_OK;
        }
    }

    @Command(name = "check",
            header = "Check a program file and list every problem.",
            mixinStandardHelpOptions = true,
            description = {
                    "Checks a program file and reports every problem, one a line,",
                    "as FILE: PATH: reason (mine.json: $.segments[2].holdS: must be 5–120 s, was 300).",
                    "Exit 0 when the file is a valid program, 2 when it is refused or cannot be read."})
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The program file (JSON, rollwell.program/1).")
        Path file;

        @Option(names = "--json", description = "Print {\"status\":\"OK|REFUSED\",\"problems\":[{\"path\",\"reason\"}], ...} on stdout.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ParseResult<Program> result = ProgramParser.parse(file.toString(), InputFiles.read(file, "program file"));
            if (json) {
                ObjectNode root = Json.object();
                root.put("status", result.ok() ? "OK" : "REFUSED");
                if (result instanceof ParseResult.Parsed<Program> parsed) {
                    Program p = parsed.value();
                    root.put("id", p.id());
                    root.put("name", p.name());
                    root.set("minutes", Json.tenths(p.minutes()));
                    root.put("segments", p.segments().size());
                }
                ArrayNode problems = root.putArray("problems");
                for (Problem problem : result.problems()) {
                    problems.addObject().put("path", problem.path()).put("reason", problem.reason());
                }
                out.print(Json.write(root));
            } else if (result instanceof ParseResult.Parsed<Program> parsed) {
                Program p = parsed.value();
                out.printf(Locale.ROOT, "%s: OK, program \"%s\" (%s), %s, %d segments%n",
                        file, p.name(), p.id(), ProgramsCommand.minutes(p), p.segments().size());
            } else {
                for (Problem problem : result.problems()) {
                    err.println(Main.prefix(spec.commandLine()) + problem.line());
                }
            }
            out.flush();
            err.flush();
            return result.ok() ? Main.EXIT_OK : Main.EXIT_BAD_INPUT;
        }
    }
}
