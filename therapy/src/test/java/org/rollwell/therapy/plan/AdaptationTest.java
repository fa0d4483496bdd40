package org.rollwell.therapy.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.diary.Heat;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.envelope.SafetyEnvelopes;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.history.Feedback;
import org.rollwell.therapy.history.PastSession;
import org.rollwell.therapy.history.SessionHistory;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.Side;
import org.rollwell.therapy.profile.TestProfiles;
import org.rollwell.therapy.screening.Visit;
import org.rollwell.therapy.technique.Intensity;
import org.rollwell.therapy.technique.Technique;
import org.junit.jupiter.api.Test;

/** DOMAIN.md §6 "Adaptation" and §5's FIBROMYALGIA start, as the planner applies them from the history. */
class AdaptationTest {

    private static final BedLimits BED = BedLimits.REFERENCE;
    private static final SessionPlanner PLANNER = new SessionPlanner(BED);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static Profile person(int intensity, double rollerC) {
        return TestProfiles.person().painToday(4).prefers(intensity, rollerC, true).pain(Level.L4, Side.LEFT, 6).build();
    }

    /** Session {@code n} days before today at 9:00. */
    private static PastSession s(int daysAgo, int intensity, Feedback pressure, Heat heat, Integer before, Integer after) {
        return new PastSession(TODAY.minusDays(daysAgo).atTime(9, 0), intensity, pressure, 0.1, Optional.ofNullable(heat),
                before == null ? OptionalInt.empty() : OptionalInt.of(before),
                after == null ? OptionalInt.empty() : OptionalInt.of(after));
    }

    private static SessionPlan plan(Profile p, PastSession... earlier) {
        return PLANNER.plan(p, Visit.fromProfile(p, TODAY).with(new SessionHistory(List.of(earlier)),
                Optional.of(LocalTime.of(18, 0))), Goal.RELIEVE_TENSION, 30);
    }

    private static double maxKnead(SessionPlan plan) {
        return plan.segments().stream().filter(x -> x.technique() == Technique.KNEAD)
                .mapToDouble(PlanSegment::forceN).max().orElseThrow();
    }

    private static double hottest(SessionPlan plan) {
        return plan.segments().stream().mapToDouble(PlanSegment::rollerTempC).max().orElseThrow();
    }

    private static List<String> adapted(SessionPlan plan) {
        List<String> texts = new ArrayList<>();
        plan.reasons().stream().filter(r -> r.code().equals("ADAPTED")).forEach(r -> texts.add(r.message()));
        return texts;
    }

    @Test
    void too_strong_lowers_the_intensity_one_step_and_the_plan_says_why() {
        Profile p = person(6, 45);

        SessionPlan plan = plan(p, s(2, 6, Feedback.TOO_STRONG, Heat.RIGHT, 5, 5));

        assertThat(maxKnead(plan)).isEqualTo(Intensity.forceN(Technique.KNEAD, 5));
        assertThat(adapted(plan)).singleElement().asString().contains("intensity 6 → 5").contains("too strong");
    }

    @Test
    void pain_rising_two_points_over_a_session_lowers_the_intensity_even_when_the_pressure_felt_right() {
        Profile p = person(6, 45);

        SessionPlan rose2 = plan(p, s(2, 6, Feedback.PRESSURE_RIGHT, null, 3, 5));
        SessionPlan rose1 = plan(p, s(2, 6, Feedback.PRESSURE_RIGHT, null, 3, 4));

        assertThat(maxKnead(rose2)).isEqualTo(Intensity.forceN(Technique.KNEAD, 5));
        assertThat(adapted(rose2)).singleElement().asString().contains("pain rose from 3 to 5");
        assertThat(maxKnead(rose1)).isEqualTo(Intensity.forceN(Technique.KNEAD, 6));
        assertThat(adapted(rose1)).isEmpty();
    }

    @Test
    void three_comfortable_sessions_without_less_pain_raise_it_one_step_but_not_past_the_persons_limit() {
        Profile likes7 = person(7, 45);
        Profile likes5 = person(5, 45);
        PastSession[] flat = {s(6, 5, Feedback.PRESSURE_RIGHT, null, 5, 5), s(4, 5, Feedback.TOO_LIGHT, null, 5, 6),
                s(2, 5, Feedback.PRESSURE_RIGHT, null, 5, 5)};
        PastSession[] helped = {s(6, 5, Feedback.PRESSURE_RIGHT, null, 5, 5), s(4, 5, Feedback.PRESSURE_RIGHT, null, 5, 5),
                s(2, 5, Feedback.PRESSURE_RIGHT, null, 5, 3)};
        PastSession[] onlyTwo = {s(4, 5, Feedback.PRESSURE_RIGHT, null, 5, 5), s(2, 5, Feedback.PRESSURE_RIGHT, null, 5, 5)};

        assertThat(maxKnead(plan(likes7, flat))).isEqualTo(Intensity.forceN(Technique.KNEAD, 6));
        assertThat(adapted(plan(likes7, flat))).singleElement().asString().contains("intensity 5 → 6")
                .contains("3 comfortable sessions");
        assertThat(maxKnead(plan(likes5, flat))).isEqualTo(Intensity.forceN(Technique.KNEAD, 5));
        assertThat(adapted(plan(likes5, flat))).singleElement().asString().contains("held at 5 by PREFERENCE");
        assertThat(maxKnead(plan(likes7, helped))).isEqualTo(Intensity.forceN(Technique.KNEAD, 5));
        assertThat(maxKnead(plan(likes7, onlyTwo))).isEqualTo(Intensity.forceN(Technique.KNEAD, 5));
    }

    @Test
    void too_hot_lowers_the_rollers_two_degrees_per_session_and_too_cool_brings_them_back_up_to_the_limit() {
        Profile p = person(5, 48);

        SessionPlan once = plan(p, s(2, 5, Feedback.PRESSURE_RIGHT, Heat.TOO_HOT, null, null));
        SessionPlan twice = plan(p, s(4, 5, Feedback.PRESSURE_RIGHT, Heat.TOO_HOT, null, null),
                s(2, 5, Feedback.PRESSURE_RIGHT, Heat.TOO_HOT, null, null));
        SessionPlan back = plan(p, s(4, 5, Feedback.PRESSURE_RIGHT, Heat.TOO_HOT, null, null),
                s(2, 5, Feedback.PRESSURE_RIGHT, Heat.TOO_COOL, null, null));
        SessionPlan fresh = plan(p);

        assertThat(hottest(fresh)).isLessThanOrEqualTo(48);
        assertThat(once.envelope().maxRollerTempC().value()).isEqualTo(46);
        assertThat(once.envelope().maxRollerTempC().setBy()).isEqualTo(DoseAdaptation.RULE);
        assertThat(hottest(once)).isLessThanOrEqualTo(46);
        assertThat(adapted(once)).singleElement().asString().contains("rollers 48 → 46 °C");
        assertThat(twice.envelope().maxRollerTempC().value()).isEqualTo(44);
        assertThat(back.envelope().maxRollerTempC().value()).isEqualTo(48);
        assertThat(back.envelope().maxRollerTempC().setBy()).isEqualTo("PREFERENCE");
    }

    @Test
    void fibromyalgia_starts_at_two_and_a_too_strong_start_goes_down_to_one() {
        Profile p = TestProfiles.person().painToday(3).prefers(8, 45, true).with(Condition.FIBROMYALGIA).build();

        SessionPlan first = plan(p);
        SessionPlan afterStrong = plan(p, s(2, 2, Feedback.TOO_STRONG, null, 4, 4));
        SessionPlan painRoseLate = plan(p, s(6, 2, Feedback.PRESSURE_RIGHT, null, 4, 4), s(4, 2, Feedback.PRESSURE_RIGHT, null, 4, 4),
                s(2, 3, Feedback.PRESSURE_RIGHT, null, 4, 6));

        assertThat(maxKnead(first)).isEqualTo(Intensity.forceN(Technique.KNEAD, 2));
        assertThat(maxKnead(afterStrong)).isEqualTo(Intensity.forceN(Technique.KNEAD, 1));
        assertThat(maxKnead(painRoseLate)).isEqualTo(Intensity.forceN(Technique.KNEAD, 2));
    }

    @Test
    void the_log_lists_every_change_over_the_history_with_the_session_that_caused_it() {
        Profile p = person(7, 45);
        SessionHistory h = new SessionHistory(List.of(
                s(10, 5, Feedback.PRESSURE_RIGHT, Heat.RIGHT, 5, 5),
                s(8, 5, Feedback.PRESSURE_RIGHT, Heat.TOO_HOT, 5, 5),
                s(6, 5, Feedback.PRESSURE_RIGHT, Heat.RIGHT, 5, 5),
                s(4, 6, Feedback.TOO_STRONG, Heat.RIGHT, 5, 5),
                s(2, 5, Feedback.NONE, null, null, null)));

        List<DoseAdaptation.Change> log = DoseAdaptation.log(p, SafetyEnvelopes.forProfile(p, p.spineMapOrNormative(), BED),
                BED, h);

        assertThat(log).extracting(DoseAdaptation.Change::after, DoseAdaptation.Change::what).containsExactly(
                org.assertj.core.groups.Tuple.tuple(TODAY.minusDays(8), "rollers 45 → 43 °C"),
                org.assertj.core.groups.Tuple.tuple(TODAY.minusDays(6), "intensity 5 → 6"),
                org.assertj.core.groups.Tuple.tuple(TODAY.minusDays(4), "intensity 6 → 5"));
    }

    @Test
    void a_plan_without_history_is_not_adapted() {
        Profile p = person(6, 45);

        SessionPlan none = PLANNER.plan(p, Visit.fromProfile(p, TODAY), Goal.RELIEVE_TENSION, 30);

        assertThat(adapted(none)).isEmpty();
        assertThat(none).isEqualTo(PLANNER.plan(p, Visit.fromProfile(p, TODAY).with(SessionHistory.NONE, Optional.empty()),
                Goal.RELIEVE_TENSION, 30));
        assertThat(maxKnead(none)).isEqualTo(Intensity.forceN(Technique.KNEAD, 6));
    }
}
