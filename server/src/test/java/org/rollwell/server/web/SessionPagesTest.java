package org.rollwell.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
}
