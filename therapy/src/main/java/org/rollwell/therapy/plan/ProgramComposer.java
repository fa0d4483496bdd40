package org.rollwell.therapy.plan;

import java.util.ArrayList;
import java.util.List;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.program.Location;
import org.rollwell.therapy.program.Program;
import org.rollwell.therapy.program.ProgramSegment;
import org.rollwell.therapy.technique.Technique;

/**
 * Turns a program's segments into steps for one person: spans and points as written,
 * the person's marked trigger points for {@link Location.MarkedTriggerPoints} (the segment's
 * seconds shared among them), their painful areas (worst first, seconds shared by pain) for
 * {@link Location.PainfulRegion}. Rolling, kneading and warming steps are stretched or
 * shortened to the requested minutes in proportion to their written length; presses and
 * stretches keep theirs ({@link TimeBudget}).
 */
final class ProgramComposer {

    private ProgramComposer() {
    }

    static List<Step> compose(Profile profile, Program program, int totalSeconds, Notes notes) {
        for (Condition condition : profile.conditions()) {
            if (!program.suits().contains(condition)) {
                notes.add("PROGRAM_NOT_FOR_CONDITION", "Program " + program.id() + " is not written for " + condition
                        + "; its rules still apply through your limits.");
            }
        }
        if (program.totalSeconds() != totalSeconds) {
            notes.add("TIME_SCALED", "Program " + program.id() + " runs " + minutes(program.totalSeconds())
                    + " min as written; fitted to " + minutes(totalSeconds) + " min by lengthening or shortening its"
                    + " rolling, kneading and warming steps.");
        }
        List<Step> steps = new ArrayList<>();
        int index = 0;
        for (ProgramSegment segment : program.segments()) {
            index++;
            String why = "Program \"" + program.name() + "\", step " + index + " of " + program.segments().size();
            Location location = segment.location();
            if (location instanceof Location.Span span) {
                steps.add(step(segment, span.from(), span.to(), segment.seconds(), why, "", index));
            } else if (location instanceof Location.Point point) {
                steps.add(step(segment, point.at(), point.at(), segment.seconds(), why, "", index));
            } else if (location instanceof Location.MarkedTriggerPoints) {
                triggerPoints(profile, segment, why, index, steps, notes);
            } else if (location instanceof Location.PainfulRegion region) {
                painfulRegion(profile, segment, region, why, index, steps, notes);
            }
        }
        return steps;
    }

    private static void triggerPoints(Profile profile, ProgramSegment segment, String why, int index,
                                      List<Step> steps, Notes notes) {
        List<PainFocus.Point> points = PainFocus.triggerPoints(profile);
        if (points.isEmpty()) {
            points = PainFocus.painfulLevels(profile, GoalComposer.MAX_PAIN_POINTS);
            if (points.isEmpty()) {
                notes.add("TECHNIQUE_DROPPED", "Step " + index + " works the marked trigger points, but the profile"
                        + " marks none and no pain: left out.");
                return;
            }
            notes.add("TRIGGER_POINTS_FROM_PAIN_MAP", "No trigger points marked: pressing the most painful marked"
                    + " levels instead.");
        }
        int n = points.size();
        for (int i = 0; i < n; i++) {
            PainFocus.Point p = points.get(i);
            int share = segment.seconds() / n + (i < segment.seconds() % n ? 1 : 0);
            Step s = step(segment, p.level(), p.level(), Math.max(1, share),
                    why, " at " + p.describe(), index);
            if (s.params instanceof TechniqueParams.Press press) {
                // The segment's seconds are the budget for all points: fewer repetitions when a point's share is short.
                double oneRep = 2 * press.rampS() + press.holdS() + press.restS();
                int reps = (int) Math.max(1, Math.min(press.repetitions(), Math.floor((share + press.restS()) / oneRep)));
                s.params = new TechniqueParams.Press(press.rampS(), press.holdS(), reps, press.restS());
                explain(s, segment, " at " + p.describe());
                // With fewer points than the budget was written for, a point gets its repetitions, not more;
                // the time left over goes to the flexible steps.
                s.seconds = Math.max(1, Math.min(share, TimeBudget.naturalSeconds(s.params)));
            }
            s.group = index * 100 + i;
            s.priority = index * 100 + i;
            steps.add(s);
        }
    }

    private static void painfulRegion(Profile profile, ProgramSegment segment, Location.PainfulRegion region,
                                      String why, int index, List<Step> steps, Notes notes) {
        List<PainFocus.Area> areas = PainFocus.areas(profile.painMap());
        if (areas.isEmpty()) {
            notes.add("NO_PAIN_MAP", "No pain marked on the body map: steps aimed at the painful area work their"
                    + " written fallback span instead.");
            steps.add(step(segment, region.fallbackFrom(), region.fallbackTo(), segment.seconds(),
                    why, " (no pain marked, so the written span)", index));
            return;
        }
        int painSum = 0;
        for (PainFocus.Area area : areas) {
            painSum += area.maxNrs();
        }
        for (int i = 0; i < areas.size(); i++) {
            PainFocus.Area area = areas.get(i);
            int share = Math.max(1, (int) Math.round((double) segment.seconds() * area.maxNrs() / painSum));
            Step s = step(segment, area.from(), area.to(), share,
                    why, ", around your pain at " + area.marks(), index);
            s.group = index * 100 + i;
            s.priority = index * 100 + i;
            steps.add(s);
        }
    }

    private static Step step(ProgramSegment segment, org.rollwell.therapy.anatomy.Level from,
                             org.rollwell.therapy.anatomy.Level to, int seconds, String label, String focus,
                             int index) {
        Step s = new Step(Step.Role.MAIN, segment.technique(), from, to, segment.params(), label);
        s.point = segment.technique() == Technique.PRESS;
        if (s.point && from != to) {
            s.to = from;
        }
        s.heat = segment.heat();
        // Each step says what the bed does, then the program author's note; the note is kept only while it
        // stays true (EnvelopeFitter drops it with the lead when it changes the step or when it names a
        // technique the plan no longer has).
        s.label = label;
        explain(s, segment, focus);
        if (segment.intensity() != null) {
            s.intensity = segment.intensity();
        } else {
            s.forceN = segment.forceN();
        }
        s.rollerTempC = segment.rollerTempC();
        s.fixed = segment.technique() == Technique.PRESS || segment.technique() == Technique.STRETCH;
        if (s.fixed) {
            s.seconds = seconds;
        } else {
            s.weight = seconds;
        }
        s.group = index * 100;
        s.priority = index * 100;
        return s;
    }

    /** The step's lead: what it does, where it is aimed, then the author's note. */
    private static void explain(Step s, ProgramSegment segment, String focus) {
        String plain = s.label + ": " + StepText.describe(s) + focus + ".";
        s.lead(plain + (segment.note().isEmpty() ? "" : " " + segment.note()));
        for (Technique other : Technique.values()) {
            if (other != segment.technique() && StepText.names(segment.note(), other)) {
                s.partner = other;
                s.leadAlone = plain;
            }
        }
    }

    private static String minutes(int seconds) {
        return seconds % 60 == 0 ? Integer.toString(seconds / 60) : String.format(java.util.Locale.ROOT, "%.1f", seconds / 60.0);
    }
}
