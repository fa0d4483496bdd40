package org.rollwell.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rollwell.app.json.Json;
import org.rollwell.therapy.output.ProgramJson;
import org.rollwell.therapy.program.Program;
import org.rollwell.therapy.program.ProgramLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rollwell programs}: the built-in program library. */
@Command(name = "programs",
        header = "List the built-in massage programs.",
        mixinStandardHelpOptions = true,
        description = "Lists each program's id, name, length as written, the goals it serves and the conditions it is"
                + " written to suit. A plan fits a program to a person and their limits.")
final class ProgramsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array of {\"id\",\"name\",\"goals\",\"conditions\",\"minutes\"}.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Program> programs = ProgramLibrary.builtIn().programs();
        if (json) {
            ArrayNode array = Json.array();
            programs.forEach(p -> array.add(ProgramJson.summary(p)));
            out.print(Json.write(array));
        } else {
            int idWidth = "ID".length();
            int nameWidth = "NAME".length();
            for (Program p : programs) {
                idWidth = Math.max(idWidth, p.id().length());
                nameWidth = Math.max(nameWidth, p.name().length());
            }
            String row = "%-" + idWidth + "s  %-" + nameWidth + "s  %8s  %s%n";
            out.printf(Locale.ROOT, row, "ID", "NAME", "LENGTH", "GOALS / SUITS");
            for (Program p : programs) {
                out.printf(Locale.ROOT, row, p.id(), p.name(), minutes(p), goalsAndSuits(p));
            }
            out.println();
            out.println("Details: rollwell program show ID    Plan one: rollwell plan --profile FILE --program ID --minutes N");
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private static String goalsAndSuits(Program p) {
        List<String> goals = new ArrayList<>();
        p.goals().forEach(g -> goals.add(g.name()));
        String text = String.join(", ", goals);
        if (!p.suits().isEmpty()) {
            List<String> suits = new ArrayList<>();
            p.suits().forEach(c -> suits.add(c.name()));
            text += " / suits " + String.join(", ", suits);
        }
        return text;
    }

    /** A program's running time as written, e.g. {@code 40 min} or {@code 12.5 min}. */
    static String minutes(Program p) {
        double min = p.minutes();
        return min == Math.rint(min) ? String.format(Locale.ROOT, "%.0f min", min) : String.format(Locale.ROOT, "%.1f min", min);
    }

    /** The built-in program {@code id}, or a refusal listing the ids there are. */
    static Program find(String id) {
        ProgramLibrary library = ProgramLibrary.builtIn();
        return library.find(id).orElseThrow(() -> {
            List<String> ids = new ArrayList<>();
            library.programs().forEach(p -> ids.add(p.id()));
            return new BadInputException("no program \"" + id + "\"; known programs: " + String.join(", ", ids));
        });
    }
}
