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
import org.rollwell.server.CompanionServer;
import org.rollwell.store.Database;
import org.rollwell.store.TestClock;

/**
 * One real server over a fresh SQLite database and one headless Chromium per test class; each test
 * signs up its own household, so tests never see each other's data. Steps read as a person's: open,
 * press, type, choose.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebAppFixture {
    /** bcrypt's lowest cost: the tests check the pages, not hashing strength. */
    private static final int TEST_COST = 4;
    private static final AtomicInteger LOGINS = new AtomicInteger();

    Path dir;
    Database db;
    CompanionServer server;
    Browser browser;
    String base;

    @BeforeAll
    void startServerAndBrowser() throws SQLException, java.io.IOException {
        browser = Browser.start();
        dir = Files.createTempDirectory("rollwell-web");
        TestClock clock = new TestClock(Instant.parse("2026-11-30T07:00:00Z"), ZoneId.of("Europe/Berlin"));
        db = Database.open(Database.sqliteUrl(dir), null, null, clock);
        server = CompanionServer.start(db, new CompanionServer.Options("127.0.0.1", 0, TEST_COST), clock);
        base = "http://127.0.0.1:" + server.port() + "/";
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
        new WebDriverWait(browser.driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    void waitForHash(String fragment) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> {
            String url = d.getCurrentUrl();
            return url != null && url.contains(fragment);
        });
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
}
