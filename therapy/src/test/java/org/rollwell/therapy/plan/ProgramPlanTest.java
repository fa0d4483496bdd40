package org.rollwell.therapy.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.Side;
import org.rollwell.therapy.profile.TestProfiles;
import org.rollwell.therapy.program.Location;
import org.rollwell.therapy.program.Program;
import org.rollwell.therapy.program.ProgramLibrary;
import org.rollwell.therapy.program.ProgramSegment;
import org.rollwell.therapy.screening.ScreeningId;
import org.rollwell.therapy.technique.Technique;

class ProgramPlanTest {

    private static final BedLimits BED = BedLimits.REFERENCE;
    private final SessionPlanner planner = new SessionPlanner(BED);

    private static Program program(ProgramSegment... segments) {
        return new Program("test-program", "Test program", "For tests.", Set.of(Goal.TRIGGER_POINTS), Set.of(),
                List.of(segments), List.of());
    }

    private static ProgramSegment press(Location where, double forceN, int seconds) {
        return new ProgramSegment(Technique.PRESS, where, null, forceN, false, 0, seconds,
                new TechniqueParams.Press(4, 60, 2, 15), "");
    }

    private static ProgramSegment knead(Location where, int intensity, int seconds) {
        return new ProgramSegment(Technique.KNEAD, where, intensity, null, true, 45, seconds,
                new TechniqueParams.Knead(40, 1, 5), "");
    }

    @Test
    void a_program_of_20_minutes_is_fitted_to_45_by_lengthening_its_kneading_while_presses_keep_their_length() {
        Program p = program(knead(new Location.Span(Level.T1, Level.T6), 4, 600),
                press(new Location.Point(Level.T4), 140, 151), knead(new Location.Span(Level.T7, Level.L2), 4, 449));

        SessionPlan plan = planner.plan(TestProfiles.person().prefers(6, 50, true).build(), p, 45);

        assertThat(plan.totalSeconds()).isEqualTo(45 * 60);
        assertThat(plan.segments()).extracting(PlanSegment::technique)
                .containsExactly(Technique.KNEAD, Technique.PRESS, Technique.KNEAD);
        assertThat(plan.segments().get(1).seconds()).isEqualTo(151);
        assertThat(plan.segments().get(0).seconds()).isGreaterThan(600);
        assertThat(plan.reasons()).extracting(Reason::code).contains("TIME_SCALED");
    }

    @Test
    void a_program_that_only_presses_the_marked_points_is_filled_with_a_light_roll_to_the_minutes() {
        Profile person = TestProfiles.person().triggerPoint(Level.T5, Side.LEFT).triggerPoint(Level.T9, Side.RIGHT).build();

        SessionPlan plan = planner.plan(person, program(press(new Location.MarkedTriggerPoints(), 140, 400)), 20);

        assertThat(plan.status()).isEqualTo(SessionPlan.Status.OK);
        assertThat(plan.segments()).filteredOn(s -> s.technique() == Technique.PRESS)
                .extracting(PlanSegment::from).containsExactly(Level.T5, Level.T9);
        assertThat(plan.reasons()).extracting(Reason::code).contains("FILLED");
        assertThat(plan.totalSeconds()).isEqualTo(1200);
        assertThat(EnvelopeCheck.violations(plan, BED)).isEmpty();
    }

    @Test
    void a_program_asking_300_N_of_a_person_who_likes_intensity_5_gets_press_intensity_5_and_is_told_why() {
        Program firm = program(knead(new Location.Span(Level.T1, Level.T6), 4, 300),
                press(new Location.Point(Level.T4), 300, 151));

        SessionPlan plan = planner.plan(TestProfiles.person().prefers(5, 45, true).build(), firm, 10);

        PlanSegment pressed = plan.segments().get(1);
        // PRESS's 80–350 N at intensity 5 of 10
        assertThat(pressed.forceN()).isEqualTo(200);
        assertThat(pressed.why()).contains("Force 200 N instead of 300 N (PREFERENCE)");
        assertThat(plan.reasons()).contains(new Reason("SCALED_DOWN", "Force held at or below 200 N (PREFERENCE)."));
    }

    @Test
    void for_someone_on_blood_thinners_a_pressing_program_rolls_the_points_instead() {
        // Blood thinners forbid PRESS: the points become slow rolls, which is still useful work.
        Profile person = TestProfiles.person().yes(ScreeningId.CI_ANTICOAGULANT).triggerPoint(Level.T5, Side.LEFT).build();

        SessionPlan plan = planner.plan(person, program(press(new Location.MarkedTriggerPoints(), 140, 400)), 15);

        assertThat(plan.status()).isEqualTo(SessionPlan.Status.OK);
        assertThat(plan.segments()).extracting(PlanSegment::technique).doesNotContain(Technique.PRESS);
        assertThat(plan.reasons()).extracting(Reason::code).contains("TECHNIQUE_REPLACED");
    }

    @Test
    void every_built_in_program_plans_for_a_healthy_person_at_10_and_60_minutes() {
        Profile person = TestProfiles.person().pain(Level.L4, Side.RIGHT, 5).triggerPoint(Level.T6, Side.LEFT).build();
        for (Program program : ProgramLibrary.builtIn().programs()) {
            for (int minutes : new int[] {10, 60}) {
                SessionPlan plan = planner.plan(person, program, minutes);
                assertThat(plan.status()).as(program.id() + " " + minutes + " " + plan.reasons())
                        .isEqualTo(SessionPlan.Status.OK);
                assertThat(plan.totalSeconds()).as(program.id()).isBetween(minutes * 60 - 30, minutes * 60 + 30);
                assertThat(EnvelopeCheck.violations(plan, BED)).as(program.id()).isEmpty();
            }
        }
    }
}
