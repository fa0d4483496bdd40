package org.rollwell.therapy.profile;

import org.rollwell.therapy.input.ParseResult;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.SessionPlanner;
import org.rollwell.therapy.screening.ScreeningId;

/** The complete example in docs/profile-format.md is a valid profile that gets a plan. */
class ProfileFormatDocTest {

    @Test
    void the_documented_complete_example_parses_and_plans() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "profile-format.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("```json\n") + "```json\n".length();
        String json = doc.substring(start, doc.indexOf("```", start));

        ParseResult<Profile> result = ProfileParser.parse(json);

        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        Profile profile = ((ParseResult.Parsed<Profile>) result).value();
        assertThat(profile.unanswered()).isEmpty();
        assertThat(profile.clinicianApproved()).containsExactly(ScreeningId.CI_ACTIVE_CANCER);
        assertThat(profile.spineMapOrNormative().source()).isEqualTo(SpineMap.Source.MEASURED);
        SessionPlan plan = new SessionPlanner(BedLimits.REFERENCE).plan(profile, Goal.TRIGGER_POINTS, 30);
        assertThat(plan.status()).isEqualTo(SessionPlan.Status.OK);
        assertThat(plan.envelope().excluded()).singleElement()
                .satisfies(x -> assertThat(x.reason()).startsWith("CI_SKIN_LESION"));
    }

    @Test
    void the_documented_profile_2_example_goes_ahead_with_both_clearances_named() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "profile-format.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("```json\n", doc.indexOf("## Version 2")) + "```json\n".length();
        String json = doc.substring(start, doc.indexOf("```", start));

        Profile profile = ((ParseResult.Parsed<Profile>) ProfileParser.parse(json)).value();
        SessionPlan plan = new SessionPlanner(BedLimits.REFERENCE).plan(profile,
                org.rollwell.therapy.screening.Visit.fromProfile(profile, java.time.LocalDate.of(2026, 11, 30)),
                Goal.RELIEVE_TENSION, 30);

        assertThat(plan.status()).isEqualTo(SessionPlan.Status.OK);
        assertThat(plan.reasons()).filteredOn(r -> r.code().equals("CLEARED")).hasSize(2);
    }

    @Test
    void the_documented_check_in_example_reads() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "checkin-format.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("```json\n") + "```json\n".length();

        assertThat(CheckInParser.parse("", doc.substring(start, doc.indexOf("```", start))).ok()).isTrue();
    }
}
