package org.rollwell.therapy.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.history.Feedback;
import org.rollwell.therapy.history.PastSession;
import org.rollwell.therapy.history.SessionHistory;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.Side;
import org.rollwell.therapy.profile.TestProfiles;
import org.rollwell.therapy.screening.ScreeningId;
import org.rollwell.therapy.screening.Visit;
import org.rollwell.therapy.technique.Intensity;
import org.rollwell.therapy.technique.Technique;

/** DOMAIN.md §5 "Dose decisions" and "Per day". */
class DoseTest {

    private static final SessionPlanner PLANNER = new SessionPlanner(BedLimits.REFERENCE);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private static Profile person() {
        return TestProfiles.person().painToday(4).prefers(8, 50, true).pain(Level.L4, Side.LEFT, 6)
                .triggerPoint(Level.T8, Side.RIGHT).build();
    }

    private static Visit visit(Profile p, PastSession... earlier) {
        return Visit.fromProfile(p, TODAY).with(new SessionHistory(List.of(earlier)), Optional.of(LocalTime.of(18, 0)));
    }

    private static PastSession at(int daysAgo, int hour, int intensity, Feedback feedback, double cem43) {
        return new PastSession(TODAY.minusDays(daysAgo).atTime(hour, 0), intensity, feedback, cem43);
    }

    @ParameterizedTest
    @EnumSource(Goal.class)
    void after_the_warm_up_force_builds_up_over_a_minute_and_the_cool_down_is_unheated(Goal goal) {
        SessionPlan plan = PLANNER.plan(person(), goal, 30);
        List<PlanSegment> s = plan.segments();

        assertThat(s.get(0).why()).startsWith("Warm-up");
        assertThat(s.get(1).why()).startsWith("Build-up");
        assertThat(s.get(1).seconds()).isGreaterThanOrEqualTo(60);
        assertThat(s.get(1).forceN()).isGreaterThan(s.get(0).forceN());
        double working = s.subList(2, s.size() - 1).stream().mapToDouble(PlanSegment::forceN).max().orElseThrow();
        assertThat(s.get(1).forceN()).isLessThanOrEqualTo(working);
        assertThat(s.get(s.size() - 1).why()).startsWith("Cool-down");
        assertThat(s.get(s.size() - 1).heated()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Goal.class)
    void every_segment_stays_within_its_techniques_range_and_ninety_percent_of_the_maximum(Goal goal) {
        for (int intensity = 1; intensity <= 10; intensity++) {
            Profile p = TestProfiles.person().painToday(2).prefers(intensity, 50, true).pain(Level.L3, Side.CENTER, 5)
                    .yes(ScreeningId.CI_OSTEOPOROSIS).build();
            SessionPlan plan = PLANNER.plan(p, goal, 30);
            for (PlanSegment s : plan.segments()) {
                assertThat(s.forceN()).isLessThanOrEqualTo(0.9 * plan.envelope().maxForceN().value())
                        .isBetween(s.technique().minForceN(), s.technique().maxForceN());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Goal.class, mode = EnumSource.Mode.EXCLUDE, names = "STRESS") // STRESS stays gentle, far under
    void on_a_bed_that_needs_more_room_than_ten_percent_plans_keep_its_force_headroom_under_the_maximum(Goal goal) {
        // a noisier bed (σ 4 N load cell, 8 mm/s lift): 20 N of headroom, more than 10 % of an osteoporosis 120 N limit
        SessionPlanner planner = new SessionPlanner(PropertyBeds.COMPACT_800);
        Profile p = TestProfiles.person().painToday(2).prefers(10, 50, true).pain(Level.L3, Side.CENTER, 5)
                .triggerPoint(Level.T8, Side.RIGHT).yes(ScreeningId.CI_OSTEOPOROSIS).build();
        SessionPlan plan = planner.plan(p, goal, 30);

        assertThat(plan.status()).isEqualTo(SessionPlan.Status.OK);
        double strongest = plan.segments().stream().mapToDouble(PlanSegment::forceN).max().orElseThrow();
        assertThat(strongest).isEqualTo(120 - PropertyBeds.COMPACT_800.forceHeadroomN());
        assertThat(plan.reasons()).extracting(Reason::message)
                .contains("Force held at or below 100 N (20 N under the 120 N limit (CI_OSTEOPOROSIS), the room this"
                        + " bed needs to keep its force under the limit).");
        // the reference bed's 12 N of room is what 10 % of 120 N leaves: its plans are as before
        assertThat(PLANNER.plan(p, goal, 30).segments().stream().mapToDouble(PlanSegment::forceN).max().orElseThrow())
                .isEqualTo(108);
    }

    @Test
    void intensity_scales_inside_each_techniques_range() {
        assertThat(Intensity.forceN(Technique.KNEAD, 1)).isEqualTo(80);
        assertThat(Intensity.forceN(Technique.KNEAD, 10)).isEqualTo(250);
        assertThat(Intensity.forceN(Technique.PRESS, 10)).isEqualTo(350);
        assertThat(Intensity.forceN(Technique.WARM, 10)).isEqualTo(100);
        assertThat(Intensity.forceN(Technique.ROLL, 5)).isBetween(60.0, 250.0);
    }

    @Test
    void degeneration_stretches_lift_at_most_twenty_millimetres() {
        Profile p = TestProfiles.person().painToday(3).with(Condition.DEGENERATION).build();

        SessionPlan plan = PLANNER.plan(p, Goal.RANGE_OF_MOTION, 30);

        assertThat(plan.segments()).filteredOn(s -> s.technique() == Technique.STRETCH).isNotEmpty()
                .allSatisfy(s -> assertThat(((TechniqueParams.Stretch) s.params()).liftMm()).isLessThanOrEqualTo(20));
        assertThat(plan.envelope().maxStretchLiftMm().setBy()).isEqualTo("DEGENERATION");
    }

    @Test
    void fibromyalgia_starts_at_intensity_two_for_three_sessions_then_rises_one_step_on_pressure_right() {
        Profile p = TestProfiles.person().painToday(3).prefers(8, 45, true).with(Condition.FIBROMYALGIA).build();
        double knead2 = Intensity.forceN(Technique.KNEAD, 2);
        double knead3 = Intensity.forceN(Technique.KNEAD, 3);

        SessionPlan third = PLANNER.plan(p, visit(p, at(3, 9, 2, Feedback.PRESSURE_RIGHT, 0),
                at(2, 9, 2, Feedback.PRESSURE_RIGHT, 0)), Goal.RELIEVE_TENSION, 30);
        SessionPlan fourth = PLANNER.plan(p, visit(p, at(3, 9, 2, Feedback.PRESSURE_RIGHT, 0),
                at(2, 9, 2, Feedback.PRESSURE_RIGHT, 0), at(1, 9, 2, Feedback.PRESSURE_RIGHT, 0)), Goal.RELIEVE_TENSION, 30);
        SessionPlan tooStrong = PLANNER.plan(p, visit(p, at(3, 9, 2, Feedback.PRESSURE_RIGHT, 0),
                at(2, 9, 2, Feedback.PRESSURE_RIGHT, 0), at(1, 9, 3, Feedback.TOO_STRONG, 0)), Goal.RELIEVE_TENSION, 30);

        assertThat(maxKnead(third)).isEqualTo(knead2);
        assertThat(maxKnead(fourth)).isEqualTo(knead3);
        assertThat(maxKnead(tooStrong)).isEqualTo(knead2);
    }

    private static double maxKnead(SessionPlan plan) {
        return plan.segments().stream().filter(s -> s.technique() == Technique.KNEAD)
                .mapToDouble(PlanSegment::forceN).max().orElseThrow();
    }

    @Test
    void at_most_two_sessions_a_day_four_hours_apart() {
        Profile p = person();

        SessionPlan third = PLANNER.plan(p, visit(p, at(0, 8, 5, Feedback.NONE, 0), at(0, 13, 5, Feedback.NONE, 0)),
                Goal.STRESS, 30);
        SessionPlan soon = PLANNER.plan(p, visit(p, at(0, 15, 5, Feedback.NONE, 0)), Goal.STRESS, 30);
        SessionPlan later = PLANNER.plan(p, visit(p, at(0, 14, 5, Feedback.NONE, 0)), Goal.STRESS, 30);

        assertThat(third.reasons()).extracting(Reason::code).contains("DAILY_LIMIT");
        assertThat(soon.reasons()).extracting(Reason::code).contains("TOO_SOON");
        assertThat(later.status()).isEqualTo(SessionPlan.Status.OK);
    }

    @Test
    void the_days_earlier_heat_dose_lowers_this_sessions_cap() {
        Profile p = person();

        SessionPlan fresh = PLANNER.plan(p, visit(p), Goal.CIRCULATION, 30);
        SessionPlan after = PLANNER.plan(p, visit(p, at(0, 9, 5, Feedback.NONE, 0.4)), Goal.CIRCULATION, 30);
        SessionPlan yesterdayMorning = PLANNER.plan(p, visit(p, at(1, 9, 5, Feedback.NONE, 0.4)), Goal.CIRCULATION, 30);
        SessionPlan spent = PLANNER.plan(p, visit(p, at(0, 9, 5, Feedback.NONE, 1.0)), Goal.CIRCULATION, 30);

        assertThat(fresh.envelope().cem43CapMin().value()).isEqualTo(1.0);
        assertThat(after.envelope().cem43CapMin().value()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(after.envelope().cem43CapMin().setBy()).isEqualTo("CEM43_DAY");
        assertThat(yesterdayMorning.envelope().cem43CapMin().value()).isEqualTo(1.0);
        assertThat(spent.envelope().heatAllowed()).isFalse();
        assertThat(spent.segments()).noneMatch(PlanSegment::heated);
    }
}
