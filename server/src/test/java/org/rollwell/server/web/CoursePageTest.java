package org.rollwell.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rollwell.server.BedLink;
import org.rollwell.server.CompanionServer;
import org.rollwell.server.Passwords;
import org.rollwell.store.Account;
import org.rollwell.store.Database;
import org.rollwell.store.NewSession;
import org.rollwell.store.SessionStatus;
import org.rollwell.store.StoredDiaryEntry;
import org.rollwell.therapy.course.Course;
import org.rollwell.therapy.diary.Diary;
import org.rollwell.therapy.diary.DiaryEntry;
import org.rollwell.therapy.diary.EntryKind;
import org.rollwell.therapy.outcomes.ProgressMeasure;

/**
 * The course page (issue 13 item 4) through the browser: choosing the studied course with one
 * button and seeing what is due today; one's own course refused on the field outside the limits;
 * and a seeded course that has ended, showing the progress verdict with the sessions delivered
 * against those planned. Screenshots 43-course-choose, 43-course and 43-course-ended also go to app/target/screenshots.
 */
class CoursePageTest extends WebAppFixture {
    private static final String PASSWORD = "a-course-of-four-weeks";
    private static final Path ANNA = Path.of("..", "examples", "profiles", "anna.json");
    /** The seeded course: the studied one from Monday 2026-10-26, so it ended on 2026-11-22. */
    private static final LocalDate SEEDED_START = LocalDate.of(2026, 10, 26);
    private static final Instant BASELINE_FROM = Instant.parse("2026-10-19T07:00:00Z");
    private static final Instant TODAY = Instant.parse("2026-11-30T07:00:00Z");

    private org.rollwell.store.TestClock clock;
    private String dora;
    private String dorasProfile;
    private int doraDelivered;

    /** The fixture's server again, on a clock that starts a week before the seeded course. */
    @BeforeAll
    void serveOnAMovableClockWithAnEndedCourse() throws SQLException, IOException {
        server.close();
        db.close();
        clock = new org.rollwell.store.TestClock(BASELINE_FROM, ZoneId.of("Europe/Berlin"));
        db = Database.open(Database.sqliteUrl(Files.createTempDirectory("rollwell-course")), null, null, clock);
        server = CompanionServer.start(db, new CompanionServer.Options("127.0.0.1", 0, 4), clock, BedLink.none());
        base = "http://127.0.0.1:" + server.port() + "/";
        dora = newLogin("dora");
        seedAnEndedCourse();
    }

    /**
     * Dora: a baseline week of daily pain 6, then the studied course with sessions on the weekdays of
     * its first three weeks and one Monday missed (14 of 20), daily pain 5 then 2–3, and ratings
     * until the day before today (so the last 14 days hold enough for a verdict).
     */
    private void seedAnEndedCourse() throws IOException {
        Account account = db.accounts().create(dora, new Passwords(4).hashNew(PASSWORD), Account.Role.USER);
        dorasProfile = db.profiles().create(account.id(), "Dora", Files.readString(ANNA)).id();
        db.courses().choose(account.id(), dorasProfile, Course.STUDIED, true, SEEDED_START);
        LocalDate day = LocalDate.of(2026, 10, 19);
        while (clock.instant().isBefore(TODAY)) {
            long inCourse = java.time.temporal.ChronoUnit.DAYS.between(SEEDED_START, day);
            boolean sessionDay = inCourse >= 0 && inCourse < 21 && day.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue()
                    && !day.equals(SEEDED_START.plusWeeks(1));
            if (sessionDay) {
                String s = db.sessions().start(account.id(), dorasProfile, new NewSession(5, 2400, "{}")).id();
                db.sessions().finish(account.id(), s, SessionStatus.COMPLETED, 2400, 0.2, "{}");
                doraDelivered++;
            }
            int nrs = inCourse < 0 ? 6 : inCourse < 14 ? 5 : inCourse % 2 == 0 ? 2 : 3;
            db.diary().add(account.id(), dorasProfile, new DiaryEntry.Nrs(day, EntryKind.NRS_DAILY, nrs), Optional.empty());
            clock.advance(Duration.ofDays(1));
            day = day.plusDays(1);
        }
    }

    @Test
    void aPersonChoosesTheStudiedCourseAndSeesWhatIsDueToday() {
        signUp(newLogin("ben"), PASSWORD);
        String id = createProfile("Ben", 181, 84, 1966);
        open("#/p/" + id);
        press("#go-course");
        waitForHash("#/p/" + id + "/course");
        assertThat(text("#course-studied")).contains("40 minutes a day, Monday to Friday, for 4 weeks");
        look("43-course-choose");

        // one's own course of 75-minute sessions: refused, and the page marks that box
        type("#own-minutes", 75);
        press("#own-days input[value=MONDAY]");
        press("#save-own");
        waitFor("#own-minutes[aria-invalid=true]");
        assertThat(text("#own-minutes-error")).contains("60").contains("75");
        assertThat(browser.driver.findElements(By.cssSelector("#own-weeks[aria-invalid]"))).isEmpty();

        press("#choose-studied");
        waitFor("#course-where");
        // the server's day is Monday 2026-11-30: the first day of the course
        assertThat(text("#course-week")).isEqualTo("Week 1 of 4 · day 1 of 28");
        assertThat(text("#course-sessions")).contains("0 of 1 planned sessions").contains("20 in the whole course");
        assertThat(text("#course-due")).contains("A session of 40 minutes").contains("pain rating").contains("PEG");
        assertThat(browser.driver.findElements(By.cssSelector("#course-verdict"))).isEmpty();
        look("43-course");
    }

    @Test
    void anEndedCourseShowsTheProgressVerdictWithSessionsDeliveredAgainstPlanned() {
        signIn(dora, PASSWORD);
        open("#/p/" + dorasProfile + "/progress");
        String progressVerdict = text("#verdict-badge");
        String progressReason = text("#verdict-reason");
        press("#progress-to-course");
        waitForHash("#/p/" + dorasProfile + "/course");
        assertThat(text("#course-week")).isEqualTo("Ended on 2026-11-22, after 4 weeks.");
        assertThat(text("#course-delivered")).isEqualTo("Sessions delivered: " + doraDelivered + " of 20 planned.");
        // the same words as the progress page, for the verdict the measure gives the stored diary
        assertThat(text("#course-verdict-badge")).isEqualTo(progressVerdict).isEqualTo(expectedVerdictWords())
                .isNotEqualTo("Not enough data yet");
        assertThat(text("#course-verdict")).contains(progressReason);
        look("43-course-ended");
    }

    private String expectedVerdictWords() {
        Account account = db.accounts().findByLogin(dora).orElseThrow();
        LocalDate first = db.diary().firstSessionDay(account.id(), dorasProfile).orElseThrow();
        var entries = db.diary().list(account.id(), dorasProfile).stream().map(StoredDiaryEntry::entry).toList();
        return switch (ProgressMeasure.assess(new Diary(first, entries), LocalDate.of(2026, 11, 30)).verdict()) {
            case LIKELY_BETTER -> "Likely better";
            case UNCLEAR -> "Unclear";
            case LIKELY_WORSE -> "Likely worse";
            case NOT_ENOUGH_DATA -> "Not enough data yet";
        };
    }

    private void open(String hash) {
        browser.driver.get(base + hash);
        waitForHash(hash);
    }

    /** {@link #lookAt} and a copy of its screenshots in the reactor root's app/target/screenshots. */
    private void look(String page) {
        lookAt(page);
        Path shared = Path.of("").toAbsolutePath().getParent().resolve("app").resolve("target").resolve("screenshots");
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
