package org.rollwell.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.rollwell.app.json.Json;
import org.rollwell.therapy.output.ProgressJson;
import org.rollwell.therapy.diary.Diary;
import org.rollwell.therapy.diary.DiaryParser;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.outcomes.Progress;
import org.rollwell.therapy.outcomes.ProgressMeasure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rollwell progress}: whether the sessions are helping, from a person's pain diary. */
@Command(name = "progress",
        header = "Say from a pain diary whether the sessions are helping.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Reads a pain diary (rollwell.diary/1, docs/diary-format.md) and states the person's progress:"
                        + " daily pain (NRS) and the weekly PEG against their baseline before the first session,"
                        + " the change in points and per cent, the IMMPACT band, whether the minimal important"
                        + " change is reached, and whether the last 14 days are likely better, unclear or likely"
                        + " worse than the baseline. With too little data it says what is missing.",
                "Exit 0 with the progress (also when data is missing), 2 for a bad diary or option."})
final class ProgressCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--diary", required = true, paramLabel = "FILE", description = "The pain diary (JSON, at most 1 MiB).")
    Path diaryFile;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "State the progress as of this day; later entries are not looked at. Default: today.")
    String date;

    @Option(names = "--json", description = "Print the progress as JSON (same input and date, byte-identical output).")
    boolean json;

    @Override
    public Integer call() {
        LocalDate asOf = asOf();
        Diary diary = readDiary(diaryFile);
        Progress progress = ProgressMeasure.assess(diary, asOf);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.print(Json.write(ProgressJson.of(progress)));
        } else {
            ProgressText.print(progress, out);
        }
        out.flush();
        return Main.EXIT_OK;
    }

    private LocalDate asOf() {
        if (date == null) {
            // The only clock in this command: therapy.outcomes is handed the date.
            return LocalDate.now();
        }
        try {
            if (date.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(date);
            }
        } catch (DateTimeException e) {
            throw new BadInputException("--date: no such date \"" + date + "\"");
        }
        throw new BadInputException("--date must be a date YYYY-MM-DD, was \"" + date + "\"");
    }

    /** The diary in {@code file}, or a refusal with every problem as {@code FILE: PATH: reason}. */
    static Diary readDiary(Path file) {
        try {
            // Refused before it is read, so a wrong file (a video, a disk image) is not loaded whole.
            if (Files.isRegularFile(file) && Files.size(file) > DiaryParser.MAX_BYTES) {
                throw new BadInputException("diary " + file + " is " + Files.size(file)
                        + " bytes; at most " + DiaryParser.MAX_BYTES + " (1 MiB) are read");
            }
        } catch (IOException e) {
            // The read below reports why the file cannot be read.
        }
        ParseResult<Diary> result = DiaryParser.parse(file.toString(), InputFiles.read(file, "diary"));
        if (result instanceof ParseResult.Parsed<Diary> parsed) {
            return parsed.value();
        }
        throw BadInputException.of(result.problems());
    }
}
