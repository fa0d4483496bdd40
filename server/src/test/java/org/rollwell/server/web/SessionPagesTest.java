package org.rollwell.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.openqa.selenium.By;
import org.rollwell.store.NewSession;
import org.rollwell.store.SessionStatus;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * A running session on the twin, driven from the live view through the real routes: a step of
 * intensity refused at its limit with the limit named, and STOP by its button, by Escape and by Space,
 * each bringing the bed to rest and the session into the history as stopped.
 */
class SessionPagesTest extends WebAppFixture {
    /** Long enough that a session still runs while the page is checked and photographed (choice). */
    private static final int LONG_MINUTES = 40;

    @Override
    int timeScale() {
        return TIME_SCALE;
    }

    @Test
    void aStepPastTheLimitIsRefusedNamingItAndTheStopButtonBringsTheBedToRest() {
        signUp(newLogin("finn"), "session-pages");
        String id = screenedProfile("Finn", 178, 80, 1975);
        bodyOnBed(true);
        String session = startSession(id, "RELIEVE_TENSION", LONG_MINUTES);
        waitForRollersMoving();
        assertThat(text("#live-state")).isEqualTo("Running");
        assertThat(text("h1")).isEqualTo("Session Finn");
        lookAt("19-live");

        // one step down is taken, then steps up until the limit answers with its name and rule
        press("#intensity-down");
        waitFor("#adjusted");
        assertThat(text("#adjusted")).startsWith("Intensity changed.");
        String refusal = null;
        for (int i = 0; i < 12 && refusal == null; i++) {
            press("#intensity-up");
            waitUntil("the step is answered", () -> !browser.driver.findElements(By.cssSelector("[aria-live=assertive] > *")).isEmpty());
            if (!browser.driver.findElements(By.cssSelector("[aria-live=assertive] .problem")).isEmpty()) {
                refusal = text("[aria-live=assertive] .problem");
            }
        }
        assertThat(refusal).as("intensity steps up reach a limit").isNotNull().contains("set by");
        browser.screenshots("19b-live-at-limit");

        press("#stop");
        waitForRest(session);
    }

    @Test
    void escapeStopsARunningSession() {
        signUp(newLogin("gita"), "escape-key");
        String id = screenedProfile("Gita", 164, 59, 1983);
        bodyOnBed(true);
        String session = startSession(id, "STRESS", LONG_MINUTES);
        waitForRollersMoving();
        new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
        waitForRest(session);
    }

    @Test
    void spaceStopsARunningSessionWithNothingFocused() {
        signUp(newLogin("hugo"), "space-key");
        String id = screenedProfile("Hugo", 186, 90, 1969);
        bodyOnBed(true);
        String session = startSession(id, "RANGE_OF_MOTION", LONG_MINUTES);
        waitForRollersMoving();
        browser.js("document.activeElement.blur()"); // Space on a focused button would press it: test the key alone
        new Actions(browser.driver).sendKeys(Keys.SPACE).perform();
        waitForRest(session);
    }

    /** The live view says the bed is at rest and offers pain after; the session is recorded stopped, short of its plan. */
    private void waitForRest(String session) {
        waitForText("#live-state", "Ready");
        waitFor("#to-pain-after");
        assertThat(bedState()).isEqualTo("IDLE");
        waitUntil("the stopped session is recorded", () -> "STOPPED".equals(sessionStatus(session)));
        Object short_ = browser.js("return fetch('/api/sessions/' + arguments[0]).then(r => r.json()).then(s => s.deliveredS < s.plannedS)", session);
        assertThat(short_).as("a stopped session delivered less than it planned").isEqualTo(true);
    }

    @Test
    void theDailyLimitReachedIsSaidOnThePlanWithWhenItResetsAndTheStartIsRefused() {
        signUp(newLogin("ines"), "daily-limit");
        String id = screenedProfile("Ines", 167, 61, 1980);
        String account = String.valueOf(browser.js("return fetch('/api/me').then(r => r.json()).then(m => m.id)"));
        for (int i = 0; i < 2; i++) { // today's two sessions, recorded in the store as the bed records them
            String s = db.sessions().start(account, id, new NewSession(5, 1200, "{}")).id();
            db.sessions().finish(account, s, SessionStatus.COMPLETED, 1200, 0.1, "{}");
        }
        browser.js("location.hash = arguments[0]", "#/p/" + id + "/plan?goal=RELIEVE_TENSION&minutes=20");
        waitForHash("/plan?goal=RELIEVE_TENSION");
        // the limit resets at the bed's next midnight, shown in the browser's time zone as every date is (ISO)
        ZoneId browserZone = ZoneId.of(String.valueOf(browser.js("return Intl.DateTimeFormat().resolvedOptions().timeZone")));
        String midnight = LocalDate.now(serverClock).plusDays(1).atStartOfDay(serverClock.getZone()).withZoneSameInstant(browserZone)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        assertThat(text("#daily-limit")).contains("Today's sessions are used up.").contains("Already 2 sessions today")
                .contains("The next session may start on " + midnight + ".");
        assertThat(browser.driver.findElements(By.cssSelector("#start-session:enabled"))).as("an enabled Start").isEmpty();
        lookAt("18c-plan-daily-limit");

        bodyOnBed(true);
        String refused = call("POST", "/api/sessions", "{\"profileId\":\"" + id + "\",\"goal\":\"RELIEVE_TENSION\",\"minutes\":20}");
        assertThat(refused).startsWith("409 ").contains("daily-limit").contains("Rest until tomorrow");
        assertThat(bedState()).isEqualTo("IDLE");
    }
}
