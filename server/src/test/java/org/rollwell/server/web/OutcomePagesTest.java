package org.rollwell.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rollwell.server.BedLink;
import org.rollwell.server.CompanionServer;
import org.rollwell.server.Passwords;
import org.rollwell.server.ReportRenderer;
import org.rollwell.store.Account;
import org.rollwell.store.Database;
import org.rollwell.store.NewSession;
import org.rollwell.store.SessionStatus;
import org.rollwell.store.StoredDiaryEntry;
import org.rollwell.store.TestClock;
import org.rollwell.therapy.diary.Diary;
import org.rollwell.therapy.outcomes.ProgressMeasure;

/**
 * The pain diary, the progress page and the report download (issue 13) through the browser. The
 * server renders the report through its port; here a stand-in renderer writes a one-page PDF naming
 * the person and the verdict of the data the server handed it (the reports module's real PDF over
 * the same route is app's ReportOverHttpTest). Screenshots 40–4x also go to app/target/screenshots.
 */
class OutcomePagesTest extends WebAppFixture {
    private static final String PASSWORD = "diary-every-day";
    private static final Path ANNA = Path.of("..", "examples", "profiles", "anna.json");
    /** The first session of the seeded person: three weeks before the fixture's day, 2026-11-30. */
    private static final Instant FIRST_SESSION = Instant.parse("2026-11-08T09:00:00Z");
    private static final Instant TODAY = Instant.parse("2026-11-30T07:00:00Z");

    private final List<ReportRenderer.Request> rendered = new CopyOnWriteArrayList<>();
    private TestClock clock;
    private String carla;
    private String carlasProfile;

    /** One page naming the profile and the verdict its data gives, as the real report's "Is it helping?" line does. */
    private byte[] stubPdf(ReportRenderer.Kind kind, ReportRenderer.Request r) {
        rendered.add(r);
        var first = r.firstSessionDay().orElse(r.asOf().plusDays(1));
        var verdict = ProgressMeasure.assess(new Diary(first, r.diary().stream().map(StoredDiaryEntry::entry).toList()),
                r.asOf()).verdict();
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 700);
                text.showText("Report for " + r.profileName() + " as of " + r.asOf() + ". Is it helping? " + verdict);
                text.endText();
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's server again, on a clock that starts at the seeded first session and a report port. */
    @BeforeAll
    void serveWithReportsOnAMovableClock() throws SQLException, IOException {
        server.close();
        db.close();
        clock = new TestClock(FIRST_SESSION, ZoneId.of("Europe/Berlin"));
        db = Database.open(Database.sqliteUrl(Files.createTempDirectory("rollwell-outcomes")), null, null, clock);
        server = CompanionServer.start(db, new CompanionServer.Options("127.0.0.1", 0, 4), clock, BedLink.none(),
                this::stubPdf);
        base = "http://127.0.0.1:" + server.port() + "/";
        carla = newLogin("carla");
        carlasProfile = personWithAFirstSessionOn(carla);
        advanceTo(TODAY);
    }

    @Test
    void aPersonEntersTheDiaryAndAnItemOutOfRangeIsMarkedOnItsField() {
        signUp(newLogin("ben"), PASSWORD);
        String id = createProfile("Ben", 181, 84, 1966);
        open("#/p/" + id + "/diary");
        assertThat(text("#diary-due")).contains("pain today").contains("PEG");
        look("40-diary");
        // the day the server's clock stands at (the page offers the browser's own today)
        browser.js("document.getElementById('diary-date').value = '2026-11-30'");

        choose("daily-nrs", 4);
        press("#save-nrs");
        waitFor("#diary-saved");
        assertThat(text("#diary-recent")).contains("Pain today").contains("4 of 10");

        // a PEG item of 11: the server refuses it, naming the item; the page marks that box
        browser.js("document.getElementById('diary-date').value = '2026-11-30'");
        type("#peg-pain", 11);
        type("#peg-enjoyment", 5);
        type("#peg-activity", 6);
        press("#save-peg");
        waitFor("#peg-pain[aria-invalid=true]");
        assertThat(text("#peg-pain-error")).contains("10").contains("11");
        assertThat(text(".problem")).contains("pain");
        assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("#peg-enjoyment[aria-invalid]"))).isEmpty();
        browser.js("arguments[0].scrollIntoView({block: 'start'})", waitFor("#peg-form"));
        look("41-diary-field-error");

        type("#peg-pain", 6);
        press("#save-peg");
        waitForText("#diary-saved", "This week's PEG is saved.");
        assertThat(text("#diary-recent")).contains("5.7 (pain 6, enjoyment 5, activity 6)");
        assertThat(fetchText("/api/profiles/" + id + "/pain")).contains("\"kind\":\"PEG\",\"pain\":6,\"enjoyment\":5,\"activity\":6");
    }

    @Test
    void theProgressPageStatesTheVerdictOfASeededDiaryAndTheReportDownloadsForThatAccountOnly() throws IOException {
        String id = carlasProfile;
        signIn(carla, PASSWORD);
        seedDiary(id);

        open("#/p/" + id + "/progress");
        assertThat(text("#verdict-badge")).isEqualTo("Likely better");
        assertThat(text("#verdict-reason")).contains("lower than before the sessions").contains("95 % interval");
        assertThat(text("#progress-figures")).contains("6.0").contains("minimal important change reached")
                .contains("substantial improvement");
        assertThat(text("#peg-table")).contains("2026-11-01").contains("2026-11-29");
        // one session without feedback: nothing for the rules to change
        assertThat(text("#adaptation-log")).contains("No change of dose so far.");
        look("42-progress");

        String href = waitFor("#download-report").getAttribute("href");
        assertThat(text("#download-report")).isEqualTo("Download report (PDF)");
        Map<?, ?> got = download(href);
        assertThat(got.get("status")).isEqualTo(200L);
        assertThat(got.get("type")).isEqualTo("application/pdf");
        assertThat((String) got.get("disposition")).contains("rollwell-report-carla-2026-11-30.pdf");
        byte[] pdf = Base64.getDecoder().decode((String) got.get("b64"));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Report for Carla").contains("Is it helping? LIKELY_BETTER");
        }
        ReportRenderer.Request asked = rendered.get(rendered.size() - 1);
        assertThat(asked.firstSessionDay()).contains(LocalDate.of(2026, 11, 8));
        assertThat(asked.diary()).hasSize(7 + 13 + 4);

        // another household gets 404 for the same address, and nothing is rendered for it
        int before = rendered.size();
        press("#sign-out");
        waitForHash("#/signin");
        signUp(newLogin("eve"), PASSWORD);
        assertThat(download(href).get("status")).isEqualTo(404L);
        assertThat(rendered).hasSize(before);
    }

    /** An account, Carla's profile (examples/profiles/anna.json) and one delivered session on the clock's day, made in the store. */
    private String personWithAFirstSessionOn(String login) throws IOException {
        Account account = db.accounts().create(login, new Passwords(4).hashNew(PASSWORD), Account.Role.USER);
        String profile = db.profiles().create(account.id(), "Carla", Files.readString(ANNA)).id();
        String session = db.sessions().start(account.id(), profile, new NewSession(5, 1800, "{}")).id();
        clock.advance(Duration.ofMinutes(30));
        db.sessions().finish(account.id(), session, SessionStatus.COMPLETED, 1800, 0.2, "{}");
        return profile;
    }

    /**
     * Through the API as the page would post it: a baseline week of daily pain 6 and a PEG of 6, then
     * after the first session (2026-11-08) daily pain 2 and 3 and a falling PEG.
     */
    private void seedDiary(String id) {
        Object failed = browser.js("""
                const [id, csrf] = [arguments[0], sessionStorage.getItem('rollwell.csrf')];
                const entries = [];
                for (let d = 1; d <= 7; d++) entries.push({date: `2026-11-0${d}`, kind: 'NRS_DAILY', nrs: 6});
                for (let d = 17; d <= 29; d++) entries.push({date: `2026-11-${d}`, kind: 'NRS_DAILY', nrs: d % 2 ? 2 : 3});
                entries.push({date: '2026-11-01', kind: 'PEG', pain: 6, enjoyment: 6, activity: 6});
                entries.push({date: '2026-11-15', kind: 'PEG', pain: 4, enjoyment: 4, activity: 3});
                entries.push({date: '2026-11-22', kind: 'PEG', pain: 3, enjoyment: 3, activity: 3});
                entries.push({date: '2026-11-29', kind: 'PEG', pain: 3, enjoyment: 2, activity: 3});
                return (async () => {
                  for (const e of entries) {
                    const r = await fetch(`/api/profiles/${id}/pain`, {method: 'POST', body: JSON.stringify(e),
                      headers: {'Content-Type': 'application/json', 'X-CSRF-Token': csrf}});
                    if (r.status !== 201) return `${JSON.stringify(e)}: ${r.status} ${await r.text()}`;
                  }
                  return null;
                })();""", id);
        assertThat(failed).as("seeding the diary").isNull();
    }

    /** Fetches a link as the browser would follow it (same cookie): status, headers and the bytes in base64. */
    private Map<?, ?> download(String href) {
        return (Map<?, ?>) browser.js("""
                return fetch(arguments[0]).then(async r => {
                  const bytes = new Uint8Array(await r.arrayBuffer());
                  let s = '';
                  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
                  return {status: r.status, type: r.headers.get('content-type'),
                          disposition: r.headers.get('content-disposition'), b64: btoa(s)};
                });""", href);
    }

    private String fetchText(String path) {
        return browser.js("return fetch(arguments[0]).then(r => r.text())", path).toString();
    }

    private void open(String hash) {
        browser.driver.get(base + hash);
        waitForHash(hash);
    }

    private void advanceTo(Instant when) {
        if (clock.instant().isBefore(when)) {
            clock.advance(Duration.between(clock.instant(), when));
        }
    }

    /** {@link #lookAt} and a copy of its screenshots in the reactor root's app/target/screenshots. */
    private void look(String page) {
        lookAt(page);
        Path root = Path.of("").toAbsolutePath().getParent();
        Path shared = root.resolve("app").resolve("target").resolve("screenshots");
        try {
            Files.createDirectories(shared);
            for (String size : List.of("-phone.png", "-desktop.png")) {
                Files.copy(Browser.SCREENSHOTS.resolve(page + size), shared.resolve(page + size),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
