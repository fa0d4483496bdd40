package org.rollwell.therapy.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.SpineMap;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.Side;
import org.rollwell.therapy.profile.TestProfiles;
import org.rollwell.therapy.screening.ScreeningId;
import org.rollwell.therapy.technique.Intensity;
import org.rollwell.therapy.technique.Technique;

class SessionPlannerTest {

    private static final BedLimits BED = BedLimits.REFERENCE;
    private final SessionPlanner planner = new SessionPlanner(BED);

    private static List<Technique> techniques(SessionPlan plan) {
        return plan.segments().stream().map(PlanSegment::technique).toList();
    }

    private static List<String> codes(SessionPlan plan) {
        return plan.reasons().stream().map(Reason::code).toList();
    }

    private static void assertSafe(SessionPlan plan) {
        assertThat(EnvelopeCheck.violations(plan, BED)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Goal.class)
    void every_goal_warms_up_first_cools_down_last_and_fills_the_time(Goal goal) {
        Profile p = TestProfiles.person().pain(Level.L4, Side.LEFT, 6).triggerPoint(Level.T8, Side.RIGHT).build();

        SessionPlan plan = planner.plan(p, goal, 40);

        assertThat(plan.status()).isEqualTo(SessionPlan.Status.OK);
        assertThat(plan.segments().get(0).why()).startsWith("Warm-up");
        assertThat(plan.segments().get(0).technique()).isEqualTo(Technique.WARM);
        assertThat(plan.segments().get(plan.segments().size() - 1).why()).startsWith("Cool-down");
        assertThat(plan.totalSeconds()).isEqualTo(40 * 60);
        assertSafe(plan);
    }

    @Test
    void relieving_tension_works_the_most_painful_area_first_with_rolling_then_kneading() {
        Profile p = TestProfiles.person().pain(Level.T5, Side.RIGHT, 3).pain(Level.L4, Side.LEFT, 7).build();

        SessionPlan plan = planner.plan(p, Goal.RELIEVE_TENSION, 30);

        // after the warm-up and the build-up
        PlanSegment first = plan.segments().get(2);
        PlanSegment second = plan.segments().get(3);
        assertThat(first.technique()).isEqualTo(Technique.ROLL);
        assertThat(second.technique()).isEqualTo(Technique.KNEAD);
        assertThat(List.of(first.from(), first.to())).containsExactly(Level.L3, Level.L5);
        assertThat(second.why()).contains("L4 left (NRS 7)");
        // More pain, more time: the L4 area gets more than the T5 area.
        assertThat(plan.segments().get(3).seconds()).isGreaterThan(plan.segments().get(5).seconds());
    }

    @Test
    void trigger_points_are_pressed_where_they_were_marked_with_a_roll_before_and_after() {
        Profile p = TestProfiles.example("ben");
        SpineMap measured = p.spineMapOrNormative();

        SessionPlan plan = planner.plan(p, Goal.TRIGGER_POINTS, 40);

        List<PlanSegment> s = plan.segments();
        List<PlanSegment> presses = s.stream().filter(x -> x.technique() == Technique.PRESS).toList();
        assertThat(presses).extracting(PlanSegment::from).containsExactly(Level.T5, Level.T4, Level.T6);
        for (PlanSegment press : presses) {
            int i = s.indexOf(press);
            assertThat(press.startMm()).isEqualTo(measured.positionMm(press.from()));
            assertThat(s.get(i - 1).technique()).isEqualTo(Technique.ROLL);
            assertThat(s.get(i + 1).technique()).isEqualTo(Technique.ROLL);
            assertThat(s.get(i - 1).startMm()).isLessThan(press.startMm());
            assertThat(s.get(i - 1).endMm()).isGreaterThan(press.startMm());
            assertThat(press.params()).isInstanceOf(TechniqueParams.Press.class);
        }
        assertSafe(plan);
    }

    @Test
    void stress_is_a_slow_full_length_roll_at_low_force_with_warmth() {
        Profile p = TestProfiles.person().prefers(7, 48, true).build();

        SessionPlan plan = planner.plan(p, Goal.STRESS, 20);

        PlanSegment main = plan.segments().get(2);
        assertThat(main.technique()).isEqualTo(Technique.ROLL);
        assertThat(List.of(main.from(), main.to())).containsExactly(Level.C7, Level.S1);
        assertThat(main.forceN()).isLessThanOrEqualTo(Intensity.forceN(Technique.ROLL, 3));
        assertThat(main.rollerTempC()).isEqualTo(48);
        assertThat(((TechniqueParams.Roll) main.params()).speedMmPerS()).isLessThanOrEqualTo(15);
    }

    @Test
    void range_of_motion_stretches_and_rolls_and_circulation_warms_and_rolls() {
        Profile p = TestProfiles.person().build();

        assertThat(techniques(planner.plan(p, Goal.RANGE_OF_MOTION, 30))).contains(Technique.STRETCH, Technique.ROLL);
        assertThat(techniques(planner.plan(p, Goal.CIRCULATION, 30))).contains(Technique.WARM, Technique.ROLL)
                .doesNotContain(Technique.PRESS, Technique.STRETCH, Technique.KNEAD);
    }

    @ParameterizedTest
    @EnumSource(Goal.class)
    void given_osteoporosis_no_press_and_no_stretch_appear_and_force_stays_at_or_below_120_N(Goal goal) {
        Profile p = TestProfiles.person().prefers(8, 50, true).yes(ScreeningId.CI_OSTEOPOROSIS)
                .pain(Level.L2, Side.CENTER, 5).triggerPoint(Level.T9, Side.LEFT).build();

        SessionPlan plan = planner.plan(p, goal, 30);

        assertThat(plan.status()).isEqualTo(SessionPlan.Status.OK);
        assertThat(techniques(plan)).doesNotContain(Technique.PRESS, Technique.STRETCH);
        assertThat(plan.segments()).allSatisfy(s -> assertThat(s.forceN()).isLessThanOrEqualTo(120));
        assertThat(plan.envelope().maxForceN().setBy()).isEqualTo("CI_OSTEOPOROSIS");
        if (goal != Goal.STRESS) {
            // Every other goal asks for more than 120 N, a press or a stretch at intensity 8: the plan says what it changed.
            assertThat(plan.reasons()).anySatisfy(r -> assertThat(r.message()).contains("CI_OSTEOPOROSIS"));
        }
    }

    @Test
    void given_blood_thinners_a_marked_trigger_point_is_rolled_not_pressed_and_the_plan_says_why() {
        Profile p = TestProfiles.person().yes(ScreeningId.CI_ANTICOAGULANT).prefers(6, 45, true)
                .triggerPoint(Level.T6, Side.RIGHT).build();

        SessionPlan plan = planner.plan(p, Goal.TRIGGER_POINTS, 20);

        assertThat(techniques(plan)).doesNotContain(Technique.PRESS);
        assertThat(plan.segments()).allSatisfy(s -> assertThat(s.forceN()).isLessThanOrEqualTo(150));
        assertThat(plan.reasons()).contains(new Reason("TECHNIQUE_REPLACED",
                "No pressing on C7–S1 (CI_ANTICOAGULANT): slow rolling instead."));
        assertThat(plan.segments()).anySatisfy(s -> assertThat(s.why()).startsWith("TRIGGER_POINTS: a slow roll over")
                .contains("instead of pressing").contains("(CI_ANTICOAGULANT allows no pressing here)"));
    }

    @Test
    void given_sciatica_nothing_presses_on_L4_to_S1_and_stretches_rise_half_as_high() {
        Profile p = TestProfiles.person().with(Condition.SCIATICA)
                .triggerPoint(Level.L3, Side.LEFT).triggerPoint(Level.L5, Side.LEFT).build();

        SessionPlan trigger = planner.plan(p, Goal.TRIGGER_POINTS, 30);
        SessionPlan mobility = planner.plan(p, Goal.RANGE_OF_MOTION, 30);

        assertThat(trigger.segments()).filteredOn(s -> s.technique() == Technique.PRESS)
                .extracting(PlanSegment::from).containsExactly(Level.L3);
        assertThat(mobility.segments()).filteredOn(s -> s.technique() == Technique.STRETCH)
                .isNotEmpty()
                .allSatisfy(s -> assertThat(((TechniqueParams.Stretch) s.params()).liftMm()).isEqualTo(20));
        assertThat(mobility.reasons()).contains(new Reason("SCALED_DOWN", "Stretch lift held at or below 20 mm (SCIATICA)."));
    }

    @Test
    void given_heat_intolerance_no_roller_is_heated_and_warm_passes_become_slow_rolls() {
        Profile p = TestProfiles.person().yes(ScreeningId.CI_HEAT_INTOLERANCE).build();

        SessionPlan plan = planner.plan(p, Goal.CIRCULATION, 30);

        assertThat(plan.segments()).allSatisfy(s -> assertThat(s.rollerTempC()).isEqualTo(PlanSegment.HEAT_OFF));
        assertThat(techniques(plan)).doesNotContain(Technique.WARM);
        assertThat(codes(plan)).contains("HEAT_OFF");
    }

    @Test
    void given_reduced_sensation_rollers_stay_at_or_below_45_C_and_the_plan_says_so() {
        Profile p = TestProfiles.person().prefers(4, 60, true).yes(ScreeningId.CI_REDUCED_SENSATION).build();

        SessionPlan plan = planner.plan(p, Goal.STRESS, 30);

        assertThat(plan.segments()).filteredOn(PlanSegment::heated).isNotEmpty()
                .allSatisfy(s -> assertThat(s.rollerTempC()).isEqualTo(45));
        assertThat(plan.reasons()).contains(new Reason("SCALED_DOWN",
                "Roller temperature held at or below 45 °C (CI_REDUCED_SENSATION)."));
        assertThat(plan.envelope().maxSkinTempC().value()).isEqualTo(40);
    }

    @Test
    void given_an_implant_the_rollers_keep_off_it_and_a_trigger_point_on_it_is_not_pressed() {
        Profile p = TestProfiles.person().yes(ScreeningId.CI_IMPLANT).region(ScreeningId.CI_IMPLANT, Level.T11, Level.L1)
                .triggerPoint(Level.T12, Side.LEFT).triggerPoint(Level.T3, Side.RIGHT).build();

        SessionPlan plan = planner.plan(p, Goal.TRIGGER_POINTS, 30);

        assertThat(plan.segments()).filteredOn(s -> s.technique() == Technique.PRESS)
                .extracting(PlanSegment::from).containsExactly(Level.T3);
        assertThat(codes(plan)).contains("POINT_DROPPED", "EXCLUDED_CUT");
        assertSafe(plan);
    }

    @ParameterizedTest
    @EnumSource(Goal.class)
    void given_an_implant_at_T11_T12_no_roller_patch_comes_within_its_50_mm_margin(Goal goal) {
        Profile p = TestProfiles.person().yes(ScreeningId.CI_IMPLANT).region(ScreeningId.CI_IMPLANT, Level.T11, Level.T12)
                .triggerPoint(Level.T12, Side.LEFT).triggerPoint(Level.L3, Side.RIGHT).triggerPoint(Level.T3, Side.RIGHT)
                .build();
        SpineMap map = p.spineMapOrNormative();
        double marginFromMm = map.upperEdgeMm(Level.T11) - 50;
        double marginToMm = map.lowerEdgeMm(Level.T12) + 50;

        SessionPlan plan = planner.plan(p, goal, 30);

        assertThat(plan.status()).isEqualTo(SessionPlan.Status.OK);
        // the rollers sit ±40 mm from the carriage centre, each pair pressing a 30 mm patch
        double reachMm = BED.rollerPairOffsetMm() + BED.rollerContactLengthMm() / 2;
        for (PlanSegment s : plan.segments()) {
            double strokeMm = s.params() instanceof TechniqueParams.Knead k ? k.strokeMm() / 2 : 0;
            double firstTouchMm = s.startMm() - reachMm;
            double lastTouchMm = s.endMm() + reachMm;
            assertThat(lastTouchMm < marginFromMm || firstTouchMm > marginToMm)
                    .as("%s %s–%s: rollers touch %.1f–%.1f mm, implant margin %.1f–%.1f mm (stroke ±%.0f inside the span)",
                            s.technique(), s.from(), s.to(), firstTouchMm, lastTouchMm, marginFromMm, marginToMm, strokeMm)
                    .isTrue();
        }
        // L3's centre lies outside the margin but within the rollers' reach of it: not pressed either
        assertThat(plan.segments()).filteredOn(s -> s.technique() == Technique.PRESS)
                .extracting(PlanSegment::from).doesNotContain(Level.T12, Level.L3);
        if (goal == Goal.TRIGGER_POINTS) {
            assertThat(plan.segments()).filteredOn(s -> s.technique() == Technique.PRESS)
                    .extracting(PlanSegment::from).containsExactly(Level.T3);
            assertThat(plan.reasons()).filteredOn(r -> r.code().equals("POINT_DROPPED"))
                    .anySatisfy(r -> assertThat(r.message()).contains("L3", "rollers would touch"));
        }
        assertSafe(plan);
    }

    @Test
    void without_a_diagnosis_the_session_is_gentle_and_says_to_get_one() {
        Profile p = TestProfiles.person().prefers(7, 50, true).yes(ScreeningId.NO_DIAGNOSIS)
                .triggerPoint(Level.T8, Side.LEFT).build();

        SessionPlan plan = planner.plan(p, Goal.TRIGGER_POINTS, 30);

        assertThat(plan.status()).isEqualTo(SessionPlan.Status.OK);
        assertThat(codes(plan)).startsWith("GOAL_NOT_AS_ASKED", "NO_DIAGNOSIS");
        assertThat(plan.segments()).allSatisfy(s -> assertThat(s.forceN())
                .isLessThanOrEqualTo(Intensity.forceN(s.technique(), 3)));
        assertThat(techniques(plan)).doesNotContain(Technique.PRESS);
    }

    @Test
    void with_fibromyalgia_the_session_starts_at_intensity_2() {
        Profile p = TestProfiles.person().prefers(6, 45, true).with(Condition.FIBROMYALGIA).build();

        SessionPlan plan = planner.plan(p, Goal.RELIEVE_TENSION, 30);

        assertThat(plan.segments()).allSatisfy(s -> assertThat(s.forceN())
                .isLessThanOrEqualTo(Intensity.forceN(s.technique(), 2)));
        assertThat(plan.reasons()).contains(new Reason("SCALED_DOWN", "Intensity held at or below 2 (FIBROMYALGIA)."));
    }

    @Test
    void rollers_preferred_at_65_C_are_cooled_where_they_rest_on_a_trigger_point_and_the_plan_says_why() {
        Profile p = TestProfiles.person().prefers(5, 65, true).triggerPoint(Level.T7, Side.LEFT).build();

        SessionPlan plan = planner.plan(p, Goal.TRIGGER_POINTS, 30);

        PlanSegment press = plan.segments().stream().filter(s -> s.technique() == Technique.PRESS).findFirst().orElseThrow();
        assertThat(press.rollerTempC()).isLessThan(55);
        // the shared tissue model (therapy.heat.TissueHeat) forecasts a 60 s hold at 65 °C past the skin line first
        assertThat(press.why()).containsAnyOf("(IEC_60601_1)", "(CEM43_CAP)");
        // a roller cools only ≈ 1 °C a minute, so the warm-up before the press is planned no hotter than what the
        // press can start from (ThermalDose: an earlier step's heat carries over), and the plan says so up front
        assertThat(plan.segments().get(0).rollerTempC()).isBetween(press.rollerTempC(), 65.0);
        assertThat(plan.reasons().get(0).code()).isEqualTo("HEAT_LIMITED");
        assertThat(plan.reasons()).extracting(Reason::code).contains("SCALED_DOWN");
        assertSafe(plan);
    }

    @Test
    void a_pain_score_of_9_today_gives_a_gentle_session_with_a_notice() {
        Profile p = TestProfiles.person().prefers(8, 45, true).painToday(9).build();

        SessionPlan plan = planner.plan(p, Goal.RELIEVE_TENSION, 20);

        assertThat(codes(plan)).contains("PAIN_TODAY");
        assertThat(plan.segments()).allSatisfy(s -> assertThat(s.forceN())
                .isLessThanOrEqualTo(Intensity.forceN(s.technique(), 3)));
    }

    @Test
    void a_tall_person_lying_far_down_the_bed_is_clipped_to_the_carriage_travel_and_told() {
        Profile p = TestProfiles.person().height(205).headOffset(400).build();

        SessionPlan plan = planner.plan(p, Goal.STRESS, 30);

        assertThat(codes(plan)).contains("CLIPPED_TO_TRAVEL");
        assertThat(plan.segments()).allSatisfy(s -> assertThat(s.endMm()).isLessThanOrEqualTo(950));
        assertSafe(plan);
    }

    @Test
    void a_red_flag_profile_is_blocked_with_its_ids_and_no_segments() {
        SessionPlan plan = planner.plan(TestProfiles.example("red-flag"), Goal.STRESS, 30);

        assertThat(plan.status()).isEqualTo(SessionPlan.Status.BLOCKED);
        assertThat(codes(plan)).containsExactly("RF_WEIGHT_LOSS", "RF_NIGHT_PAIN");
        assertThat(plan.segments()).isEmpty();
        assertThat(plan.envelope()).isNotNull();
    }

    @Test
    void unanswered_questions_block_the_plan_naming_them() {
        Profile p = TestProfiles.person().unanswered(ScreeningId.CI_DVT).build();

        SessionPlan plan = planner.plan(p, Goal.STRESS, 30);

        assertThat(plan.status()).isEqualTo(SessionPlan.Status.BLOCKED);
        assertThat(plan.reasons().get(0).code()).isEqualTo("SCREENING_INCOMPLETE");
        assertThat(plan.reasons().get(0).message()).contains("CI_DVT");
    }

    @Test
    void trigger_point_work_with_nothing_marked_is_refused_with_the_reason() {
        SessionPlan plan = planner.plan(TestProfiles.person().build(), Goal.TRIGGER_POINTS, 30);

        assertThat(plan.status()).isEqualTo(SessionPlan.Status.BLOCKED);
        assertThat(codes(plan)).containsExactly("NO_TRIGGER_POINTS");
    }

    @Test
    void when_the_whole_back_is_excluded_nothing_useful_is_left_and_the_plan_is_blocked() {
        Profile p = TestProfiles.person().yes(ScreeningId.CI_SKIN_LESION)
                .region(ScreeningId.CI_SKIN_LESION, Level.C7, Level.S1).build();

        SessionPlan plan = planner.plan(p, Goal.RELIEVE_TENSION, 30);

        assertThat(plan.status()).isEqualTo(SessionPlan.Status.BLOCKED);
        assertThat(codes(plan)).startsWith("NOTHING_LEFT").contains("EXCLUDED_CUT");
    }

    @Test
    void minutes_outside_10_to_60_are_refused() {
        Profile p = TestProfiles.person().build();

        assertThatThrownBy(() -> planner.plan(p, Goal.STRESS, 9)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10–60");
        assertThatThrownBy(() -> planner.plan(p, Goal.STRESS, 61)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void annas_plan_is_the_same_every_time_and_prints_like_a_therapists_plan() {
        Profile anna = TestProfiles.example("anna");

        SessionPlan plan = planner.plan(anna, Goal.RELIEVE_TENSION, 40);

        assertThat(planner.plan(TestProfiles.example("anna"), Goal.RELIEVE_TENSION, 40)).isEqualTo(plan);
        assertThat(plan.status()).isEqualTo(SessionPlan.Status.OK);
        assertThat(plan.totalSeconds()).isEqualTo(2400);
        assertThat(plan.spineMap().source()).isEqualTo(SpineMap.Source.NORMATIVE);
        assertSafe(plan);
        System.out.println("Anna, RELIEVE_TENSION, 40 min:\n" + PlanPrinter.print(plan));
    }
}
