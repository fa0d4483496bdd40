package org.rollwell.therapy.plan;

import java.util.ArrayList;
import java.util.List;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.anatomy.Region;
import org.rollwell.therapy.envelope.SafetyEnvelopes;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.profile.Profile;
import org.rollwell.therapy.technique.Technique;

/**
 * Composes what a goal asks for (DOMAIN.md §4 "Goals map to techniques"), before the
 * envelope has its say: a warm pass first, the goal's work focused on the person's marks,
 * a light roll last. Doses are the person's preferred intensity and roller temperature;
 * {@link EnvelopeFitter} then lowers, replaces, cuts or drops what the envelope forbids.
 */
final class GoalComposer {

    /** Share of the session for the warm-up and the cool-down (choice). */
    static final double WARM_UP_SHARE = 0.15;
    static final double COOL_DOWN_SHARE = 0.10;
    /** The build-up pass lasts at least 60 s (DOMAIN.md §5) and about 5 % of the session (choice). */
    static final int BUILD_UP_MIN_S = 60;
    static final double BUILD_UP_SHARE = 0.05;
    /** Intensity of the warm-up and cool-down: light (choice; 2 × 35 N = 70 N, inside ROLL's 60–250 N, DOMAIN.md §4). */
    static final int LIGHT_INTENSITY = 2;
    /** STRESS works at low force (DOMAIN.md §4): at most intensity 3 (choice). */
    static final int STRESS_INTENSITY = 3;
    /** A slow pass for warming and for STRESS (10–60 mm/s, DOMAIN.md §4; choice within it). */
    static final double SLOW_MM_PER_S = 12;
    static final double ROLL_MM_PER_S = 30;
    static final double COOL_DOWN_MM_PER_S = 20;
    /** At most this many painful levels are pressed when no trigger point is marked (choice). */
    static final int MAX_PAIN_POINTS = 3;

    private GoalComposer() {
    }

    /** What a goal asks for, or the reason nothing can be asked. */
    record Composition(List<Step> steps, Reason block) {
    }

    static Composition compose(Profile profile, Goal goal, int totalSeconds, Notes notes) {
        int working = profile.preferences().intensity();
        int light = Math.min(working, LIGHT_INTENSITY);
        double tempC = profile.preferences().maxRollerTempC();
        List<Step> steps = new ArrayList<>();

        Step warmUp = step(Step.Role.WARM_UP, Technique.WARM, Level.C7, Level.S1,
                new TechniqueParams.Warm(SLOW_MM_PER_S), light, tempC,
                "Warm-up: a slow warm pass over the whole back (C7–S1) before any firmer work.");
        warmUp.label = "Warm-up";
        warmUp.leadUnheated = "Warm-up: a slow, light roll over the whole back (C7–S1) before any firmer work.";
        warmUp.weight = WARM_UP_SHARE * totalSeconds;
        steps.add(warmUp);

        // DOMAIN.md §5 "Dose decisions": after the warm-up, force rises to the working level over at least
        // 60 s, a middle-intensity pass, instead of jumping from the warm-up's force to the working force.
        int goalWorking = goal == Goal.STRESS ? Math.min(working, STRESS_INTENSITY) : working;
        int middle = (light + goalWorking + 1) / 2;
        Step buildUp = step(Step.Role.BUILD_UP, Technique.ROLL, Level.C7, Level.S1,
                new TechniqueParams.Roll(ROLL_MM_PER_S), middle, tempC,
                "Build-up: a roll over the whole back at intensity " + middle + ", between the warm-up and the"
                        + " working intensity " + goalWorking + ", so the force rises step by step.");
        buildUp.label = "Build-up";
        buildUp.fixed = true;
        buildUp.seconds = Math.max(BUILD_UP_MIN_S, (int) Math.round(BUILD_UP_SHARE * totalSeconds));
        steps.add(buildUp);

        double main = (1 - WARM_UP_SHARE - COOL_DOWN_SHARE) * totalSeconds;
        String goalName = goal.name();
        switch (goal) {
            case RELIEVE_TENSION -> tension(profile, working, tempC, main, steps, notes);
            case RANGE_OF_MOTION -> rangeOfMotion(profile, working, tempC, main, totalSeconds, steps);
            case STRESS -> {
                Step roll = step(Step.Role.MAIN, Technique.ROLL, Level.C7, Level.S1,
                        new TechniqueParams.Roll(SLOW_MM_PER_S), Math.min(working, STRESS_INTENSITY), tempC,
                        goalName + ": a slow full-length roll at low force with warm rollers; breathe out slowly"
                                + " as the rollers travel down, about 6 breaths a minute.");
                // Slow breathing at about 6 a minute (Zaccaro et al. 2018, Front. Hum. Neurosci. 12:353);
                // nothing on a screen paces it yet, so the text asks for it in words.
                roll.leadUnheated = goalName + ": a slow full-length roll at low force; breathe out slowly as the"
                        + " rollers travel down, about 6 breaths a minute.";
                roll.keyHeat = true;
                roll.weight = main;
                roll.group = 1;
                roll.priority = 1;
                steps.add(roll);
            }
            case TRIGGER_POINTS -> {
                Reason block = triggerPoints(profile, working, tempC, main, steps, notes);
                if (block != null) {
                    return new Composition(List.of(), block);
                }
            }
            case CIRCULATION -> circulation(working, tempC, main, totalSeconds, steps);
        }

        // DOMAIN.md §5 "Dose decisions": the cool-down runs unheated.
        Step coolDown = step(Step.Role.COOL_DOWN, Technique.ROLL, Level.C7, Level.S1,
                new TechniqueParams.Roll(COOL_DOWN_MM_PER_S), light, tempC,
                "Cool-down: a light, slow roll over the whole back to finish, rollers not heated.");
        coolDown.label = "Cool-down";
        coolDown.heat = false;
        coolDown.rollerTempC = 0;
        coolDown.weight = COOL_DOWN_SHARE * totalSeconds;
        steps.add(coolDown);
        for (Step s : steps) {
            if (s.label.isEmpty()) {
                s.label = goalName;
            }
        }
        return new Composition(steps, null);
    }

    /** Tension → ROLL then KNEAD over each painful area, worst first, time by its pain (DOMAIN.md §4). */
    private static void tension(Profile profile, int working, double tempC, double main, List<Step> steps, Notes notes) {
        List<PainFocus.Area> areas = PainFocus.areas(profile.painMap());
        if (areas.isEmpty()) {
            notes.add("NO_PAIN_MAP", "No pain marked on the body map: working the back from T1 to L5 evenly.");
            areas = List.of(new PainFocus.Area(Level.T1, Level.L5, 1, List.of()));
        }
        int painSum = 0;
        for (PainFocus.Area area : areas) {
            painSum += area.maxNrs();
        }
        int group = 1;
        for (PainFocus.Area area : areas) {
            double share = main * area.maxNrs() / painSum;
            String where = area.entries().isEmpty() ? "the back (T1–L5)"
                    : area.span() + " around your pain at " + area.marks();
            Step roll = step(Step.Role.MAIN, Technique.ROLL, area.from(), area.to(),
                    new TechniqueParams.Roll(ROLL_MM_PER_S), working, tempC,
                    "RELIEVE_TENSION: rolling " + where + " to loosen the muscles before kneading.");
            roll.weight = share / 3;
            roll.partner = Technique.KNEAD;
            roll.partnerInGroup = true;
            roll.leadAlone = "RELIEVE_TENSION: rolling " + where + " to loosen the muscles.";
            Step knead = step(Step.Role.MAIN, Technique.KNEAD, area.from(), area.to(),
                    new TechniqueParams.Knead(40, 1.0, 5), working, tempC,
                    "RELIEVE_TENSION: kneading " + where + "; strokes of 40 mm at 1 Hz.");
            knead.weight = share * 2 / 3;
            knead.key = true;
            for (Step s : List.of(roll, knead)) {
                s.group = group;
                s.priority = group;
                steps.add(s);
            }
            group++;
        }
    }

    /** Range of motion → ROLL then STRETCH under the lumbar and lower thoracic regions, the more painful first. */
    private static void rangeOfMotion(Profile profile, int working, double tempC, double main, int totalSeconds,
                                      List<Step> steps) {
        List<Region> regions = new ArrayList<>(List.of(Region.LUMBAR, Region.LOWER_THORACIC));
        if (painIn(profile, Region.LOWER_THORACIC) > painIn(profile, Region.LUMBAR)) {
            regions = List.of(Region.LOWER_THORACIC, Region.LUMBAR);
        }
        // One round of both stretches per 15 minutes, 1–3 rounds (choice).
        int rounds = Math.max(1, Math.min(3, totalSeconds / 900));
        int group = 1;
        for (int round = 1; round <= rounds; round++) {
            for (Region region : regions) {
                int pain = painIn(profile, region);
                String focus = pain > 0 ? " (pain up to NRS " + pain + " here)" : "";
                Step roll = step(Step.Role.MAIN, Technique.ROLL, region.first(), region.last(),
                        new TechniqueParams.Roll(ROLL_MM_PER_S), working, tempC,
                        "RANGE_OF_MOTION: rolling " + region.first() + "–" + region.last() + focus
                                + " to prepare it for the stretch.");
                roll.weight = main / (rounds * regions.size());
                roll.partner = Technique.STRETCH;
                roll.partnerInGroup = true;
                roll.leadAlone = "RANGE_OF_MOTION: rolling " + region.first() + "–" + region.last() + focus
                        + " to loosen it and move it through its range.";
                // DOMAIN.md §4: STRETCH holds 10–30 s, 3–5 times; 20 s × 4 with 10 s rest (choice within it).
                Step stretch = step(Step.Role.MAIN, Technique.STRETCH, region.first(), region.last(),
                        new TechniqueParams.Stretch(SafetyEnvelopes.STANDARD_STRETCH_LIFT_MM, 20, 4, 10), working,
                        tempC, "RANGE_OF_MOTION: stretching " + region.first() + "–" + region.last() + focus
                                + ": the rollers lift under it and hold 20 s, 4 times.");
                stretch.fixed = true;
                stretch.key = true;
                for (Step s : List.of(roll, stretch)) {
                    s.group = group;
                    s.priority = group;
                    steps.add(s);
                }
                group++;
            }
        }
    }

    /** Trigger points → for each marked point: ROLL around it, PRESS on it, ROLL again (DOMAIN.md §4). */
    private static Reason triggerPoints(Profile profile, int working, double tempC, double main, List<Step> steps,
                                        Notes notes) {
        List<PainFocus.Point> points = PainFocus.triggerPoints(profile);
        if (points.isEmpty()) {
            points = PainFocus.painfulLevels(profile, MAX_PAIN_POINTS);
            if (points.isEmpty()) {
                return new Reason("NO_TRIGGER_POINTS", "TRIGGER_POINTS needs trigger points or pain marked in the"
                        + " profile; mark them, or choose another goal.");
            }
            notes.add("TRIGGER_POINTS_FROM_PAIN_MAP", "No trigger points marked: pressing the most painful marked"
                    + " levels instead.");
        }
        // Hou et al. 2002: 90 s at low or 30 s at high pressure; 30–60 s (Clinical Chiropractic 2008).
        // Up to intensity 5 (175 N) counts as low here and holds 60 s; above, 30 s (choice).
        double holdS = working <= 5 ? 60 : 30;
        int group = 1;
        for (PainFocus.Point p : points) {
            Level lo = PainFocus.step(p.level(), -1);
            Level hi = PainFocus.step(p.level(), +1);
            String what = p.describe();
            Step before = step(Step.Role.MAIN, Technique.ROLL, lo, hi, new TechniqueParams.Roll(ROLL_MM_PER_S),
                    working, tempC, "TRIGGER_POINTS: rolling " + lo + "–" + hi + " to soften the tissue around " + what + ".");
            Step press = step(Step.Role.MAIN, Technique.PRESS, p.level(), p.level(),
                    new TechniqueParams.Press(4, holdS, 2, 15), working, tempC,
                    "TRIGGER_POINTS: pressing " + what + ": ramp 4 s, hold " + (int) holdS
                            + " s, twice (ischemic compression; Hou et al. 2002).");
            press.point = true;
            press.fixed = true;
            press.key = true;
            Step after = step(Step.Role.MAIN, Technique.ROLL, lo, hi, new TechniqueParams.Roll(ROLL_MM_PER_S),
                    working, tempC, "TRIGGER_POINTS: rolling " + lo + "–" + hi + " again to ease " + p.level()
                            + " after the press.");
            after.partner = Technique.PRESS;
            after.partnerInGroup = true;
            after.leadAlone = "TRIGGER_POINTS: rolling " + lo + "–" + hi + " again around " + what + ".";
            before.weight = main / (2.0 * points.size());
            after.weight = main / (2.0 * points.size());
            for (Step s : List.of(before, press, after)) {
                s.group = group;
                s.priority = group;
                steps.add(s);
            }
            group++;
        }
        return null;
    }

    /** Circulation → alternating WARM and ROLL over the whole back (DOMAIN.md §4). */
    private static void circulation(int working, double tempC, double main, int totalSeconds, List<Step> steps) {
        // One warm and one roll pass per 10 minutes, 1–4 rounds (choice).
        int rounds = Math.max(1, Math.min(4, totalSeconds / 600));
        for (int round = 1; round <= rounds; round++) {
            Step roll = step(Step.Role.MAIN, Technique.ROLL, Level.C7, Level.S1,
                    new TechniqueParams.Roll(ROLL_MM_PER_S), working, tempC,
                    "CIRCULATION: rolling the whole back to move blood through the warmed muscles.");
            roll.leadUnheated = "CIRCULATION: rolling the whole back to move blood through the muscles.";
            Step warm = step(Step.Role.MAIN, Technique.WARM, Level.C7, Level.S1,
                    new TechniqueParams.Warm(SLOW_MM_PER_S), Math.min(working, LIGHT_INTENSITY), tempC,
                    "CIRCULATION: a slow warm pass over the whole back.");
            warm.leadUnheated = "CIRCULATION: a slow, light roll over the whole back.";
            warm.keyHeat = true;
            for (Step s : List.of(roll, warm)) {
                s.weight = main / (2.0 * rounds);
                s.group = round;
                s.priority = round;
                steps.add(s);
            }
        }
    }

    private static int painIn(Profile profile, Region region) {
        int max = 0;
        for (var entry : profile.painMap()) {
            if (region.contains(entry.level())) {
                max = Math.max(max, entry.nrs());
            }
        }
        return max;
    }

    private static Step step(Step.Role role, Technique technique, Level from, Level to, TechniqueParams params,
                             int intensity, double tempC, String why) {
        Step s = new Step(role, technique, from, to, params, why);
        s.intensity = Math.max(1, intensity);
        s.heat = true;
        s.rollerTempC = tempC;
        return s;
    }
}
