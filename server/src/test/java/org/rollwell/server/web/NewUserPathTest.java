package org.rollwell.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A new person's first visit as far as the API on this branch reaches: sign up, a profile, the
 * screening one question at a time, conditions, the body map, comfort and the check-in, arriving at
 * the scan. Each page is checked with axe and photographed at both sizes on the way.
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

        browser.driver.get(base + "#/p/" + id);
        waitForHash("#/p/" + id);
        assertThat(text("#go-screening")).contains("done");
        lookAt("11-profile-home");
    }

    /** The profile as the API stores it, read by the signed-in page itself. */
    Map<?, ?> stored(String id) {
        return (Map<?, ?>) browser.js("return fetch('/api/profiles/' + arguments[0]).then(r => r.json())", id);
    }
}
