package org.rollwell.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The program library: a file that is not JSON, then one with mistakes refused field by field, each said once. */
class ProgramImportTest extends WebAppFixture {

    @Test
    void aProgramFileWithMistakesIsRefusedFieldByField() {
        signUp(newLogin("gus"), "program-import");
        browser.js("location.hash = '#/programs'");
        waitFor("#program-list");
        assertThat(text("#program-list")).isNotBlank();
        lookAt("24-programs");
        type("#program-text", "{\"format\":\"rollwell.program/1\"");
        press("#import-program");
        assertThat(text("#import-result .problem")).startsWith("This is not a JSON file");
        type("#program-text", """
                {"format": "rollwell.program/1", "id": "my-evening", "name": "My evening", "goals": ["STRESS"],
                 "segments": [{"technique": "SHAKE", "from": "T1", "to": "L5", "seconds": 5}]}""");
        press("#import-program");
        waitFor("#program-errors");
        String errors = text("#program-errors");
        assertThat(errors).contains("$.segments[0].technique").contains("unknown technique \"SHAKE\"")
                .contains("$.segments[0].seconds").contains("was 5").contains("$.description");
        String box = text("#import-result .problem");
        assertThat(box).contains("4 mistakes, listed below by field");
        for (var reason : browser.driver.findElements(By.cssSelector("#program-errors tbody td:last-child"))) {
            assertThat(box).as("the box does not say the table's rows again").doesNotContain(reason.getText());
        }
        lookAt("25-program-errors");
    }
}
