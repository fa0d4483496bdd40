package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollwell.store.Account;
import org.rollwell.store.Database;
import org.rollwell.store.NewSession;
import org.rollwell.store.SessionStatus;
import org.rollwell.therapy.diary.Diary;
import org.rollwell.therapy.diary.DiaryEntry;

/**
 * {@code rollwell report --profile ID --account LOGIN} and {@code export}: the seeded improving person's
 * profile, diary and sessions kept in the companion's SQLite store in a temporary folder.
 */
class ReportFromStoreTest {

    private static final Path ANNA = Path.of("..", "examples", "profiles", "anna.json");
    private static final Path IMPROVING = Path.of("..", "examples", "diaries", "improving.json");

    @TempDir
    Path dir;

    /** A clock the test moves to each session's start. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-08-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private String seedStore() throws IOException {
        MovingClock clock = new MovingClock();
        Diary diary = ProgressCommand.readDiary(IMPROVING);
        try (Database db = Database.open(Database.sqliteUrl(dir), null, null, clock)) {
            Account anna = db.accounts().create("anna", "$2b$12$" + "abcdefghijklmnopqrstuv" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ01234", Account.Role.USER);
            String profile = db.profiles().create(anna.id(), "Anna", Files.readString(ANNA)).id();
            Map<java.time.LocalDate, String> sessionOn = new HashMap<>();
            for (DiaryEntry e : diary.entries()) {
                if (e.kind().aboutSessions() && e.kind() != org.rollwell.therapy.diary.EntryKind.PGIC
                        && !sessionOn.containsKey(e.date())) {
                    clock.now = e.date().atTime(18, 0).toInstant(ZoneOffset.UTC);
                    String id = db.sessions().start(anna.id(), profile, new NewSession(5, 2400, "{}")).id();
                    clock.now = clock.now.plusSeconds(2400);
                    db.sessions().finish(anna.id(), id, SessionStatus.COMPLETED, 2400, 0.4, "{}");
                    sessionOn.put(e.date(), id);
                }
            }
            for (DiaryEntry e : diary.entries()) {
                boolean aboutOne = e.kind().aboutSessions() && e.kind() != org.rollwell.therapy.diary.EntryKind.PGIC;
                db.diary().add(anna.id(), profile, e, aboutOne ? Optional.of(sessionOn.get(e.date())) : Optional.empty());
            }
            return profile;
        }
    }

    @Test
    void the_report_and_the_fhir_export_read_the_profile_diary_and_sessions_from_the_store() throws IOException {
        String id = seedStore();
        Path pdf = dir.resolve("report.pdf");
        Path fhir = dir.resolve("pain.json");

        Cli report = Cli.run("report", "--profile", id, "--account", "anna", "--data-dir", dir.toString(),
                "--date", "2026-11-23", "--out", pdf.toString());
        Cli export = Cli.run("export", "--profile", id, "--account", "anna", "--data-dir", dir.toString(),
                "--date", "2026-11-23", "--format", "fhir", "--out", fhir.toString());

        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(report.out()).contains("verdict LIKELY_BETTER");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Is it helping? LIKELY_BETTER")
                .contains("After the session of 2026-09-05: intensity 5 -> 4 (one step down: the pressure was \"too strong\"")
                .contains("Daily NRS (0-10) 6.9 3.2");
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(Files.readString(fhir)).contains("72514-3");
    }

    @Test
    void a_missing_store_account_or_profile_is_refused_in_one_line() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Cli noStore = Cli.run("report", "--profile", "p1", "--account", "anna", "--data-dir", empty.toString(),
                "--out", dir.resolve("r.pdf").toString());
        String id = seedStore();
        Cli noAccount = Cli.run("report", "--profile", id, "--account", "bob", "--data-dir", dir.toString(),
                "--out", dir.resolve("r.pdf").toString());
        Cli mixed = Cli.run("report", "--profile", id, "--account", "anna", "--data-dir", dir.toString(),
                "--diary", IMPROVING.toString(), "--out", dir.resolve("r.pdf").toString());

        assertThat(noStore.refusedAsBadInput().err()).contains("--data-dir", "rollwell.db");
        assertThat(noAccount.refusedAsBadInput().err()).contains("--account", "bob");
        assertThat(mixed.refusedAsBadInput().err()).contains("from the store");
        assertThat(Files.exists(dir.resolve("r.pdf"))).isFalse();
    }
}
