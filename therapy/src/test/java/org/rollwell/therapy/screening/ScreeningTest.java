package org.rollwell.therapy.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.plan.Reason;
import org.rollwell.therapy.profile.TestProfiles;

class ScreeningTest {

    private static final BedLimits BED = BedLimits.REFERENCE;

    @Test
    void the_screening_ids_are_exactly_those_of_domain_section_5() {
        List<String> names = new ArrayList<>();
        for (ScreeningId id : ScreeningId.values()) {
            names.add(id.name());
        }
        assertThat(names).containsExactly(
                "RF_CAUDA_EQUINA", "RF_PROGRESSIVE_DEFICIT", "RF_FEVER_INFECTION", "RF_CANCER_HISTORY",
                "RF_WEIGHT_LOSS", "RF_TRAUMA", "RF_NIGHT_PAIN", "RF_AGE_ONSET", "RF_FRACTURE_RISK",
                "CI_DVT", "CI_PREGNANCY", "CI_ACTIVE_CANCER", "CI_RECENT_SURGERY_OR_FRACTURE", "CI_OSTEOPOROSIS",
                "CI_ANTICOAGULANT", "CI_REDUCED_SENSATION", "CI_HEAT_INTOLERANCE", "CI_SKIN_LESION", "CI_IMPLANT",
                "NO_DIAGNOSIS");
    }

    @Test
    void every_question_is_a_plain_yes_no_question_with_a_stated_consequence() {
        for (ScreeningId id : ScreeningId.values()) {
            assertThat(id.question()).as(id.name()).endsWith("?").doesNotContain("_");
            assertThat(id.yesMeans()).as(id.name()).isNotBlank();
        }
    }

    @ParameterizedTest
    @EnumSource(value = ScreeningId.class, names = "RF_.*", mode = EnumSource.Mode.MATCH_ANY)
    void a_red_flag_blocks_and_sends_the_person_to_a_clinician(ScreeningId flag) {
        assertThat(flag.kind()).isEqualTo(ScreeningId.Kind.RED_FLAG);

        Screening.Outcome outcome = Screening.screen(TestProfiles.person().yes(flag).build(), BED);

        assertThat(outcome.blocked()).isTrue();
        assertThat(outcome.blocks()).extracting(Reason::code).containsExactly(flag.name());
        assertThat(outcome.blocks().get(0).message()).containsAnyOf("clinician", "doctor", "emergency department")
                .contains("NICE NG59");
    }

    @ParameterizedTest
    @EnumSource(value = ScreeningId.class, names = {"RF_CAUDA_EQUINA", "RF_PROGRESSIVE_DEFICIT", "RF_FEVER_INFECTION"})
    void a_symptom_now_says_how_urgently_to_see_whom(ScreeningId flag) {
        String message = Screening.screen(TestProfiles.person().yes(flag).build(), BED).blocks().get(0).message();

        assertThat(message).contains(flag == ScreeningId.RF_CAUDA_EQUINA ? "emergency department now" : "doctor today");
    }

    @Test
    void a_healthy_person_who_answered_everything_may_have_a_session() {
        Screening.Outcome outcome = Screening.screen(TestProfiles.person().build(), BED);

        assertThat(outcome.blocked()).isFalse();
        assertThat(outcome.notices()).isEmpty();
    }

    @Test
    void an_unanswered_question_is_never_taken_as_no() {
        Screening.Outcome outcome = Screening.screen(TestProfiles.person()
                .unanswered(ScreeningId.RF_CAUDA_EQUINA, ScreeningId.CI_PREGNANCY).build(), BED);

        assertThat(outcome.blocks()).hasSize(1);
        assertThat(outcome.blocks().get(0).code()).isEqualTo("SCREENING_INCOMPLETE");
        assertThat(outcome.blocks().get(0).message()).contains("RF_CAUDA_EQUINA, CI_PREGNANCY");
    }

    @ParameterizedTest
    @EnumSource(value = ScreeningId.class, names = {"CI_DVT", "CI_PREGNANCY", "CI_RECENT_SURGERY_OR_FRACTURE", "CI_ACTIVE_CANCER"})
    void a_blocking_contraindication_blocks_with_its_id(ScreeningId id) {
        Screening.Outcome outcome = Screening.screen(TestProfiles.person().yes(id).build(), BED);

        assertThat(outcome.blocks()).extracting(Reason::code).containsExactly(id.name());
    }

    @Test
    void active_cancer_goes_ahead_when_a_clinician_approved_it_and_the_plan_says_so() {
        Screening.Outcome outcome = Screening.screen(TestProfiles.person().yes(ScreeningId.CI_ACTIVE_CANCER)
                .approved(ScreeningId.CI_ACTIVE_CANCER).build(), BED);

        assertThat(outcome.blocked()).isFalse();
        assertThat(outcome.notices()).extracting(Reason::code).containsExactly("CLINICIAN_APPROVED");
    }

    @Test
    void an_implant_answered_yes_but_not_located_blocks_because_the_rollers_cannot_avoid_it() {
        Screening.Outcome unlocated = Screening.screen(TestProfiles.person().yes(ScreeningId.CI_IMPLANT).build(), BED);
        Screening.Outcome located = Screening.screen(TestProfiles.person().yes(ScreeningId.CI_IMPLANT)
                .region(ScreeningId.CI_IMPLANT, Level.T10, Level.T12).build(), BED);

        assertThat(unlocated.blocks()).extracting(Reason::code).containsExactly("REGION_MISSING");
        assertThat(unlocated.blocks().get(0).message()).contains("CI_IMPLANT");
        assertThat(located.blocked()).isFalse();
    }

    @Test
    void a_person_the_bed_does_not_fit_is_blocked() {
        assertThat(Screening.screen(TestProfiles.person().height(140).build(), BED).blocks())
                .extracting(Reason::code).containsExactly("HEIGHT_OUT_OF_RANGE");
        assertThat(Screening.screen(TestProfiles.person().height(206).build(), BED).blocks())
                .extracting(Reason::code).containsExactly("HEIGHT_OUT_OF_RANGE");
        assertThat(Screening.screen(TestProfiles.person().weight(136).build(), BED).blocks())
                .extracting(Reason::code).containsExactly("WEIGHT_OUT_OF_RANGE");
        assertThat(Screening.screen(TestProfiles.person().height(145).weight(135).build(), BED).blocked()).isFalse();
    }

    @Test
    void no_diagnosis_yet_goes_ahead_with_a_notice_to_get_one() {
        Screening.Outcome outcome = Screening.screen(TestProfiles.person().yes(ScreeningId.NO_DIAGNOSIS).build(), BED);

        assertThat(outcome.blocked()).isFalse();
        assertThat(outcome.notices()).extracting(Reason::code).containsExactly("NO_DIAGNOSIS");
        assertThat(outcome.notices().get(0).message()).contains("gentle");
    }
}
