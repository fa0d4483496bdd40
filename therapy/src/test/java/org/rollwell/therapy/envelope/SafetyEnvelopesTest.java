package org.rollwell.therapy.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.TestProfiles;
import org.rollwell.therapy.screening.ScreeningId;
import org.rollwell.therapy.technique.Technique;

class SafetyEnvelopesTest {

    private static SafetyEnvelope envelopeOf(Profile profile) {
        return SafetyEnvelopes.forProfile(profile, profile.spineMapOrNormative(), BedLimits.REFERENCE);
    }

    @Test
    void a_healthy_person_gets_the_bed_limits_the_skin_limit_and_their_preferences() {
        SafetyEnvelope e = envelopeOf(TestProfiles.person().prefers(6, 55, true).build());

        assertThat(e.maxForceN()).isEqualTo(new Bound(350, "BED"));
        assertThat(e.maxRollerTempC()).isEqualTo(new Bound(55, "PREFERENCE"));
        assertThat(e.maxSkinTempC()).isEqualTo(new Bound(43, "IEC_60601_1"));
        assertThat(e.cem43CapMin()).isEqualTo(new Bound(1, "CEM43_CAP"));
        assertThat(e.maxMinutes().value()).isEqualTo(60);
        assertThat(e.maxIntensity()).isEqualTo(new Bound(6, "PREFERENCE"));
        assertThat(e.heatAllowed()).isTrue();
        assertThat(e.bans()).isEmpty();
        assertThat(e.excluded()).isEmpty();
    }

    @Test
    void given_osteoporosis_force_is_at_most_120_N_with_no_press_on_the_spine_and_no_stretch() {
        SafetyEnvelope e = envelopeOf(TestProfiles.person().yes(ScreeningId.CI_OSTEOPOROSIS).build());

        assertThat(e.maxForceN()).isEqualTo(new Bound(120, "CI_OSTEOPOROSIS"));
        assertThat(e.allows(Technique.PRESS, Level.T8, Level.T8)).isFalse();
        assertThat(e.allows(Technique.STRETCH, Level.L1, Level.L5)).isFalse();
        assertThat(e.allows(Technique.ROLL, Level.C7, Level.S1)).isTrue();
    }

    @Test
    void given_blood_thinners_force_is_at_most_150_N_and_nothing_presses() {
        SafetyEnvelope e = envelopeOf(TestProfiles.person().yes(ScreeningId.CI_ANTICOAGULANT).build());

        assertThat(e.maxForceN()).isEqualTo(new Bound(150, "CI_ANTICOAGULANT"));
        assertThat(e.allows(Technique.PRESS, Level.C7, Level.C7)).isFalse();
        assertThat(e.allows(Technique.KNEAD, Level.L1, Level.L5)).isTrue();
    }

    @Test
    void given_reduced_sensation_rollers_stay_at_45_C_and_skin_at_40_C() {
        SafetyEnvelope e = envelopeOf(TestProfiles.person().prefers(5, 60, true)
                .yes(ScreeningId.CI_REDUCED_SENSATION).build());

        assertThat(e.maxRollerTempC()).isEqualTo(new Bound(45, "CI_REDUCED_SENSATION"));
        assertThat(e.maxSkinTempC()).isEqualTo(new Bound(40, "CI_REDUCED_SENSATION"));
    }

    @Test
    void the_medical_rule_not_the_preference_is_named_when_both_say_45_C() {
        SafetyEnvelope e = envelopeOf(TestProfiles.person().prefers(5, 45, true)
                .yes(ScreeningId.CI_REDUCED_SENSATION).build());

        assertThat(e.maxRollerTempC().setBy()).isEqualTo("CI_REDUCED_SENSATION");
    }

    @Test
    void heat_intolerance_turns_heat_off_whatever_the_person_prefers() {
        SafetyEnvelope e = envelopeOf(TestProfiles.person().prefers(5, 50, true)
                .yes(ScreeningId.CI_HEAT_INTOLERANCE).build());
        SafetyEnvelope noHeatWanted = envelopeOf(TestProfiles.person().prefers(5, 50, false).build());

        assertThat(e.heatAllowed()).isFalse();
        assertThat(e.heatSetBy()).isEqualTo("CI_HEAT_INTOLERANCE");
        assertThat(noHeatWanted.heatAllowed()).isFalse();
        assertThat(noHeatWanted.heatSetBy()).isEqualTo("PREFERENCE");
    }

    @Test
    void an_implant_at_T10_to_T12_is_kept_50_mm_clear_either_side() {
        Profile p = TestProfiles.person().yes(ScreeningId.CI_IMPLANT)
                .region(ScreeningId.CI_IMPLANT, Level.T10, Level.T12).build();
        SpineMap map = p.spineMapOrNormative();

        SafetyEnvelope e = envelopeOf(p);

        assertThat(e.excluded()).hasSize(1);
        ExcludedRange range = e.excluded().get(0);
        assertThat(range.fromMm()).isLessThanOrEqualTo(map.upperEdgeMm(Level.T10) - 50)
                .isGreaterThan(map.upperEdgeMm(Level.T10) - 50.1);
        assertThat(range.toMm()).isGreaterThanOrEqualTo(map.lowerEdgeMm(Level.T12) + 50)
                .isLessThan(map.lowerEdgeMm(Level.T12) + 50.1);
        assertThat(range.reason()).startsWith("CI_IMPLANT");
        assertThat(e.excludedAt(map.positionMm(Level.T11))).isSameAs(range);
        assertThat(e.excludedAt(map.positionMm(Level.L3))).isNull();
    }

    @Test
    void no_diagnosis_means_gentle_only() {
        SafetyEnvelope e = envelopeOf(TestProfiles.person().prefers(7, 50, true).yes(ScreeningId.NO_DIAGNOSIS).build());

        assertThat(e.maxForceN()).isEqualTo(new Bound(Gentle.MAX_FORCE_N, "NO_DIAGNOSIS"));
        assertThat(e.maxIntensity()).isEqualTo(new Bound(Gentle.MAX_INTENSITY, "NO_DIAGNOSIS"));
        assertThat(e.allows(Technique.PRESS, Level.T5, Level.T5)).isFalse();
    }

    @Test
    void conditions_restrict_too() {
        assertThat(envelopeOf(TestProfiles.person().with(Condition.DEGENERATION).build()).maxForceN())
                .isEqualTo(new Bound(200, "DEGENERATION"));
        assertThat(envelopeOf(TestProfiles.person().with(Condition.FIBROMYALGIA).build()).maxForceN())
                .isEqualTo(new Bound(150, "FIBROMYALGIA"));
        SafetyEnvelope sciatica = envelopeOf(TestProfiles.person().with(Condition.SCIATICA).build());
        assertThat(sciatica.allows(Technique.PRESS, Level.L4, Level.L4)).isFalse();
        assertThat(sciatica.allows(Technique.PRESS, Level.S1, Level.S1)).isFalse();
        assertThat(sciatica.allows(Technique.PRESS, Level.L3, Level.L3)).isTrue();
        assertThat(sciatica.maxStretchLiftMm())
                .isEqualTo(new Bound(SafetyEnvelopes.STANDARD_STRETCH_LIFT_MM / 2, "SCIATICA"));
    }

    @Test
    void a_pain_score_of_8_today_means_gentle_only_but_7_does_not() {
        SafetyEnvelope eight = envelopeOf(TestProfiles.person().prefers(6, 50, true).painToday(8).build());
        SafetyEnvelope seven = envelopeOf(TestProfiles.person().prefers(6, 50, true).painToday(7).build());

        assertThat(eight.maxForceN()).isEqualTo(new Bound(150, "PAIN_TODAY"));
        assertThat(eight.maxIntensity()).isEqualTo(new Bound(3, "PAIN_TODAY"));
        assertThat(seven.maxForceN().setBy()).isEqualTo("BED");
    }

    @Test
    void the_tightest_of_several_restrictions_wins_and_is_named() {
        SafetyEnvelope e = envelopeOf(TestProfiles.person().yes(ScreeningId.CI_ANTICOAGULANT, ScreeningId.CI_OSTEOPOROSIS)
                .with(Condition.DEGENERATION).build());

        assertThat(e.maxForceN()).isEqualTo(new Bound(120, "CI_OSTEOPOROSIS"));
    }
}
