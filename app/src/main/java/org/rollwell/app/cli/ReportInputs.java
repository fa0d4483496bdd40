package org.rollwell.app.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.rollwell.reports.data.ReportData;
import org.rollwell.reports.data.SessionRecord;
import org.rollwell.reports.data.SessionRecordParser;
import org.rollwell.therapy.diary.Diary;
import org.rollwell.therapy.history.SessionHistory;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.profile.Profile;
import picocli.CommandLine.Option;

/**
 * The files {@code rollwell report} and {@code rollwell export} read: a profile, a pain diary,
 * and optionally the session records {@code rollwell simulate --json} wrote. (When the companion
 * server's store exists, a {@code --profile ID} form reads the same from it.)
 */
final class ReportInputs {

    /** At most this many session records are read from a folder (choice: two a day for ten years). */
    static final int MAX_RECORDS = 7300;

    @Option(names = "--profile", required = true, paramLabel = "FILE|ID",
            description = "The person's profile file (rollwell.profile/1 or /2, docs/profile-format.md), or with"
                    + " --account the id of a profile in the companion's store.")
    String profile;

    @Option(names = "--diary", paramLabel = "FILE",
            description = "The pain diary (rollwell.diary/1, docs/diary-format.md); required with a profile file.")
    Path diaryFile;

    @Option(names = "--account", paramLabel = "LOGIN",
            description = "Read the profile, its diary, sessions and history from the store, in this account.")
    String account;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "With --account: where the SQLite database"
            + " rollwell.db lives, as for 'rollwell serve'. Default: ~/.rollwell.")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "With --account: a PostgreSQL database instead.")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", description = "The PostgreSQL user. Default: $" + ServeCommand.USER_ENV + ".")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "The PostgreSQL password. Default: $"
            + ServeCommand.PASSWORD_ENV + ".")
    String dbPassword;

    @Option(names = "--records", paramLabel = "DIR|FILE",
            description = "Session records as 'rollwell simulate --json' writes them: a folder of *.json files or one"
                    + " file. A name starting YYYY-MM-DD dates the session.")
    Path records;

    @Option(names = "--history", paramLabel = "FILE",
            description = "The earlier sessions with what the person said about each (rollwell.history/1,"
                    + " docs/history-format.md): the report's adaptation log lists every change of dose they called for.")
    Path historyFile;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "State the report as of this day; later entries and sessions are left out. Default: today.")
    String date;

    /** The report's data, or a {@link BadInputException} naming every problem. */
    ReportData read(String command) {
        LocalDate asOf = asOf(command);
        if (account != null) {
            if (diaryFile != null || records != null || historyFile != null) {
                throw new BadInputException("rollwell " + command + ": with --account the diary, sessions and history"
                        + " come from the store; leave out --diary, --records and --history");
            }
            StoreInputs.Inputs stored = StoreInputs.read(command, account, profile, dataDir, dbUrl,
                    dbUser != null ? dbUser : System.getenv(ServeCommand.USER_ENV),
                    dbPassword != null ? dbPassword : System.getenv(ServeCommand.PASSWORD_ENV));
            return ReportData.assemble(stored.profile(), stored.diary(), stored.records(), stored.history(), asOf);
        }
        if (dataDir != null || dbUrl != null) {
            throw new BadInputException("rollwell " + command + ": --data-dir and --db read a store, which needs"
                    + " --account LOGIN and --profile ID");
        }
        if (diaryFile == null) {
            throw new BadInputException("rollwell " + command + ": --diary FILE is needed with a profile file"
                    + " (or give --account LOGIN to read everything from the store)");
        }
        Profile profile = PlanCommand.readProfile(Path.of(this.profile));
        Diary diary = ProgressCommand.readDiary(diaryFile);
        SessionHistory history = historyFile == null ? SessionHistory.NONE : PlanCommand.readHistory(historyFile, asOf);
        return ReportData.assemble(profile, diary, records(command), history, asOf);
    }

    private LocalDate asOf(String command) {
        if (date == null) {
            // The only clock of these commands: the reports module is handed the day.
            return LocalDate.now();
        }
        try {
            if (date.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(date);
            }
        } catch (java.time.DateTimeException e) {
            throw new BadInputException("rollwell " + command + ": --date: no such date \"" + date + "\"");
        }
        throw new BadInputException("rollwell " + command + ": --date must be a date YYYY-MM-DD, was \"" + date + "\"");
    }

    private List<SessionRecord> records(String command) {
        if (records == null) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(records)) {
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(records, "*.json")) {
                for (Path f : dir) {
                    files.add(f);
                    if (files.size() > MAX_RECORDS) {
                        throw new BadInputException("rollwell " + command + ": --records " + records + ": more than "
                                + MAX_RECORDS + " session records; give a folder of one person's sessions");
                    }
                }
            } catch (IOException e) {
                throw new BadInputException("rollwell " + command + ": --records " + records + ": cannot list the folder: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            }
            files.sort(null);
        } else {
            files.add(records);
        }
        List<SessionRecord> read = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            ParseResult<SessionRecord> result = SessionRecordParser.parse(name, InputFiles.read(f, "session record"));
            if (result instanceof ParseResult.Parsed<SessionRecord> parsed) {
                read.add(parsed.value());
            } else {
                result.problems().forEach(p -> problems.add(p.line()));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        return read;
    }

    /** Writes {@code bytes} to {@code out}, or refuses in one line saying why. */
    static void write(String command, Path out, byte[] bytes) {
        try {
            Files.write(out, bytes);
        } catch (IOException e) {
            String reason = switch (e.getClass().getSimpleName()) {
                case "NoSuchFileException" -> "no such folder";
                case "AccessDeniedException" -> "permission denied";
                case "FileSystemException" -> e.getMessage();
                default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            };
            throw new BadInputException("rollwell " + command + ": --out " + out + ": cannot write: " + reason);
        }
    }
}
