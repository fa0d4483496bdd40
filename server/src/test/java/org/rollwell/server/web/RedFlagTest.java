package org.rollwell.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Red flags in the browser (DOMAIN.md §5): a symptoms-now flag ends the screening at once on a page
 * that says why, what to do, how urgently and that nothing will run; a history flag does the same
 * until a clinician's clearance is recorded, which lifts it and lets the screening go on.
 */
class RedFlagTest extends WebAppFixture {

    @Test
    void saddleNumbnessEndsTheScreeningOnAnEmergencyPageAndNothingRuns() {
        signUp(newLogin("ben"), "sciatica-2026");
        String id = createProfile("Ben", 181, 84, 1966);
        press("#answer-yes"); // RF_CAUDA_EQUINA, the first question

        waitForHash("/p/" + id + "/stop");
        String page = text("#stop-page");
        assertThat(text("#stop-page h1")).isEqualTo("Please get medical help");
        assertThat(page).contains("Go to an emergency department now")
                .contains("Now: this is an emergency.")
                .contains("Nothing will run: the bed will not start a session for Ben");
        assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector("#to-clearances")))
                .as("a symptoms-now flag is never cleared in advance").isEmpty();
        lookAt("12-red-flag-stop");

        // the profile page keeps saying so
        browser.driver.get(base + "#/p/" + id);
        waitForHash("#/p/" + id);
        assertThat(mainText()).contains("No session can run for this profile right now.");
        assertThat(text("#go-screening")).contains("no sessions");
    }

    @Test
    void aClearanceLiftsAHistoryFlagAndTheScreeningGoesOn() {
        signUp(newLogin("clara"), "upper-back-2026");
        String id = createProfile("Clara", 165, 61, 1958);
        answer(false); // RF_CAUDA_EQUINA
        answer(false); // RF_PROGRESSIVE_DEFICIT
        answer(false); // RF_FEVER_INFECTION
        assertThat(question()).startsWith("Have you ever had cancer");
        press("#answer-yes");

        waitForHash("/stop");
        assertThat(text("#stop-page h1")).isEqualTo("No sessions for now");
        assertThat(text("#stop-page")).contains("Book an appointment with your doctor").contains("Soon: within the next days.");
        press("#to-clearances");

        waitForHash("/clearances");
        lookAt("13-clearances");
        // a clearance may not be dated after the bed's day (the fixture's server lives on 2026-11-30 in Berlin,
        // whatever the browser's own clock says)
        assertThat(browser.driver.findElement(org.openqa.selenium.By.cssSelector("#date-0")).getAttribute("max"))
                .isEqualTo("2026-11-30");
        type("#clinician-0", "Dr A. Lee");
        browser.js("document.querySelector('#date-0').value = arguments[0]", "2026-06-01");
        type("#note-0", "back pain is mechanical");
        press("#save-clearances");

        // back in the screening where it stopped, the next question after the cleared one
        waitForHash("/screening?resume=1");
        assertThat(question()).isEqualTo("Have you lost weight recently without trying?");
        for (int q = 5; q < 20; q++) {
            answer(false);
        }
        press("#answer-yes"); // assessed by a doctor
        waitForHash("/conditions");

        browser.driver.get(base + "#/p/" + id);
        waitForHash("#/p/" + id);
        assertThat(text("#go-screening")).contains("done");
        assertThat(mainText()).doesNotContain("No session can run");
    }
}
