package org.rollwell.therapy.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.plan.Reason;
import org.rollwell.therapy.profile.CheckIn;
import org.rollwell.therapy.profile.Clearance;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.TestProfiles;

/** DOMAIN.md §5 "Screening": which clinician clearances count on the day of a session. */
class ClearanceRulesTest {

    private static final BedLimits BED = BedLimits.REFERENCE;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static Clearance clearance(ScreeningId id, LocalDate date) {
        return new Clearance(id, "Dr A. Lee", Optional.of(date), "assessed, massage fine");
    }

    private static Profile withClearances(Profile p, Clearance... clearances) {
        return p.withHistory(List.of(clearances), Optional.empty(), Optional.empty());
    }

    private static Screening.Outcome screenToday(Profile p) {
        return Screening.screen(p, Visit.fromProfile(p, TODAY), BED);
    }

    @ParameterizedTest
    @EnumSource(value = ScreeningId.class, names = {"RF_CANCER_HISTORY", "RF_WEIGHT_LOSS", "RF_TRAUMA", "RF_NIGHT_PAIN",
            "RF_AGE_ONSET", "RF_FRACTURE_RISK", "CI_ACTIVE_CANCER", "CI_DVT"})
    void a_clearance_from_this_year_lets_the_session_go_ahead_and_the_plan_names_it(ScreeningId id) {
        Profile p = withClearances(TestProfiles.person().yes(id).painToday(4).build(),
                clearance(id, LocalDate.of(2026, 6, 1)));

        Screening.Outcome outcome = screenToday(p);

        assertThat(outcome.blocks()).isEmpty();
        assertThat(outcome.notices()).filteredOn(r -> r.code().equals("CLEARED")).singleElement()
                .extracting(Reason::message).asString()
                .contains(id.name(), "Dr A. Lee", "2026-06-01");
    }

    @Test
    void cancer_in_treatment_with_a_history_of_cancer_goes_ahead_when_both_are_cleared() {
        Profile p = withClearances(TestProfiles.person().yes(ScreeningId.RF_CANCER_HISTORY, ScreeningId.CI_ACTIVE_CANCER)
                .painToday(3).build(), clearance(ScreeningId.RF_CANCER_HISTORY, LocalDate.of(2026, 9, 1)),
                clearance(ScreeningId.CI_ACTIVE_CANCER, LocalDate.of(2026, 9, 1)));

        assertThat(screenToday(p).blocked()).isFalse();
        assertThat(screenToday(p).notices()).extracting(Reason::code).containsSubsequence("CLEARED", "CLEARED");
    }

    @Test
    void a_clearance_counts_for_twelve_months_from_its_date_and_not_a_day_more() {
        Profile lastDay = withClearances(TestProfiles.person().yes(ScreeningId.RF_TRAUMA).painToday(4).build(),
                clearance(ScreeningId.RF_TRAUMA, LocalDate.of(2025, 12, 1)));
        Profile expired = withClearances(TestProfiles.person().yes(ScreeningId.RF_TRAUMA).painToday(4).build(),
                clearance(ScreeningId.RF_TRAUMA, LocalDate.of(2025, 11, 30)));

        assertThat(screenToday(lastDay).blocked()).isFalse();
        Screening.Outcome outcome = screenToday(expired);
        assertThat(outcome.blocks()).extracting(Reason::code).containsExactly("RF_TRAUMA");
        assertThat(outcome.blocks().get(0).message()).contains("expired on 2026-11-29");
    }

    @Test
    void a_clearance_dated_in_the_future_does_not_count() {
        Profile p = withClearances(TestProfiles.person().yes(ScreeningId.CI_DVT).painToday(4).build(),
                clearance(ScreeningId.CI_DVT, TODAY.plusDays(1)));

        Screening.Outcome outcome = screenToday(p);

        assertThat(outcome.blocks()).extracting(Reason::code).containsExactly("CI_DVT");
        assertThat(outcome.blocks().get(0).message()).contains("in the future");
    }

    @ParameterizedTest
    @EnumSource(value = ScreeningId.class, names = {"RF_CAUDA_EQUINA", "RF_PROGRESSIVE_DEFICIT", "RF_FEVER_INFECTION"})
    void a_symptom_now_is_never_cleared_even_with_a_clearance_recorded(ScreeningId id) {
        // The parser refuses such a clearance; a profile built in code still must not be let through.
        Profile p = withClearances(TestProfiles.person().painToday(4).build(), clearance(id, TODAY.minusDays(10)),
                clearance(ScreeningId.RF_CANCER_HISTORY, TODAY.minusDays(10)));
        CheckIn yes = new CheckIn(TODAY, Map.of(ScreeningId.RF_CAUDA_EQUINA, false,
                ScreeningId.RF_PROGRESSIVE_DEFICIT, false, ScreeningId.RF_FEVER_INFECTION, false), OptionalInt.of(4),
                Set.of(), CheckIn.Source.CHECK_IN);
        java.util.Map<ScreeningId, Boolean> answers = new java.util.EnumMap<>(yes.answers());
        answers.put(id, true);
        CheckIn today = new CheckIn(TODAY, answers, OptionalInt.of(4), Set.of(), CheckIn.Source.CHECK_IN);

        Screening.Outcome outcome = Screening.screen(p, new Visit(TODAY, today), BED);

        assertThat(outcome.blocks()).extracting(Reason::code).containsExactly(id.name());
        assertThat(outcome.notices()).extracting(Reason::code).doesNotContain("CLEARED");
    }

    @Test
    void an_undated_approval_counts_only_in_a_profile_1_file() {
        Profile v1 = TestProfiles.person().yes(ScreeningId.CI_ACTIVE_CANCER).approved(ScreeningId.CI_ACTIVE_CANCER)
                .painToday(4).build();
        Profile v2 = v1.withHistory(List.of(), Optional.empty(), Optional.empty());

        assertThat(screenToday(v1).blocked()).isFalse();
        assertThat(screenToday(v1).notices()).extracting(Reason::code).contains("CLINICIAN_APPROVED");
        assertThat(screenToday(v2).blocks()).extracting(Reason::code).containsExactly("CI_ACTIVE_CANCER");
        assertThat(screenToday(v2).blocks().get(0).message()).contains("clinicianApproved");
    }

    @Test
    void a_clearance_older_than_a_change_reported_today_does_not_cover_it() {
        Profile p = withClearances(TestProfiles.person().painToday(4).build(),
                clearance(ScreeningId.RF_TRAUMA, LocalDate.of(2026, 10, 1)));
        CheckIn fellToday = new CheckIn(TODAY, Map.of(ScreeningId.RF_CAUDA_EQUINA, false,
                ScreeningId.RF_PROGRESSIVE_DEFICIT, false, ScreeningId.RF_FEVER_INFECTION, false), OptionalInt.of(4),
                Set.of(ScreeningId.RF_TRAUMA), CheckIn.Source.CHECK_IN);

        Screening.Outcome outcome = Screening.screen(p, new Visit(TODAY, fellToday), BED);

        assertThat(outcome.blocks()).extracting(Reason::code).containsExactly("RF_TRAUMA");
    }

    @Test
    void back_surgery_blocks_until_six_months_after_its_date() {
        Profile p = TestProfiles.person().yes(ScreeningId.CI_RECENT_SURGERY_OR_FRACTURE).painToday(4).build()
                .withHistory(List.of(), Optional.empty(), Optional.of(LocalDate.of(2026, 6, 1)));

        Screening.Outcome before = Screening.screen(p, Visit.fromProfile(p, LocalDate.of(2026, 11, 30)), BED);
        Screening.Outcome after = Screening.screen(p, Visit.fromProfile(p, LocalDate.of(2026, 12, 1)), BED);

        assertThat(before.blocks()).extracting(Reason::code).containsExactly("CI_RECENT_SURGERY_OR_FRACTURE");
        assertThat(before.blocks().get(0).message()).contains("2026-12-01");
        assertThat(after.blocked()).isFalse();
    }

    @Test
    void back_pain_that_began_over_fifty_raises_the_age_flag_from_the_dates_even_when_answered_no() {
        // TestProfiles are born in 1975: onset in 2026 is at about 51, in 2020 at about 45.
        Profile late = TestProfiles.person().painToday(4).build()
                .withHistory(List.of(), Optional.of(LocalDate.of(2026, 3, 1)), Optional.empty());
        Profile midlife = TestProfiles.person().painToday(4).build()
                .withHistory(List.of(), Optional.of(LocalDate.of(2020, 3, 1)), Optional.empty());
        Profile lateCleared = late.withHistory(List.of(clearance(ScreeningId.RF_AGE_ONSET, LocalDate.of(2026, 4, 1))),
                late.painOnset(), Optional.empty());

        assertThat(screenToday(late).blocks()).extracting(Reason::code).containsExactly("RF_AGE_ONSET");
        assertThat(screenToday(late).blocks().get(0).message()).contains("2026-03-01");
        assertThat(screenToday(midlife).blocked()).isFalse();
        assertThat(screenToday(lateCleared).blocked()).isFalse();
    }
}
