package org.rollwell.therapy.profile;

import org.rollwell.therapy.input.Problem;
import org.rollwell.therapy.input.ParseResult;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.screening.ScreeningId;

class ProfileParserTest {

    @Test
    void annas_sample_profile_reads_as_she_wrote_it() {
        Profile anna = TestProfiles.example("anna");

        assertThat(anna.heightCm()).isEqualTo(168);
        assertThat(anna.conditions()).containsExactly(Condition.SCIATICA);
        assertThat(anna.painMap()).contains(new PainEntry(Level.L4, Side.LEFT, 6));
        assertThat(anna.triggerPoints()).containsExactly(new TriggerPoint(Level.L3, Side.LEFT));
        assertThat(anna.unanswered()).isEmpty();
        assertThat(anna.preferences()).isEqualTo(new Preferences(5, 50, true));
        assertThat(anna.spineMap()).isEmpty();
    }

    @Test
    void bens_measured_spine_map_replaces_the_normative_one() {
        Profile ben = TestProfiles.example("ben");

        SpineMap map = ben.spineMapOrNormative();
        assertThat(map.source()).isEqualTo(SpineMap.Source.MEASURED);
        assertThat(map.positionMm(Level.T4)).isEqualTo(308.9);
        assertThat(map.quality()).isEqualTo(0.86);
    }

    @Test
    void every_sample_profile_parses() {
        for (String name : List.of("anna", "ben", "clara", "red-flag")) {
            assertThat(ProfileParser.parse(TestProfiles.exampleText(name)))
                    .as(name).isInstanceOf(ParseResult.Parsed.class);
        }
    }

    @Test
    void a_profile_that_leaves_questions_out_still_parses_and_knows_what_is_missing() {
        String json = TestProfiles.exampleText("anna").replace("\"RF_TRAUMA\": false,", "")
                .replace("\"CI_DVT\": false,", "");

        Profile profile = ((ParseResult.Parsed<Profile>) ProfileParser.parse(json)).value();

        assertThat(profile.unanswered()).containsExactly(ScreeningId.RF_TRAUMA, ScreeningId.CI_DVT);
        assertThat(profile.says(ScreeningId.RF_TRAUMA)).isFalse();
    }

    @Test
    void a_minimal_profile_takes_the_documented_defaults() {
        String json = "{\"format\":\"rollwell.profile/1\",\"heightCm\":170,\"weightKg\":70,\"birthYear\":1980,"
                + "\"answers\":{}}";

        Profile profile = ((ParseResult.Parsed<Profile>) ProfileParser.parse(json)).value();

        assertThat(profile.headOffsetMm()).isEqualTo(Profile.DEFAULT_HEAD_OFFSET_MM);
        assertThat(profile.preferences()).isEqualTo(Preferences.DEFAULT);
        assertThat(profile.painTodayNrs()).isEmpty();
        assertThat(profile.unanswered()).hasSize(ScreeningId.values().length);
    }

    @Test
    void a_file_with_several_mistakes_is_refused_with_all_of_them() {
        String json = "{\"format\":\"rollwell.profile/1\",\"heightCm\":\"tall\",\"weightKg\":70,\"birthYear\":1980,"
                + "\"answers\":{\"RF_TRAUMA\":\"maybe\"},\"painMap\":[{\"level\":\"L9\",\"side\":\"LEFT\",\"nrs\":0}]}";

        ParseResult<Profile> result = ProfileParser.parse(json);

        assertThat(result).isInstanceOf(ParseResult.Refused.class);
        assertThat(((ParseResult.Refused<Profile>) result).problems()).extracting(Problem::line).containsExactly(
                "$.heightCm: must be 100–250 cm, was the text \"tall\"",
                "$.answers.RF_TRAUMA: must be true or false, was the text \"maybe\"",
                "$.painMap[0].level: unknown level \"L9\"; levels are C7, T1–T12, L1–L5, S1",
                "$.painMap[0].nrs: must be a whole number 1–10, was 0");
    }

    @Test
    void nothing_at_all_is_refused_not_thrown() {
        assertThat(ProfileParser.parse(null)).isInstanceOf(ParseResult.Refused.class);
        assertThat(ProfileParser.parse("")).isInstanceOf(ParseResult.Refused.class);
        assertThat(ProfileParser.parse("   ")).isInstanceOf(ParseResult.Refused.class);
    }

    @ParameterizedTest(name = "{0} is refused at {1}")
    @CsvSource({
        "unknown-field,                 $.colour",
        "wrong-format,                  $.format",
        "missing-height,                $.heightCm",
        "height-as-string,              $.heightCm",
        "pain-nrs-out-of-range,         $.painMap[1].nrs",
        "pain-unknown-level,            $.painMap[0].level",
        "trigger-point-bad-side,        $.triggerPoints[0].side",
        "unknown-screening-id,          $.answers.RF_HEADACHE",
        "answer-not-boolean,            $.answers.CI_DVT",
        "intensity-out-of-range,        $.preferences.intensity",
        "roller-too-hot,                $.preferences.maxRollerTempC",
        "region-upside-down,            $.regions[0].to",
        "region-answered-false,         $.regions[0].id",
        "region-for-wrong-id,           $.regions[0].id",
        "spine-map-not-increasing,      $.spineMap.levelsMm.T5",
        "spine-map-missing-level,       $.spineMap.levelsMm.L3",
        "spine-map-junction-misplaced,  $.spineMap.l5s1Mm",
        "spine-map-quality-above-one,   $.spineMap.quality",
        "approval-for-wrong-id,         $.clinicianApproved[0]",
        "unknown-condition,             $.conditions[0]",
        "fractional-birth-year,         $.birthYear",
        "pain-today-negative,           $.painTodayNrs",
        "pain-map-not-array,            $.painMap",
        "head-offset-too-far,           $.headOffsetMm",
        "not-json,                      $",
        "duplicate-key,                 $",
        "top-level-array,               $",
    })
    void a_malformed_profile_is_refused_with_the_path_of_its_mistake(String file, String path) {
        ParseResult<Profile> result = ProfileParser.parse(TestProfiles.resource("/profiles/bad/" + file + ".json"));

        assertThat(result).isInstanceOf(ParseResult.Refused.class);
        List<Problem> problems = ((ParseResult.Refused<Profile>) result).problems();
        assertThat(problems).extracting(Problem::path).containsExactly(path);
        assertThat(problems.get(0).reason()).isNotBlank();
    }
}
