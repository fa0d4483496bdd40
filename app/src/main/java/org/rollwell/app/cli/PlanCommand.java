package org.rollwell.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.rollwell.app.bedspec.BedSpecException;
import org.rollwell.app.bedspec.BedSpecFile;
import org.rollwell.app.json.Json;
import org.rollwell.therapy.output.PlanJson;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.history.HistoryParser;
import org.rollwell.therapy.history.PastSession;
import org.rollwell.therapy.history.SessionHistory;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.SessionPlanner;
import org.rollwell.therapy.profile.CheckIn;
import org.rollwell.therapy.profile.CheckInParser;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.screening.Visit;
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
                "Composes a session plan for the person in a profile (rollwell.profile/1 or /2, docs/profile-format.md)"
                        + " and today's check-in: screens for red flags and contraindications, works out their limits,"
                        + " and explains every step.",
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

    @Option(names = "--check-in", paramLabel = "FILE", description = "Today's check-in (rollwell.checkin/1,"
            + " docs/checkin-format.md). Without one the profile's answers and painTodayNrs stand in for it.")
    Path checkInFile;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The session's day, for clearances and dates"
            + " (default: today's date on this computer).")
    String date;

    @Option(names = "--history", paramLabel = "FILE", description = "The person's earlier sessions (rollwell.history/1,"
            + " docs/history-format.md, as the server's export writes it): the dose adapts to them, one step at a time,"
            + " and the daily limits count them.")
    Path historyFile;

    @Option(names = "--at", paramLabel = "HH:MM", description = "The session's start time, for the 4 h gap and the 24 h"
            + " heat dose with --history (default: not known, so every session of the day and the day before counts).")
    String at;

    @Option(names = "--bed", paramLabel = "FILE", description = "Plan for this bed's limits (rollwell.bedspec/1,"
            + " docs/bed-spec-format.md). Default: the reference bed.")
    Path bedFile;

    @Option(names = "--json", description = "Print the plan as JSON (same input, byte-identical output).")
    boolean json;

    @Override
    public Integer call() {
        if (minutes < SessionPlanner.MIN_MINUTES || minutes > SessionPlanner.MAX_MINUTES) {
            throw new BadInputException("--minutes must be " + SessionPlanner.MIN_MINUTES + "–"
                    + SessionPlanner.MAX_MINUTES + ", was " + minutes);
        }
        LocalDate today = today(date);
        Profile profile = readProfile(profileFile);
        Visit visit = checkInFile == null ? Visit.fromProfile(profile, today) : new Visit(today, readCheckIn(checkInFile));
        if (historyFile != null) {
            visit = visit.with(readHistory(historyFile, today), startTime(at));
        } else if (at != null) {
            throw new BadInputException("--at needs --history (the start time only matters next to earlier sessions)");
        }
        BedLimits bed = BedLimits.REFERENCE;
        if (bedFile != null) {
            try {
                bed = BedSpecFile.read(bedFile).limits();
            } catch (BedSpecException e) {
                throw BadInputException.of(e.problems());
            }
        }
        SessionPlanner planner = new SessionPlanner(bed);
        SessionPlan plan;
        String asked;
        if (request.goal != null) {
            plan = planner.plan(profile, visit, request.goal, minutes);
            asked = "goal " + request.goal;
        } else {
            Program program = ProgramsCommand.find(request.programId);
            plan = planner.plan(profile, visit, program, minutes);
            asked = "program \"" + program.name() + "\" (" + program.id() + ")";
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(Json.write(PlanJson.of(plan)));
        } else {
            PlanText.print(plan, asked, bed, out);
        }
        out.flush();
        return plan.status() == SessionPlan.Status.OK ? Main.EXIT_OK : Main.EXIT_BLOCKED;
    }

    /** {@code --date}, or the system date when absent: the one place the plan's day comes from a clock. */
    static LocalDate today(String text) {
        if (text == null) {
            return LocalDate.now();
        }
        try {
            if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("shape", text, 0);
            }
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadInputException("--date must be a date YYYY-MM-DD, was \"" + text + "\"");
        }
    }

    /**
     * The history in {@code file}, up to {@code today} (sessions after it are not looked at, so an old
     * plan can be made again), or a refusal with every problem as {@code FILE: PATH: reason}.
     */
    static SessionHistory readHistory(Path file, LocalDate today) {
        ParseResult<SessionHistory> result = HistoryParser.parse(file.toString(), InputFiles.read(file, "history"));
        if (result instanceof ParseResult.Parsed<SessionHistory> parsed) {
            List<PastSession> upTo = new ArrayList<>();
            for (PastSession s : parsed.value().sessions()) {
                if (!s.start().toLocalDate().isAfter(today)) {
                    upTo.add(s);
                }
            }
            return new SessionHistory(upTo);
        }
        throw BadInputException.of(result.problems());
    }

    private static Optional<LocalTime> startTime(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            if (text.matches("\\d{2}:\\d{2}")) {
                return Optional.of(LocalTime.parse(text));
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw new BadInputException("--at must be a time of day HH:MM, was \"" + text + "\"");
    }

    /** The check-in in {@code file}, or a refusal with every problem as {@code FILE: PATH: reason}. */
    static CheckIn readCheckIn(Path file) {
        ParseResult<CheckIn> result = CheckInParser.parse(file.toString(), InputFiles.read(file, "check-in"));
        if (result instanceof ParseResult.Parsed<CheckIn> parsed) {
            return parsed.value();
        }
        throw BadInputException.of(result.problems());
    }

    /** The profile in {@code file}, or a refusal with every problem as {@code FILE: PATH: reason}. */
    static Profile readProfile(Path file) {
        ParseResult<Profile> result = ProfileParser.parse(file.toString(), InputFiles.read(file, "profile"));
        if (result instanceof ParseResult.Parsed<Profile> parsed) {
            return parsed.value();
        }
        throw BadInputException.of(result.problems());
    }
}
