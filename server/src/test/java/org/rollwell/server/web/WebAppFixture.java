package org.rollwell.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rollwell.server.BedLink;
import org.rollwell.server.CompanionServer;
import org.rollwell.store.Database;
import org.rollwell.store.TestClock;

/**
 * One real server over a fresh SQLite database and one headless Chromium per test class; each test
 * signs up its own household, so tests never see each other's data. A class that walks sessions asks
 * for the bed ({@link #timeScale()}): the digital twin behind the real routes, {@value #TIME_SCALE} ×
 * faster than the wall. Steps read as a person's: open, press, type, choose.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebAppFixture {
    /** bcrypt's lowest cost: the tests check the pages, not hashing strength. */
    private static final int TEST_COST = 4;
    private static final AtomicInteger LOGINS = new AtomicInteger();

    /** The twin's speed for classes with a bed: the largest `--time-scale`, so a 10 min session takes 6 s (choice). */
    static final int TIME_SCALE = 100;
    /** The longest wait on the page, s: a whole session at {@value #TIME_SCALE} × on a busy 2-core box (choice). */
    static final int WAIT_S = 60;

    Path dir;
    Database db;
    CompanionServer server;
    Browser browser;
    String base;
    /** The server's and the store's clock: a fixed day in Berlin. */
    java.time.Clock serverClock;
    /** The twin behind the bed's routes, in classes with a {@link #timeScale()}; else null. */
    TwinBed twin;

    @BeforeAll
    void startServerAndBrowser() throws SQLException, java.io.IOException {
        browser = Browser.start();
        dir = Files.createTempDirectory("rollwell-web");
        TestClock clock = new TestClock(Instant.parse("2026-11-30T07:00:00Z"), ZoneId.of("Europe/Berlin"));
        serverClock = clock;
        db = Database.open(Database.sqliteUrl(dir), null, null, clock);
        twin = timeScale() > 0 ? TwinBed.start(db, clock, timeScale()) : null;
        BedLink bed = twin != null ? twin.link : BedLink.none();
        server = CompanionServer.start(db, new CompanionServer.Options("127.0.0.1", 0, TEST_COST), clock, bed);
        base = "http://127.0.0.1:" + server.port() + "/";
    }

    /** The twin's time scale behind the bed's routes, or 0 for a server without a bed (pages that need none). */
    int timeScale() {
        return 0;
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @BeforeEach
    void freshTab() {
        browser.size(Browser.PHONE);
        browser.driver.get(base);
        browser.js("sessionStorage.clear()");
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(base + "#/signin");
        waitFor("#login");
    }

    static String newLogin(String who) {
        return who + "-" + LOGINS.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    }

    WebElement waitFor(String css) {
        try {
            return new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshots("failed-" + getClass().getSimpleName()); // what the page showed instead
            throw e;
        }
    }

    void waitForText(String css, String text) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(WAIT_S))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    void waitForHash(String fragment) {
        try {
            new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> {
                String url = d.getCurrentUrl();
                return url != null && url.contains(fragment);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshots("failed-" + getClass().getSimpleName()); // where the page stayed instead, and why
            throw new AssertionError("the page did not reach " + fragment + "; it shows " + browser.driver.getCurrentUrl()
                    + ": " + browser.driver.findElement(By.tagName("main")).getText(), e);
        }
        waitFor("main[aria-busy=false]");
    }

    void press(String css) {
        WebElement e = waitFor(css);
        browser.js("arguments[0].scrollIntoView({block: 'center'})", e); // as a thumb would scroll to it first
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(e));
        e.click();
    }

    void type(String css, Object text) {
        WebElement e = waitFor(css);
        e.clear();
        e.sendKeys(String.valueOf(text));
    }

    /** Chooses a number on a 0-10 scale (a radio group) by pressing its visible box. */
    void choose(String name, int value) {
        press("input[name='" + name + "'][value='" + value + "'] + span");
    }

    String text(String css) {
        return waitFor(css).getText();
    }

    String mainText() {
        return waitFor("main[aria-busy=false]").getText();
    }

    /** The page passes axe-core's WCAG 2.1 AA rules without a serious or critical violation, at both sizes. */
    void accessible(String page) {
        for (var size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            browser.size(size);
            assertThat(browser.seriousViolations()).as("axe on %s at %s", page, size).isEmpty();
        }
        Object missing = browser.js("return window.rollwellMissingMessages || []");
        assertThat((List<?>) missing).as("message keys missing from messages.en.json on %s", page).isEmpty();
    }

    /** Checks the page with axe and saves its screenshots. */
    void lookAt(String page) {
        accessible(page);
        browser.screenshots(page);
    }

    void signUp(String login, String password) {
        browser.driver.get(base + "#/signup");
        type("#login", login);
        type("#password", password);
        press("form button[type=submit]");
        waitForHash("#/profiles/new");
    }

    void signIn(String login, String password) {
        browser.driver.get(base + "#/signin");
        type("#login", login);
        type("#password", password);
        press("form button[type=submit]");
        waitForHash("#/profiles");
    }

    /** Fills the new-profile form and creates it; returns the profile's id from the address it lands on. */
    String createProfile(String name, int heightCm, int weightKg, int birthYear) {
        waitForHash("#/profiles/new");
        type("#name", name);
        type("#heightCm", heightCm);
        type("#weightKg", weightKg);
        type("#birthYear", birthYear);
        press("form button[type=submit]");
        waitForHash("/screening");
        String url = browser.driver.getCurrentUrl();
        return url.substring(url.indexOf("#/p/") + 4, url.indexOf("/screening"));
    }

    /** Answers the screening question on screen; "yes" or "no". */
    void answer(boolean yes) {
        String before = text("#question-count");
        press(yes ? "#answer-yes" : "#answer-no");
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> {
            List<WebElement> count = d.findElements(By.cssSelector("#question-count"));
            return count.isEmpty() || !count.get(0).getText().equals(before);
        });
    }

    String question() {
        return text("#question");
    }

    // --- the bed (classes with a timeScale) ---

    /**
     * A request from the signed-in page itself (its cookie and CSRF token), for what happens to the bed
     * rather than on the page: the person lying down, a fault striking. Returns "STATUS BODY".
     */
    String call(String method, String path, String body) {
        return String.valueOf(browser.js("""
                return fetch(arguments[1], {method: arguments[0], body: arguments[2],
                  headers: {'Content-Type': 'application/json', 'X-CSRF-Token': sessionStorage.getItem('rollwell.csrf')}})
                  .then(async r => r.status + ' ' + await r.text())""", method, path, body));
    }

    /** Puts the twin's person on the bed (PUT /api/sim/body) or takes them off. */
    void bodyOnBed(boolean on) {
        assertThat(call("PUT", "/api/sim/body", "{\"onBed\":" + on + "}")).startsWith("200 ");
    }

    String bedState() {
        return field(call("GET", "/api/bed", null), "state");
    }

    String sessionStatus(String sessionId) {
        return field(call("GET", "/api/sessions/" + sessionId, null), "status");
    }

    /** One top-level text field of a "STATUS BODY" answer. */
    private String field(String answer, String name) {
        return String.valueOf(browser.js("return JSON.parse(arguments[0])[arguments[1]]", answer.substring(answer.indexOf(' ') + 1), name));
    }

    void waitUntil(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(WAIT_S)).withMessage(what).until(d -> condition.getAsBoolean());
    }

    /** A new profile through the page, its whole screening answered with nothing that stops a session (through the API). */
    String screenedProfile(String name, int heightCm, int weightKg, int birthYear) {
        String id = createProfile(name, heightCm, weightKg, birthYear);
        Object status = browser.js("""
                const answers = {};
                for (const q of ['RF_CAUDA_EQUINA','RF_PROGRESSIVE_DEFICIT','RF_FEVER_INFECTION','RF_CANCER_HISTORY',
                  'RF_WEIGHT_LOSS','RF_TRAUMA','RF_NIGHT_PAIN','RF_AGE_ONSET','RF_FRACTURE_RISK','CI_DVT','CI_PREGNANCY',
                  'CI_ACTIVE_CANCER','CI_RECENT_SURGERY_OR_FRACTURE','CI_OSTEOPOROSIS','CI_ANTICOAGULANT',
                  'CI_REDUCED_SENSATION','CI_HEAT_INTOLERANCE','CI_SKIN_LESION','CI_IMPLANT','NO_DIAGNOSIS']) answers[q] = false;
                return fetch('/api/profiles/' + arguments[0]).then(r => r.json()).then(p => fetch('/api/profiles/' + arguments[0], {
                  method: 'PUT', headers: {'Content-Type': 'application/json', 'X-CSRF-Token': sessionStorage.getItem('rollwell.csrf')},
                  body: JSON.stringify({name: p.name, profile: {...p.profile, answers, painTodayNrs: 4}})})).then(r => r.status)""", id);
        assertThat(status).isEqualTo(200L);
        return id;
    }

    /** Opens the plan preview for a goal and length, presses Start and waits for the live view; returns the session's id. */
    String startSession(String profileId, String goal, int minutes) {
        browser.js("location.hash = arguments[0]", "#/p/" + profileId + "/plan?goal=" + goal + "&minutes=" + minutes);
        waitForHash("/plan?goal=" + goal);
        press("#start-session");
        waitForHash("/live?session=");
        String url = browser.driver.getCurrentUrl();
        return url.substring(url.indexOf("session=") + "session=".length());
    }

    /** Waits until the live view says the session runs and its rollers have moved on the spine drawing. */
    void waitForRollersMoving() {
        waitForText("#live-state", "Running");
        String before = rollers();
        waitUntil("the rollers move on the spine drawing", () -> !rollers().equals(before));
    }

    private String rollers() {
        return String.valueOf(browser.js("const g = document.querySelector('svg.spine g');"
                + " return g ? g.getAttribute('visibility') + ' ' + g.getAttribute('transform') : ''"));
    }
}
