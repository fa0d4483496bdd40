package org.rollwell.therapy.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.plan.Reason;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.SessionPlanner;
import org.rollwell.therapy.profile.CheckIn;
import org.rollwell.therapy.profile.Clearance;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.TestProfiles;

/** DOMAIN.md §5 "Check-in before every session". */
class CheckInTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final SessionPlanner PLANNER = new SessionPlanner(BedLimits.REFERENCE);

    private static CheckIn checkIn(OptionalInt pain, Set<ScreeningId> changes, ScreeningId... symptomsNow) {
        Map<ScreeningId, Boolean> answers = new EnumMap<>(ScreeningId.class);
        answers.put(ScreeningId.RF_CAUDA_EQUINA, false);
        answers.put(ScreeningId.RF_PROGRESSIVE_DEFICIT, false);
        answers.put(ScreeningId.RF_FEVER_INFECTION, false);
        for (ScreeningId id : symptomsNow) {
            answers.put(id, true);
        }
        return new CheckIn(TODAY, answers, pain, changes, CheckIn.Source.CHECK_IN);
    }

    @Test
    void without_pain_now_there_is_no_plan() {
        Profile p = TestProfiles.person().build();

        SessionPlan fromProfile = PLANNER.plan(p, Visit.fromProfile(p, TODAY), Goal.STRESS, 30);
        SessionPlan fromCheckIn = PLANNER.plan(p, new Visit(TODAY, checkIn(OptionalInt.empty(), Set.of())), Goal.STRESS, 30);

        assertThat(fromProfile.status()).isEqualTo(SessionPlan.Status.BLOCKED);
        assertThat(fromProfile.reasons()).extracting(Reason::code).contains("CHECK_IN_MISSING", "CHECK_IN_FROM_PROFILE");
        assertThat(fromCheckIn.status()).isEqualTo(SessionPlan.Status.BLOCKED);
        assertThat(fromCheckIn.reasons()).extracting(Reason::code).contains("CHECK_IN_MISSING");
    }

    @Test
    void a_symptom_now_blocks_even_when_every_history_flag_is_cleared() {
        Profile p = TestProfiles.person().yes(ScreeningId.RF_CANCER_HISTORY).painToday(2).build().withHistory(
                List.of(new Clearance(ScreeningId.RF_CANCER_HISTORY, "Dr A. Lee", Optional.of(TODAY.minusMonths(2)), "")),
                Optional.empty(), Optional.empty());

        SessionPlan cleared = PLANNER.plan(p, new Visit(TODAY, checkIn(OptionalInt.of(3), Set.of())), Goal.STRESS, 30);
        SessionPlan caudaEquina = PLANNER.plan(p, new Visit(TODAY,
                checkIn(OptionalInt.of(3), Set.of(), ScreeningId.RF_CAUDA_EQUINA)), Goal.STRESS, 30);

        assertThat(cleared.status()).isEqualTo(SessionPlan.Status.OK);
        assertThat(caudaEquina.status()).isEqualTo(SessionPlan.Status.BLOCKED);
        assertThat(caudaEquina.reasons().get(0).code()).isEqualTo("RF_CAUDA_EQUINA");
        assertThat(caudaEquina.reasons().get(0).message()).contains("emergency department now");
    }

    @Test
    void the_check_in_replaces_the_profiles_symptoms_and_pain_and_its_changes_reopen_questions() {
        Profile p = TestProfiles.person().yes(ScreeningId.RF_FEVER_INFECTION).painToday(2).build();

        SessionPlan calm = PLANNER.plan(p, new Visit(TODAY, checkIn(OptionalInt.of(3), Set.of())), Goal.STRESS, 30);
        SessionPlan pregnant = PLANNER.plan(p, new Visit(TODAY,
                checkIn(OptionalInt.of(3), Set.of(ScreeningId.CI_PREGNANCY))), Goal.STRESS, 30);
        SessionPlan sore = PLANNER.plan(p, new Visit(TODAY, checkIn(OptionalInt.of(9), Set.of())), Goal.RELIEVE_TENSION, 30);

        assertThat(calm.status()).isEqualTo(SessionPlan.Status.OK);
        assertThat(calm.reasons()).extracting(Reason::code).doesNotContain("CHECK_IN_FROM_PROFILE");
        assertThat(pregnant.reasons()).extracting(Reason::code).containsExactly("CI_PREGNANCY");
        assertThat(sore.reasons()).extracting(Reason::code).contains("PAIN_TODAY");
        assertThat(sore.envelope().maxIntensity().setBy()).isEqualTo("PAIN_TODAY");
    }

    @Test
    void a_check_in_from_another_day_does_not_plan_today() {
        Profile p = TestProfiles.person().build();
        CheckIn yesterday = new CheckIn(TODAY.minusDays(1), checkIn(OptionalInt.of(3), Set.of()).answers(),
                OptionalInt.of(3), Set.of(), CheckIn.Source.CHECK_IN);

        SessionPlan plan = PLANNER.plan(p, new Visit(TODAY, yesterday), Goal.STRESS, 30);

        assertThat(plan.reasons()).extracting(Reason::code).containsExactly("CHECK_IN_NOT_TODAY");
    }
}
