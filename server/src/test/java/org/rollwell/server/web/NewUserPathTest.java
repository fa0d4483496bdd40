package org.rollwell.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A new person's first visit to a completed session on the twin: sign up, a profile, the screening one
 * question at a time, conditions, the body map, comfort and the check-in, the scan with its landmarks,
 * the plan preview, the live view to the session's end, pain after, and the history showing it. Each
 * page is checked with axe and photographed at both sizes on the way.
 */
class NewUserPathTest extends WebAppFixture {

    @Test
    void aNewPersonSetsUpTheirProfileAndChecksInThroughTheBrowser() {
        assertThat(browser.driver.findElements(org.openqa.selenium.By.cssSelector(".notice")))
                .as("a first visit is not told its session ended").isEmpty();
        lookAt("01-sign-in");
        press("#to-sign-up");
        waitForHash("#/signup");
        lookAt("02-sign-up");
        String login = newLogin("anna");
        type("#login", login);
        type("#password", "lower-back-2026");
        press("form button[type=submit]");
        waitForHash("#/profiles/new");
        lookAt("03-profile-new");

        // a height the server refuses is marked on its field with the server's reason
        type("#name", "Anna");
        type("#heightCm", 300);
        type("#weightKg", 68);
        type("#birthYear", 1971);
        press("form button[type=submit]");
        waitFor("#heightCm[aria-invalid=true]");
        assertThat(text("#heightCm-error")).contains("250");
        assertThat(text(".problem")).contains("heightCm");
        browser.screenshots("03b-profile-field-error");
        type("#heightCm", 168);
        press("form button[type=submit]");
        waitForHash("/screening");
        String url = browser.driver.getCurrentUrl();
        String id = url.substring(url.indexOf("#/p/") + 4, url.indexOf("/screening"));

        assertThat(text("#question-count")).isEqualTo("Question 1 of 20");
        lookAt("04-screening");
        for (int q = 1; q < 20; q++) {
            answer(false);
        }
        assertThat(question()).isEqualTo("Has a doctor or physiotherapist assessed this back pain?");
        press("#answer-yes");
        waitForHash("/conditions");
        lookAt("05-conditions");
        press("#condition-SCIATICA");
        press("#save-conditions");

        waitForHash("/painmap");
        lookAt("06-painmap");
        press("button[data-level=L4][data-side=LEFT]");
        choose("nrs", 6);
        lookAt("07-painmap-editor");
        press("#editor-done");
        assertThat(waitFor("button[data-level=L4][data-side=LEFT]").getAttribute("aria-label")).isEqualTo("L4 left: pain 6 of 10");
        press("button[data-level=T6][data-side=RIGHT]");
        press("#trigger");
        press("#editor-done");
        press("#save-painmap");

        waitForHash("/preferences");
        lookAt("08-preferences");
        choose("intensity", 4);
        press("#save-preferences");

        waitForHash("/checkin");
        lookAt("09-checkin");
        press("#RF_CAUDA_EQUINA-no");
        press("#RF_PROGRESSIVE_DEFICIT-no");
        press("#RF_FEVER_INFECTION-no");
        choose("pain-now", 5);
        press("#save-checkin");

        waitForHash("/scan");
        assertThat(text("h1")).isEqualTo("Scan your spine");
        lookAt("10-scan");

        @SuppressWarnings("unchecked")
        Map<Object, Object> doc = (Map<Object, Object>) stored(id).get("profile");
        @SuppressWarnings("unchecked") Map<Object, Object> answers = (Map<Object, Object>) doc.get("answers");
        assertThat(answers).hasSize(20).containsEntry("NO_DIAGNOSIS", false)
                .containsEntry("RF_CAUDA_EQUINA", false);
        assertThat(doc.get("conditions")).asList().containsExactly("SCIATICA");
        assertThat(doc.get("painMap")).asList().containsExactly(Map.of("level", "L4", "side", "LEFT", "nrs", 6L));
        assertThat(doc.get("triggerPoints")).asList().containsExactly(Map.of("level", "T6", "side", "RIGHT"));
        assertThat(((Map<?, ?>) doc.get("preferences")).get("intensity")).isEqualTo(4L);
        // the check-in's pain now went to the diary as the day's rating
        assertThat(browser.js("return fetch('/api/profiles/' + arguments[0] + '/pain').then(r => r.text())", id).toString())
                .contains("NRS_DAILY").contains("\"nrs\":5");

        // on the bed: the scan shows its progress, then the landmarks it found on the spine drawing
        bodyOnBed(true);
        twin.wall.slowDown(SCAN_SLOWDOWN);
        press("#start-scan");
        double first = scanProgress();
        waitUntil("the scan's progress moves", () -> scanProgress() > first);
        assertThat(text("#scan-progress-text")).matches("Scanning: \\d+ % done");
        lookAt("15-scan-progress");
        assertThat(browser.driver.findElements(By.cssSelector("progress"))).as("the screenshots are of the scan under way").isNotEmpty();
        twin.wall.slowDown(1);
        waitForText("h1", "Your spine");
        assertThat(text("[role=status]")).startsWith("Scan done. Confidence");
        assertThat(browser.driver.findElements(By.cssSelector("svg.spine text"))).extracting(WebElement::getText)
                .contains("C7", "L5", "T12L1", "L5S1");
        assertThat(browser.js("return document.querySelector('svg.spine title').textContent")).isEqualTo("Your spine as the scan found it, with its landmarks");
        lookAt("16-scan-landmarks");
        press("#to-goal");

        waitForHash("/goal");
        lookAt("17-goal");
        new Select(waitFor("#minutes")).selectByValue("10");
        press("#to-plan");
        waitForHash("/plan?goal=RELIEVE_TENSION");
        assertThat(mainText()).contains("10 minutes in").contains("set by");
        assertThat(browser.driver.findElements(By.cssSelector(".timeline > div"))).isNotEmpty();
        lookAt("18-plan-preview");
        press("#start-session");

        // the live view follows the session on the twin to its end
        waitForHash("/live?session=");
        String url2 = browser.driver.getCurrentUrl();
        String session = url2.substring(url2.indexOf("session=") + "session=".length());
        waitForRollersMoving();
        assertThat(text("#live-technique")).isNotEqualTo("–");
        assertThat(text("#live-time-left")).matches("\\d+:\\d\\d");
        assertThat(text("#live-force")).endsWith(" N");
        press("#to-pain-after"); // shown once the bed is at rest again
        assertThat(sessionStatus(session)).isEqualTo("COMPLETED");
        assertThat(bedState()).isEqualTo("IDLE");

        waitForHash("/pain-after");
        lookAt("21-pain-after");
        choose("pain-after", 3);
        press("input[name=pressure][value=RIGHT]");
        press("input[name=heat][value=TOO_HOT]");
        press("#save-pain-after");
        waitForHash("/history?saved=1");
        assertThat(browser.js("return fetch('/api/profiles/' + arguments[0] + '/pain').then(r => r.text())", id).toString())
                .contains("NRS_AFTER").contains("\"nrs\":3").contains("FEEDBACK").contains("TOO_HOT");
        // each rating is tied to the session it is about (the adaptation and the report read them per session):
        // the check-in's pain now became the session's pain before
        assertThat((List<Object>) browser.js("const s = arguments[1]; return fetch('/api/profiles/' + arguments[0] + '/pain')"
                + ".then(r => r.json()).then(d => d.entries.filter(e => e.sessionId === s)"
                + ".map(e => e.kind + ':' + (e.kind === 'FEEDBACK' ? e.heat : e.nrs)))", id, session))
                .containsExactlyInAnyOrder("NRS_BEFORE:5", "NRS_AFTER:3", "FEEDBACK:TOO_HOT");
        assertThat(text("#history-list")).contains("completed").containsPattern("(\\d+) of \\1 min");
        lookAt("22-history");
        press("#history-list a");
        waitForHash("/history/" + session);
        assertThat(mainText()).contains("completed").contains("Highest force:").contains("No faults.");
        lookAt("23-session-record");

        browser.driver.get(base + "#/p/" + id);
        waitForHash("#/p/" + id);
        assertThat(text("#go-screening")).contains("done");
        lookAt("11-profile-home");
    }

    @Override
    int timeScale() {
        return TIME_SCALE;
    }

    /**
     * How much slower than the fixture's {@value #TIME_SCALE} × the twin runs while its scan is watched: a scan of
     * ≈ 30 s on the bed would pass in a third of a second, between two of the page's polls (choice: 100 ÷ 50 = 2 ×).
     */
    private static final int SCAN_SLOWDOWN = 50;

    /** The scan's progress bar as the page shows it, 0–100; waits for it. Read in one go: each poll redraws it. */
    private double scanProgress() {
        waitFor("progress");
        Object value = browser.js("const p = document.querySelector('progress'); return p ? p.value : -1");
        assertThat(value).as("the progress bar while scanning").isNotEqualTo(-1L);
        return ((Number) value).doubleValue();
    }

    /** The profile as the API stores it, read by the signed-in page itself. */
    Map<?, ?> stored(String id) {
        return (Map<?, ?>) browser.js("return fetch('/api/profiles/' + arguments[0]).then(r => r.json())", id);
    }
}
