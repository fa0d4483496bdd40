package org.rollwell.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.rollwell.app.json.Json;
import org.rollwell.app.json.PlanJson;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.SessionPlanner;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.profile.ProfileParser;
import org.rollwell.therapy.program.Program;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rollwell plan}: a person's explained session plan inside their safety envelope. */
@Command(name = "plan",
        header = "Plan a session for a person: explained steps inside their limits.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Composes a session plan for the person in a profile (rollwell.profile/1, docs/profile-format.md):"
                        + " screens for red flags and contraindications, works out their limits, and explains every step.",
                "Exit 0 with a plan, 3 when screening blocks the session (the reasons are printed), 2 for bad input."})
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "FILE", description = "The person's profile (JSON).")
    Path profileFile;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Request request;

    static final class Request {
        @Option(names = "--goal", required = true, paramLabel = "GOAL",
                description = "What the session is for: ${COMPLETION-CANDIDATES}.")
        Goal goal;

        @Option(names = "--program", required = true, paramLabel = "ID", description = "A built-in program (see 'rollwell programs').")
        String programId;
    }

    @Option(names = "--minutes", required = true, paramLabel = "N", description = "Session length, 10–60 minutes.")
    int minutes;

    @Option(names = "--json", description = "Print the plan as JSON (same input, byte-identical output).")
    boolean json;

    @Override
    public Integer call() {
        if (minutes < SessionPlanner.MIN_MINUTES || minutes > SessionPlanner.MAX_MINUTES) {
            throw new BadInputException("rollwell plan: --minutes must be " + SessionPlanner.MIN_MINUTES + "–"
                    + SessionPlanner.MAX_MINUTES + ", was " + minutes);
        }
        Profile profile = readProfile(profileFile);
        SessionPlanner planner = new SessionPlanner(BedLimits.REFERENCE);
        SessionPlan plan;
        String asked;
        if (request.goal != null) {
            plan = planner.plan(profile, request.goal, minutes);
            asked = "goal " + request.goal;
        } else {
            Program program = ProgramsCommand.find(request.programId);
            plan = planner.plan(profile, program, minutes);
            asked = "program \"" + program.name() + "\" (" + program.id() + ")";
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(Json.write(PlanJson.of(plan)));
        } else {
            PlanText.print(plan, asked, out);
        }
        out.flush();
        return plan.status() == SessionPlan.Status.OK ? Main.EXIT_OK : Main.EXIT_BLOCKED;
    }

    /** The profile in {@code file}, or a refusal with every problem as {@code PATH: reason}. */
    static Profile readProfile(Path file) {
        ParseResult<Profile> result = ProfileParser.parse(InputFiles.read(file, "profile"));
        if (result instanceof ParseResult.Parsed<Profile> parsed) {
            return parsed.value();
        }
        List<String> lines = new ArrayList<>();
        ((ParseResult.Refused<Profile>) result).problems().forEach(p -> lines.add(p.toString()));
        throw new BadInputException(lines);
    }
}
