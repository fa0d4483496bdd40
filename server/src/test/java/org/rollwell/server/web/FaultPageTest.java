package org.rollwell.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A fault striking the twin during a session (POST /api/sim/faults): the live view says what happened,
 * that the bed is safe and what to do next, and holds the bed until the person acknowledges it; the
 * history keeps the session as stopped by that fault.
 */
class FaultPageTest extends WebAppFixture {
    /** The fault injected: a heater zone's thermistor reads open, which the supervisor trips on at once (choice). */
    private static final String FAULT = "THERMISTOR_OPEN";
    /** The code the supervisor trips on it (docs/faults.md), which locks the zone's heat. */
    private static final String FAULT_CODE = "THERMISTOR_OPEN";

    @Override
    int timeScale() {
        return TIME_SCALE;
    }

    @Test
    void aFaultDuringASessionIsShownAndNeedsAnAcknowledgement() {
        signUp(newLogin("ida"), "fault-page");
        String id = screenedProfile("Ida", 170, 65, 1977);
        bodyOnBed(true);
        String session = startSession(id, "RELIEVE_TENSION", 40);
        waitForRollersMoving();
        assertThat(call("POST", "/api/sim/faults", "{\"kind\":\"" + FAULT + "\",\"zone\":0}")).startsWith("202 ");

        waitFor("#fault");
        assertThat(text("#fault")).contains("The bed stopped because of a fault").contains("The bed is safe")
                .contains("Acknowledge the fault to start again");
        waitForText("#live-state", "Stopped: fault");
        assertThat(bedState()).isEqualTo("FAULTED");
        String shown = text("#fault li");
        lookAt("20-fault");

        press("#acknowledge");
        waitUntil("the fault box goes once acknowledged", () -> !browser.driver.findElement(By.cssSelector("#fault")).isDisplayed());
        assertThat(bedState()).isEqualTo("IDLE");
        // the acknowledgement clears the trip, not the zone's heat: the page says which zone, why, and the reset
        assertThat(text("#locks [data-lock='zone 0 heat']")).contains("The heat of zone 0 is locked.")
                .contains("Cause: " + FAULT_CODE).contains("Sessions still run, with that zone unheated.")
                .contains("rollwell service reset --zone 0 --by NAME --reason TEXT");
        lookAt("20b-locked-zone");
        waitUntil("the faulted session is recorded", () -> "FAULTED".equals(sessionStatus(session)));

        browser.js("location.hash = arguments[0]", "#/p/" + id + "/history/" + session);
        waitForHash("/history/" + session);
        assertThat(mainText()).contains("stopped by a fault");
        assertThat(text("#faults")).isNotBlank().isSubstringOf(shown);
        lookAt("23b-session-record-fault");
    }
}
