package org.rollwell.therapy.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.envelope.BedLimits;
import org.rollwell.therapy.envelope.TechniqueBan;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.profile.Side;
import org.rollwell.therapy.profile.TestProfiles;
import org.rollwell.therapy.program.Program;
import org.rollwell.therapy.program.ProgramLibrary;
import org.rollwell.therapy.screening.ScreeningId;
import org.rollwell.therapy.technique.Technique;

/**
 * Reads every {@code why} of every goal plan and built-in program plan for people whose limits ban
 * techniques or heat, and fails on a text that says the bed does what it will not do: a banned
 * technique named as done, warmth from unheated rollers, a step referred to that is not in the plan,
 * a screen that paces anything. Where the goal's own work cannot be done, the plan's first reason
 * says so.
 */
class PlanTextTruthTest {

    private static final BedLimits BED = BedLimits.REFERENCE;
    private final SessionPlanner planner = new SessionPlanner(BED);

    /** Negated mentions ("no pressing", "instead of pressing", "not heated") are not claims. */
    private static final Pattern NEGATED = Pattern.compile(
            "(?i)\\b(no|not|without|instead of|un)[ -]?(press\\w*|stretch\\w*|knead\\w*|heat\\w*|warm\\w*)");
    private static final Map<Technique, Pattern> NAMES = Map.of(
            Technique.PRESS, Pattern.compile("(?i)\\bpress(ed|es|ing)?\\b|ischemic compression|\\bhold \\d+ s, twice"),
            Technique.STRETCH, Pattern.compile("(?i)\\bstretch(ed|es|ing)?\\b"),
            Technique.KNEAD, Pattern.compile("(?i)\\bknead(ed|s|ing)?\\b"));
    private static final Pattern HEAT = Pattern.compile("(?i)\\bwarm(ed|th|ing)?\\b|\\bheat(ed|ing)?\\b|\\bhot\\b");
    private static final Pattern SCREEN = Pattern.compile("(?i)on-screen|\\bscreen\\b");

    /** Profiles with bans (choice: the bans DOMAIN.md §5 names) and one with heat off. */
    private static Map<String, Profile> people() {
        Map<String, Profile> people = new LinkedHashMap<>();
        people.put("osteoporosis", marked().yes(ScreeningId.CI_OSTEOPOROSIS).build());
        people.put("sciatica", marked().with(Condition.SCIATICA).triggerPoint(Level.L5, Side.LEFT).build());
        people.put("anticoagulant", marked().yes(ScreeningId.CI_ANTICOAGULANT).build());
        people.put("heat intolerance", marked().yes(ScreeningId.CI_HEAT_INTOLERANCE).build());
        people.put("osteoporosis, heat intolerance", marked()
                .yes(ScreeningId.CI_OSTEOPOROSIS, ScreeningId.CI_HEAT_INTOLERANCE).build());
        people.put("sciatica, no marks", TestProfiles.person().with(Condition.SCIATICA)
                .pain(Level.L5, Side.RIGHT, 6).build());
        return people;
    }

    private static TestProfiles.Builder marked() {
        return TestProfiles.person().prefers(5, 45, true)
                .pain(Level.T7, Side.LEFT, 6).pain(Level.L4, Side.RIGHT, 4)
                .triggerPoint(Level.T7, Side.LEFT);
    }

    @Test
    void every_why_of_every_goal_and_program_plan_says_only_what_the_bed_will_do() {
        List<String> untrue = new ArrayList<>();
        int texts = 0;
        for (var person : people().entrySet()) {
            for (int minutes : new int[] {20, 45}) {
                for (Goal goal : Goal.values()) {
                    SessionPlan plan = planner.plan(person.getValue(), goal, minutes);
                    texts += check(person.getKey() + ", " + goal + ", " + minutes + " min", plan, untrue);
                    goalSaidFirst(person.getKey() + ", " + goal, goal, plan, untrue);
                }
                for (Program program : ProgramLibrary.builtIn().programs()) {
                    SessionPlan plan = planner.plan(person.getValue(), program, minutes);
                    texts += check(person.getKey() + ", program " + program.id() + ", " + minutes + " min", plan,
                            untrue);
                }
            }
        }
        assertThat(texts).as("whys read").isGreaterThan(500);
        assertThat(untrue).as("texts that say what the bed will not do").isEmpty();
    }

    @Test
    void a_replaced_press_leads_with_the_roll_that_replaces_it_and_no_later_step_eases_after_it() {
        Profile person = marked().yes(ScreeningId.CI_OSTEOPOROSIS).build();

        SessionPlan plan = planner.plan(person, Goal.TRIGGER_POINTS, 20);

        List<String> whys = plan.segments().stream().map(PlanSegment::why)
                .filter(w -> w.startsWith("TRIGGER_POINTS")).toList();
        assertThat(whys).isNotEmpty();
        assertThat(whys).noneMatch(w -> w.contains("after the press") || w.contains("hold 60 s"));
        assertThat(whys).anyMatch(w -> w.startsWith("TRIGGER_POINTS: a slow roll over T6–T8 instead of pressing T7"));
        assertThat(plan.reasons().get(0).code()).isEqualTo("GOAL_NOT_AS_ASKED");
    }

    @Test
    void program_plans_explain_each_step_not_only_its_number() {
        Profile person = TestProfiles.person().pain(Level.L3, Side.LEFT, 5).triggerPoint(Level.T8, Side.RIGHT).build();
        for (Program program : ProgramLibrary.builtIn().programs()) {
            SessionPlan plan = planner.plan(person, program, 30);
            for (PlanSegment segment : plan.segments()) {
                if (segment.why().startsWith("Program")) {
                    String verb = switch (segment.technique()) {
                        case ROLL -> "roll";
                        case KNEAD -> "knead";
                        case PRESS -> "press";
                        case STRETCH -> "stretch";
                        case WARM -> "warm";
                    };
                    assertThat(segment.why()).as(program.id()).containsIgnoringCase(verb)
                            .contains(segment.from().name());
                }
            }
        }
    }

    private static int check(String where, SessionPlan plan, List<String> untrue) {
        boolean[] present = new boolean[Technique.values().length];
        for (PlanSegment s : plan.segments()) {
            present[s.technique().ordinal()] = true;
        }
        for (PlanSegment s : plan.segments()) {
            // a program's quoted name ("Warm care for worn joints") is a title, not a claim
            String claims = NEGATED.matcher(s.why().replaceAll("\"[^\"]*\"", "")).replaceAll("");
            String line = where + ": " + s.technique() + " " + s.from() + "–" + s.to() + ": \"" + s.why() + "\"";
            for (var named : NAMES.entrySet()) {
                Technique t = named.getKey();
                if (!named.getValue().matcher(claims).find()) {
                    continue;
                }
                if (!present[t.ordinal()]) {
                    untrue.add("names " + t + ", which the plan does not do — " + line);
                } else if (t != s.technique() && banned(plan, t, s)) {
                    untrue.add("names " + t + ", banned here — " + line);
                }
            }
            if (!s.heated() && HEAT.matcher(claims.replace("Warm-up", "")).find()) {
                untrue.add("speaks of heat on unheated rollers — " + line);
            }
            if (SCREEN.matcher(s.why()).find()) {
                untrue.add("speaks of a screen — " + line);
            }
        }
        return plan.segments().size();
    }

    /** Whether {@code t} is banned over all of the segment's span. */
    private static boolean banned(SessionPlan plan, Technique t, PlanSegment s) {
        for (TechniqueBan ban : plan.envelope().bans()) {
            // a ban over the whole segment: a whole-back roll may still lead into a press allowed elsewhere
            if (ban.forbids(t, s.from(), s.to()) && !s.from().isAbove(ban.from()) && !ban.to().isAbove(s.to())) {
                return true;
            }
        }
        return false;
    }

    /** Where the goal's own technique or warmth is not in the plan, the first reason says so. */
    private static void goalSaidFirst(String where, Goal goal, SessionPlan plan, List<String> untrue) {
        if (plan.status() != SessionPlan.Status.OK) {
            return;
        }
        boolean missing = switch (goal) {
            case TRIGGER_POINTS -> plan.segments().stream().noneMatch(s -> s.technique() == Technique.PRESS);
            case RANGE_OF_MOTION -> plan.segments().stream().noneMatch(s -> s.technique() == Technique.STRETCH);
            case CIRCULATION, STRESS -> plan.segments().stream().noneMatch(PlanSegment::heated);
            case RELIEVE_TENSION -> plan.segments().stream().noneMatch(s -> s.technique() == Technique.KNEAD);
        };
        if (missing && !(plan.reasons().get(0).code().equals("GOAL_NOT_AS_ASKED")
                && plan.reasons().get(0).message().startsWith(goal.name()))) {
            untrue.add(where + ": the goal's own work is missing but the first reason is "
                    + plan.reasons().get(0));
        }
    }
}
