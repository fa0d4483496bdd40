package org.rollwell.therapy.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.input.Problem;
import org.rollwell.therapy.plan.SessionPlanner;
import org.rollwell.therapy.screening.ScreeningId;
import org.rollwell.therapy.screening.Visit;

/** rollwell.profile/2: profile/1 plus clearances, painOnset and surgeryDate. */
class ProfileVersion2Test {

    private static final String CLEARANCES = "\"clearances\": [{\"id\": \"RF_CANCER_HISTORY\", \"clinician\": \"Dr A. Lee\","
            + " \"date\": \"2026-06-01\", \"note\": \"old melanoma, back pain is mechanical\"}],"
            + " \"surgeryDate\": \"2019-03-01\",";

    private static String v2(String name) {
        return TestProfiles.exampleText(name).replace("\"rollwell.profile/1\",", "\"rollwell.profile/2\", " + CLEARANCES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"anna", "ben", "clara", "red-flag"})
    void a_profile_1_example_with_the_new_format_and_clearances_is_a_valid_profile_2_that_plans_the_same(String name) {
        Profile v1 = TestProfiles.example(name);
        Profile v2 = ((ParseResult.Parsed<Profile>) ProfileParser.parse(v2(name))).value();
        LocalDate today = LocalDate.of(2026, 11, 30);
        SessionPlanner planner = new SessionPlanner(BedLimits.REFERENCE);

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.clearances()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(ScreeningId.RF_CANCER_HISTORY);
            assertThat(c.date()).contains(LocalDate.of(2026, 6, 1));
        });
        for (Goal goal : Goal.values()) {
            assertThat(planner.plan(v2, Visit.fromProfile(v2, today), goal, 40))
                    .isEqualTo(planner.plan(v1, Visit.fromProfile(v1, today), goal, 40));
        }
    }

    @Test
    void profile_1_refuses_the_fields_of_profile_2_naming_the_format_they_need() {
        String text = TestProfiles.exampleText("anna").replace("\"rollwell.profile/1\",", "\"rollwell.profile/1\", " + CLEARANCES);

        assertThat(ProfileParser.parse(text).problems()).extracting(Problem::path)
                .containsExactly("$.clearances", "$.surgeryDate");
        assertThat(ProfileParser.parse(text).problems().get(0).reason()).contains("rollwell.profile/2");
    }

    @Test
    void a_symptom_now_cannot_be_cleared_in_a_file() {
        String text = v2("anna").replace("\"id\": \"RF_CANCER_HISTORY\"", "\"id\": \"RF_CAUDA_EQUINA\"");

        assertThat(ProfileParser.parse(text).problems()).extracting(Problem::path).containsExactly("$.clearances[0].id");
        assertThat(ProfileParser.parse(text).problems().get(0).reason()).contains("check-in");
    }

    @Test
    void a_clearance_needs_a_real_date_and_a_clinician() {
        String text = v2("anna").replace("\"2026-06-01\"", "\"2026-02-30\"").replace("\"Dr A. Lee\"", "\" \"");

        assertThat(ProfileParser.parse(text).problems()).extracting(Problem::path)
                .containsExactly("$.clearances[0].clinician", "$.clearances[0].date");
    }
}
