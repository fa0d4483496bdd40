package org.rollwell.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollwell.bed.record.Peaks;
import org.rollwell.bed.record.RecordedEvent;
import org.rollwell.bed.record.SegmentResult;
import org.rollwell.bed.record.SessionRecord;
import org.rollwell.server.BedLink;
import org.rollwell.server.CompanionServer;
import org.rollwell.store.Database;
import org.rollwell.store.NewSession;
import org.rollwell.store.SessionStatus;
import org.rollwell.therapy.diary.Diary;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.diary.EntryKind;
import org.rollwell.therapy.technique.Technique;

/**
 * GET /api/profiles/{id}/report.pdf and the exports through the server with the reports module wired in
 * as {@code rollwell serve} wires it: the seeded improving person (examples/diaries/improving.json, the
 * same seed as ReportFromStoreTest) gets the same report as {@code rollwell report --account}, and
 * another household gets 404.
 */
class ReportOverHttpTest {
    private static final Path ANNA = Path.of("..", "examples", "profiles", "anna.json");
    private static final Path IMPROVING = Path.of("..", "examples", "diaries", "improving.json");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    record Client(String base, String cookie) {
        HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        String accountId() throws IOException, InterruptedException {
            return new ObjectMapper().readTree(get("/api/me").body()).get("id").asText();
        }
    }

    static Client signUpAndIn(String base, String login) throws IOException, InterruptedException {
        HttpResponse<String> made = post(base, "/api/accounts", login);
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return signIn(base, login);
    }

    static Client signIn(String base, String login) throws IOException, InterruptedException {
        HttpResponse<String> in = post(base, "/api/session", login);
        assertThat(in.statusCode()).as(in.body()).isEqualTo(200);
        return new Client(base, in.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0]);
    }

    private static HttpResponse<String> post(String base, String path, String login) throws IOException, InterruptedException {
        String body = "{\"login\":\"" + login + "\",\"password\":\"improving-2026\"}";
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Anna's profile, her sessions on each day the diary speaks of one, and the diary itself. */
    static String seed(Database db, ReportFromStoreTest.MovingClock clock, String account) throws IOException {
        Diary diary = ProgressCommand.readDiary(IMPROVING);
        String profile = db.profiles().create(account, "Anna", Files.readString(ANNA)).id();
        Map<LocalDate, String> sessionOn = new HashMap<>();
        for (DiaryEntry e : diary.entries()) {
            if (aboutOneSession(e) && !sessionOn.containsKey(e.date())) {
                clock.now = e.date().atTime(18, 0).toInstant(ZoneOffset.UTC);
                String id = db.sessions().start(account, profile, new NewSession(5, 2400, "{}")).id();
                clock.now = clock.now.plusSeconds(2400);
                db.sessions().finish(account, id, SessionStatus.COMPLETED, 2400, 0.4, storedRecord());
                sessionOn.put(e.date(), id);
            }
        }
        for (DiaryEntry e : diary.entries()) {
            db.diary().add(account, profile, e, aboutOneSession(e) ? Optional.of(sessionOn.get(e.date())) : Optional.empty());
        }
        return profile;
    }

    /**
     * A 40 minute session's record as the server stores it when a session on the bed ends: the
     * bed's own record type written as JSON (SessionBook), so the report reads the form real
     * sessions leave behind.
     */
    static String storedRecord() throws IOException {
        SessionRecord record = new SessionRecord(SessionRecord.Outcome.COMPLETED,
                List.of(new SegmentResult(0, Technique.ROLL, 600, 600, 2.0, 1.0, 0.3, 0.8, 90, 90, 89),
                        new SegmentResult(1, Technique.KNEAD, 1800, 1800, 3.0, 1.5, 0.4, 0.9, 120, 120, 118)),
                new Peaks(44.5, 0.6, 131, 40.2, 0.4), List.of(new RecordedEvent(0, "STATE", "IDLE -> WARMUP")), null, Map.of());
        return new ObjectMapper().writeValueAsString(record);
    }

    private static boolean aboutOneSession(DiaryEntry e) {
        return e.kind().aboutSessions() && e.kind() != EntryKind.PGIC;
    }

    @Test
    void the_signed_in_household_downloads_the_report_exports_and_adaptation_log_and_another_household_gets_404() throws Exception {
        ReportFromStoreTest.MovingClock clock = new ReportFromStoreTest.MovingClock();
        try (Database db = Database.open(Database.sqliteUrl(dir), null, null, clock);
             CompanionServer server = CompanionServer.start(db, new CompanionServer.Options("127.0.0.1", 0, 4), clock,
                     BedLink.none(), new ServedReports())) {
            String base = "http://127.0.0.1:" + server.port();
            String profile = seed(db, clock, signUpAndIn(base, "anna").accountId());
            clock.now = Instant.parse("2026-11-30T09:00:00Z");
            Client anna = signIn(base, "anna"); // the months of seeding outlasted the first sign-in

            HttpResponse<byte[]> pdf = anna.get("/api/profiles/" + profile + "/report.pdf?date=2026-11-23");
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            assertThat(pdf.headers().firstValue("Content-Disposition").orElse(""))
                    .isEqualTo("attachment; filename=\"rollwell-report-anna-2026-11-23.pdf\"");
            String text;
            try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            }
            // the same figures as 'rollwell report --profile ID --account anna --date 2026-11-23' (ReportFromStoreTest)
            // every session the server stored is in the report, read from the record the bed left
            assertThat(text).contains("60 sessions delivered from 2026-09-01")
                    .contains("2400 min of massage (2400 min planned)");
            assertThat(text).contains("Is it helping? LIKELY_BETTER").contains("Daily NRS (0-10) 6.9 3.2")
                    .contains("After the session of 2026-09-05: intensity 5 -> 4");

            HttpResponse<byte[]> fhir = anna.get("/api/profiles/" + profile + "/export.fhir.json?date=2026-11-23");
            assertThat(fhir.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+json");
            assertThat(new String(fhir.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"Bundle\"", "72514-3");
            HttpResponse<byte[]> zip = anna.get("/api/profiles/" + profile + "/export.zip");
            assertThat(zip.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
                ZipEntry first = in.getNextEntry();
                assertThat(first).isNotNull();
                assertThat(first.getName()).isEqualTo("diary.csv");
            }

            // the progress page's adaptation log is the report's
            String log = new String(anna.get("/api/profiles/" + profile + "/adaptations").body(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(log).contains("\"date\":\"2026-09-05\"").contains("intensity 5").contains("too strong");

            // the history export reads back as the file 'rollwell plan --history' takes, one entry per session
            String history = new String(anna.get("/api/profiles/" + profile + "/history.json").body(),
                    java.nio.charset.StandardCharsets.UTF_8);
            var parsed = org.rollwell.therapy.history.HistoryParser.parse("history.json", history);
            assertThat(parsed.problems()).isEmpty();
            // one session on each of the 60 days the diary speaks of one, with its words and ratings
            var sessions = ((org.rollwell.therapy.input.ParseResult.Parsed<org.rollwell.therapy.history.SessionHistory>) parsed)
                    .value().sessions();
            assertThat(sessions).hasSize(60);
            assertThat(sessions.get(0).nrsBefore()).isPresent();

                        Client eve = signUpAndIn(base, "eve");
            for (String file : new String[] {"report.pdf", "export.zip", "export.fhir.json", "adaptations", "history.json"}) {
                HttpResponse<byte[]> theirs = eve.get("/api/profiles/" + profile + "/" + file);
                assertThat(theirs.statusCode()).as(file).isEqualTo(404);
                assertThat(new String(theirs.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Anna");
            }
        }
    }
}
