package org.rollwell.therapy.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.TestProfiles;
import org.rollwell.therapy.program.Program;
import org.rollwell.therapy.program.ProgramLibrary;

/** The sample profiles in examples/profiles/ with every goal and every built-in program. */
class SampleProfilesTest {

    private static final BedLimits BED = BedLimits.REFERENCE;
    private final SessionPlanner planner = new SessionPlanner(BED);

    @Test
    void anna_ben_and_clara_get_a_safe_full_length_plan_for_every_goal_and_program_except_work_next_to_claras_implant() {
        for (String name : List.of("anna", "ben", "clara")) {
            Profile person = TestProfiles.example(name);
            for (Goal goal : Goal.values()) {
                SessionPlan plan = planner.plan(person, goal, 40);
                if (name.equals("clara") && (goal == Goal.RELIEVE_TENSION || goal == Goal.TRIGGER_POINTS)) {
                    // Clara's pain (L2, L3) lies within the rollers' reach (±55 mm from the carriage centre) of
                    // her implant's T11–T12 ± 50 mm: the work there is cut away and the plan says so
                    assertThat(plan.status()).as(name + " " + goal).isEqualTo(SessionPlan.Status.BLOCKED);
                    assertThat(plan.reasons()).extracting(Reason::code).contains("NOTHING_LEFT", "EXCLUDED_CUT");
                    continue;
                }
                assertThat(plan.status()).as(name + " " + goal + " " + plan.reasons()).isEqualTo(SessionPlan.Status.OK);
                assertThat(EnvelopeCheck.violations(plan, BED)).as(name + " " + goal).isEmpty();
                assertThat(plan.totalSeconds()).isEqualTo(2400);
            }
            for (Program program : ProgramLibrary.builtIn().programs()) {
                SessionPlan plan = planner.plan(person, program, 30);
                assertThat(plan.status()).as(name + " " + program.id() + " " + plan.reasons())
                        .isEqualTo(SessionPlan.Status.OK);
                assertThat(EnvelopeCheck.violations(plan, BED)).as(name + " " + program.id()).isEmpty();
                assertThat(plan.totalSeconds()).isEqualTo(1800);
            }
        }
    }

    @Test
    void a_program_that_asks_for_more_than_claras_limits_is_scaled_down_and_says_by_which_rule() {
        Program deep = ProgramLibrary.builtIn().find("deep-tissue").orElseThrow();

        SessionPlan plan = planner.plan(TestProfiles.example("clara"), deep, 30);

        assertThat(plan.reasons()).contains(new Reason("SCALED_DOWN",
                "Force held at or below 108 N (90 % of the 120 N limit, CI_OSTEOPOROSIS)."));
        assertThat(plan.segments()).allSatisfy(s -> assertThat(s.forceN()).isLessThanOrEqualTo(108));
        assertThat(plan.segments()).anySatisfy(s -> assertThat(s.why()).contains("CI_OSTEOPOROSIS)"));
        assertThat(plan.reasons()).extracting(Reason::code).contains("TIME_SCALED");
    }

    @Test
    void the_red_flag_sample_is_blocked_for_every_goal() {
        Profile person = TestProfiles.example("red-flag");
        for (Goal goal : Goal.values()) {
            assertThat(planner.plan(person, goal, 30).status()).isEqualTo(SessionPlan.Status.BLOCKED);
        }
    }
}
