package org.rollwell.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.rollwell.app.json.Json;
import org.rollwell.therapy.screening.ScreeningId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rollwell screening questions}: the safety screening a profile answers, in plain words. */
@Command(name = "screening",
        header = "The safety screening: questions, and what each answer does.",
        mixinStandardHelpOptions = true,
        description = "The safety screening every profile answers before any session: red flags, contraindications, precautions.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = ScreeningCommand.Questions.class)
final class ScreeningCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "questions",
            header = "List every screening question and what a yes does.",
            mixinStandardHelpOptions = true,
            description = {
                    "Lists every screening id with its yes/no question and what a \"yes\" does.",
                    "A profile answers each id true (yes) or false (no) under \"answers\";",
                    "an unanswered id is never taken as \"no\": the plan is blocked until it is answered."})
    static final class Questions implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print a JSON array of {\"id\",\"kind\",\"effect\",\"question\",\"yesMeans\"}.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode array = Json.array();
                for (ScreeningId id : ScreeningId.values()) {
                    ObjectNode n = array.addObject();
                    n.put("id", id.name());
                    n.put("kind", id.kind().name());
                    n.put("effect", id.effect().name());
                    n.put("question", id.question());
                    n.put("yesMeans", id.yesMeans());
                    n.put("needsRegion", id.needsRegion());
                    n.put("askedPositively", id.askedPositively());
                }
                out.print(Json.write(array));
            } else {
                ScreeningId.Kind kind = null;
                for (ScreeningId id : ScreeningId.values()) {
                    if (id.kind() != kind) {
                        kind = id.kind();
                        out.println(heading(kind));
                    }
                    out.println("  " + id.name());
                    out.println("    Q:   " + id.question());
                    out.println((id.askedPositively() ? "    no:  " : "    yes: ") + id.yesMeans());
                }
                out.println();
                out.println("Answer every id true or false in the profile's \"answers\"; a missing answer blocks the plan.");
                out.println("NO_DIAGNOSIS is asked the positive way round: answer \"no\" to its question as \"NO_DIAGNOSIS\": true.");
            }
            out.flush();
            return Main.EXIT_OK;
        }

        private static String heading(ScreeningId.Kind kind) {
            return switch (kind) {
                case RED_FLAG -> "Red flags (a yes blocks every session: see a clinician; NICE NG59, ACP 2017)";
                case CONTRAINDICATION -> "\nContraindications (a yes blocks, or keeps the rollers off part of the back)";
                case PRECAUTION -> "\nPrecautions (a yes lowers the dose)";
            } + ":";
        }
    }

}
