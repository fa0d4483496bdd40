package org.rollwell.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rollwell.bed.safety.Lock;

/**
 * A fault that locks the lift (docs/faults.md "Latches"): the live view and the plan page say which part is
 * locked, why, and the service reset it needs; Start is disabled and the server refuses it; the service reset
 * brings Start back. Its own class: the twin's failed load cell stays failed, so no other session could run on
 * this server's bed afterwards.
 */
class LockedLiftTest extends WebAppFixture {
    /** A load cell failing (twin kind), tripped as LOAD_CELL_FAILURE, which locks the lift (docs/faults.md). */
    private static final String LIFT_FAULT = "LOAD_CELL_FAIL";

    @Override
    int timeScale() {
        return TIME_SCALE;
    }

    @Test
    void aLockedLiftSaysSoWithItsResetAndTheNextStartIsRefusedUntilTheReset() {
        signUp(newLogin("jon"), "lift-lock");
        String id = screenedProfile("Jon", 181, 84, 1972);
        bodyOnBed(true);
        startSession(id, "RELIEVE_TENSION", 40);
        waitForRollersMoving();
        assertThat(call("POST", "/api/sim/faults", "{\"kind\":\"" + LIFT_FAULT + "\",\"zone\":0}")).startsWith("202 ");
        waitFor("#fault");
        press("#acknowledge");
        assertThat(text("#locks [data-lock=lift]")).contains("The lift is locked.").contains("Cause: LOAD_CELL_FAILURE")
                .contains("No session or scan can start until it is reset.")
                .contains("rollwell service reset --lift --by NAME --reason TEXT");
        lookAt("20c-locked-lift");

        // another profile (Jon's own history holds today's session): the plan says so before Start, the bed refuses
        browser.js("location.hash = '#/profiles/new'");
        String other = screenedProfile("Kai", 172, 70, 1990);
        browser.js("location.hash = arguments[0]", "#/p/" + other + "/plan?goal=RELIEVE_TENSION&minutes=10");
        waitForHash("/plan?goal=RELIEVE_TENSION");
        assertThat(text("#locks [data-lock=lift]")).contains("The lift is locked.");
        assertThat(text("#start-refused")).isEqualTo("The lift is locked, so no session can start: see above.");
        assertThat(waitFor("#start-session").isEnabled()).as("Start while the lift is locked").isFalse();
        lookAt("18b-plan-lift-locked");
        String refused = call("POST", "/api/sessions", "{\"profileId\":\"" + other + "\",\"goal\":\"RELIEVE_TENSION\",\"minutes\":10}");
        assertThat(refused).startsWith("403 ").contains("bed-locked").contains("the lift is locked");

        // the service technician's reset (what `rollwell service reset --lift` does) frees the lift again
        twin.locks.reset(Lock.Target.LIFT, 0, "browser test", "load cell replaced");
        browser.driver.navigate().refresh();
        waitForHash("/plan?goal=RELIEVE_TENSION");
        assertThat(browser.driver.findElements(By.cssSelector("#locks [data-lock=lift]"))).isEmpty();
        assertThat(waitFor("#start-session").isEnabled()).as("Start once the lift is reset").isTrue();
    }
}
