package org.rollwell.therapy.program;

import static org.rollwell.therapy.input.Shown.number;

import java.util.List;
import java.util.Set;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.input.FieldReader;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Intensity;
import org.rollwell.therapy.technique.Technique;

/**
 * Checks that need the whole program: that it fits in one session, that its goals
 * are served by the techniques DOMAIN.md §4 maps them to, and that a program which
 * says it suits a condition keeps that condition's rules (DOMAIN.md §5), so the
 * claim in {@code suits} can be trusted.
 */
final class ProgramChecks {

    private final FieldReader fields;

    ProgramChecks(FieldReader fields) {
        this.fields = fields;
    }

    /**
     * @param segments the segments as read, null where a segment had problems;
     *                 checks skip those, their problems are already recorded, and the goal
     *                 check waits until every segment reads clean
     */
    void check(List<Goal> goals, Set<Condition> suits, List<ProgramSegment> segments) {
        int totalSeconds = 0;
        for (ProgramSegment segment : segments) {
            if (segment != null) {
                totalSeconds += segment.seconds();
            }
        }
        if (totalSeconds > ProgramRules.MAX_PROGRAM_SECONDS) {
            // DOMAIN.md §2: a session ends by itself after 60 min
            fields.problem("$.segments", "the program runs " + number(totalSeconds / 60.0)
                    + " min; a session lasts at most 60 min (3600 s)");
        }
        if (!segments.contains(null)) {
            for (int i = 0; i < goals.size(); i++) {
                checkGoal(goals.get(i), "$.goals[" + i + "]", segments);
            }
        }
        for (int i = 0; i < segments.size(); i++) {
            ProgramSegment segment = segments.get(i);
            if (segment != null) {
                checkConditions(suits, segment, "$.segments[" + i + "]", i == 0);
            }
        }
    }

    /** DOMAIN.md §4, "Goals map to techniques". */
    private void checkGoal(Goal goal, String at, List<ProgramSegment> segments) {
        switch (goal) {
            case RELIEVE_TENSION:
                requireAny(at, goal, segments, "ROLL or KNEAD", Technique.ROLL, Technique.KNEAD);
                break;
            case RANGE_OF_MOTION:
                requireAny(at, goal, segments, "STRETCH", Technique.STRETCH);
                break;
            case STRESS:
                requireAny(at, goal, segments, "ROLL", Technique.ROLL);
                break;
            case TRIGGER_POINTS:
                requireAny(at, goal, segments, "PRESS", Technique.PRESS);
                break;
            case CIRCULATION:
                requireAny(at, goal, segments, "WARM", Technique.WARM);
                break;
            default:
                throw new IllegalStateException("unhandled goal " + goal);
        }
    }

    private void requireAny(String at, Goal goal, List<ProgramSegment> segments, String what, Technique... techniques) {
        for (ProgramSegment segment : segments) {
            for (Technique technique : techniques) {
                if (segment.technique() == technique) {
                    return;
                }
            }
        }
        fields.problem(at, "a program for " + goal + " needs a " + what + " segment (docs/therapy.md, techniques)");
    }

    /** DOMAIN.md §5: the rules of each condition the program says it suits. */
    private void checkConditions(Set<Condition> suits, ProgramSegment segment, String path, boolean first) {
        String doseField = segment.intensity() != null ? "intensity" : "forceN";
        String doseAt = FieldReader.child(path, doseField);
        double forceN = segment.targetForceN();
        if (suits.contains(Condition.FIBROMYALGIA)) {
            if (forceN > ProgramRules.FIBROMYALGIA_MAX_FORCE_N) {
                fields.problem(doseAt, "a program that suits FIBROMYALGIA stays at or below 150 N (intensity "
                        + Intensity.atMost(ProgramRules.FIBROMYALGIA_MAX_FORCE_N) + "), was " + shown(segment));
            } else if (first && forceN > Intensity.forceN(ProgramRules.FIBROMYALGIA_START_INTENSITY)) {
                fields.problem(doseAt, "a program that suits FIBROMYALGIA starts at intensity 2 (70 N) or less, was "
                        + shown(segment));
            }
        }
        if (suits.contains(Condition.DEGENERATION) && forceN > ProgramRules.DEGENERATION_MAX_FORCE_N) {
            fields.problem(doseAt, "a program that suits DEGENERATION stays at or below 200 N (intensity "
                    + Intensity.atMost(ProgramRules.DEGENERATION_MAX_FORCE_N) + "), was " + shown(segment));
        }
        if (suits.contains(Condition.SCIATICA)) {
            if (segment.location() instanceof Location.Point point
                    && inLowLumbar(point.at())) {
                fields.problem(FieldReader.child(path, "at"),
                        "a program that suits SCIATICA does not PRESS on L4–S1, was " + point.at());
            }
            if (segment.params() instanceof TechniqueParams.Stretch stretch
                    && stretch.liftMm() > ProgramRules.STRETCH_FULL_LIFT_MM / 2) {
                fields.problem(FieldReader.child(path, "liftMm"), "a program that suits SCIATICA stretches at half height, at most "
                        + number(ProgramRules.STRETCH_FULL_LIFT_MM / 2) + " mm, was " + number(stretch.liftMm()));
            }
        }
    }

    private static String shown(ProgramSegment segment) {
        return segment.intensity() != null
                ? segment.intensity() + " (" + number(segment.targetForceN()) + " N)"
                : number(segment.forceN()) + " N";
    }

    /** Whether a level lies in L4–S1. */
    private static boolean inLowLumbar(Level level) {
        return !level.isAbove(ProgramRules.SCIATICA_NO_PRESS_FROM);
    }
}
