package org.rollwell.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.rollwell.app.json.Json;
import org.rollwell.therapy.course.Course;
import org.rollwell.therapy.course.CourseParser;
import org.rollwell.therapy.course.CourseStatus;
import org.rollwell.therapy.course.Due;
import org.rollwell.therapy.diary.Diary;
import org.rollwell.therapy.history.SessionHistory;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.output.CourseStatusJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rollwell course}: where a person is in a course of sessions, what is due today, and at its end the verdict. */
@Command(name = "course",
        header = "Show where you are in a course of sessions and what is due today.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "A course is a schedule of sessions with its diary checkpoints (docs/courses.md): the studied one"
                        + " (40 min a day, 5 days a week, 4 weeks; Kim et al. 2023) or your own (rollwell.course/1)"
                        + " within the daily limits. Shows the week, sessions delivered against planned, what is due"
                        + " today (session, daily pain, weekly PEG, PGIC at 2, 4 and 6 weeks), and once the course has"
                        + " ended, whether it helped.",
                "Exit 0 with the status, 2 for a bad file or option (each problem on its own line)."})
final class CourseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--start", required = true, paramLabel = "YYYY-MM-DD", description = "The course's first day.")
    String start;

    @Option(names = "--course", paramLabel = "studied|FILE", defaultValue = "studied",
            description = "'studied' (default) or a course file (rollwell.course/1).")
    String course;

    @Option(names = "--diary", required = true, paramLabel = "FILE", description = "The pain diary (rollwell.diary/1).")
    Path diaryFile;

    @Option(names = "--history", paramLabel = "FILE", description = "The sessions delivered (rollwell.history/1);"
            + " without it, the diary's session entries count them.")
    Path historyFile;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The day to show (default: today).")
    String date;

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Override
    public Integer call() {
        LocalDate first = day("--start", start);
        LocalDate today = date == null ? LocalDate.now() : day("--date", date); // the command's only clock
        Course chosen = "studied".equals(course) ? Course.STUDIED : readCourse(Path.of(course));
        Diary diary = ProgressCommand.readDiary(diaryFile);
        Optional<SessionHistory> history = historyFile == null ? Optional.empty()
                : Optional.of(PlanCommand.readHistory(historyFile, today));
        CourseStatus status = CourseStatus.on(chosen, first, diary, history, today);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(Json.write(json(status)));
        } else {
            text(status, out);
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private static void text(CourseStatus s, PrintWriter out) {
        Course c = s.course();
        out.println("Course " + c.name() + ": " + c.minutesPerSession() + " min, " + (c.sessionsPerDay() == 1 ? "once" : "twice")
                + " a day on " + c.days().size() + " days a week for " + c.weeks() + " weeks, " + s.start() + " to " + s.end());
        switch (s.phase()) {
            case NOT_STARTED -> out.println("It starts on " + s.start() + ". Until then, a daily pain rating makes the"
                    + " baseline the course is measured against.");
            case RUNNING -> out.println("Today, " + s.date() + ", is in week " + s.week() + " of " + c.weeks() + ".");
            case FINISHED -> out.println("The course ended on " + s.end() + ".");
        }
        out.println("Sessions: " + s.deliveredSoFar() + " delivered of " + s.plannedSoFar() + " planned so far ("
                + s.plannedTotal() + " in the whole course).");
        if (s.due().isEmpty()) {
            out.println("Nothing is due today.");
        } else {
            out.println("Due today:");
            for (Due d : s.due()) {
                out.println("  - " + d.text());
            }
        }
        s.progress().ifPresent(p -> {
            out.println();
            out.println("Did it help? " + p.verdict() + " (sessions delivered " + s.deliveredSoFar() + " of "
                    + s.plannedTotal() + " planned). Details: rollwell progress --diary FILE --date " + s.date());
            if (p.reviewSuggested()) {
                out.println("Six weeks or more without a 30 % PEG improvement: a clinical review and exercise are"
                        + " suggested rather than more of the same.");
            }
        });
    }

    private static ObjectNode json(CourseStatus s) {
        ObjectNode root = Json.object();
        root.put("course", s.course().name());
        CourseStatusJson.into(root, s);
        return root;
    }

    private static Course readCourse(Path file) {
        ParseResult<Course> result = CourseParser.parse(file.toString(), InputFiles.read(file, "course"));
        if (result instanceof ParseResult.Parsed<Course> parsed) {
            return parsed.value();
        }
        throw BadInputException.of(result.problems());
    }

    private static LocalDate day(String option, String text) {
        try {
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(text);
            }
        } catch (java.time.DateTimeException e) {
            throw new BadInputException(option + ": no such date \"" + text + "\"");
        }
        throw new BadInputException(option + " must be a date YYYY-MM-DD, was \"" + text + "\"");
    }
}
