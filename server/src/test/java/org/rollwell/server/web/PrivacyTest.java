package org.rollwell.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

/** A second household in the same browser sees nothing of the first, not even by typing its address. */
class PrivacyTest extends WebAppFixture {

    @Test
    void aSecondAccountCannotSeeTheFirstAccountsProfile() {
        String first = newLogin("dora");
        signUp(first, "first-household");
        String id = createProfile("Dora", 170, 66, 1980);
        press("#sign-out");
        waitForHash("#/signin");
        assertThat(text(".notice")).isEqualTo("You are signed out.");

        signUp(newLogin("eve"), "second-household");
        browser.driver.get(base + "#/profiles");
        waitForHash("#/profiles");
        assertThat(mainText()).contains("No profiles yet").doesNotContain("Dora");
        lookAt("14-profiles-empty");

        browser.driver.get(base + "#/p/" + id);
        waitForHash("#/p/" + id);
        assertThat(text(".problem")).contains("this account has no profile").doesNotContain("Dora");
        assertThat(browser.driver.findElements(By.cssSelector("#go-screening"))).isEmpty();
        lookAt("15-not-yours");

        // signed in again as the first household, Dora is there
        press("#sign-out");
        signIn(first, "first-household");
        assertThat(text("#profile-list")).contains("Dora");
    }

    @Test
    void aSecondTabOfTheSameBrowserIsSignedInAndCanChangeThings() {
        signUp(newLogin("fay"), "two-tabs-2026");
        String first = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.TAB); // its own sessionStorage: no token from the first tab
        try {
            browser.driver.get(base + "#/profiles/new");
            String id = createProfile("Fay", 172, 63, 1990); // a POST: it needs the CSRF token
            assertThat(id).isNotBlank();
        } finally {
            browser.driver.close();
            browser.driver.switchTo().window(first);
        }
        browser.driver.get(base + "#/profiles");
        waitForHash("#/profiles");
        assertThat(text("#profile-list")).contains("Fay");
    }
}
