package org.rollwell.therapy.program;

import java.util.List;
import java.util.Map;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.technique.Technique;

/** The limits of the {@code rollwell.program/1} format, each with its source. */
final class ProgramRules {

    static final String FORMAT = "rollwell.program/1";

    /** DOMAIN.md §2: the reference bed's force limit. */
    static final double MAX_FORCE_N = 350;
    /** DOMAIN.md §2: settable roller surface target. */
    static final double MIN_ROLLER_TEMP_C = 30;
    static final double MAX_ROLLER_TEMP_C = 65;
    /** DOMAIN.md §2: sessions end by themselves after 60 min, so no program may run longer. */
    static final int MAX_PROGRAM_SECONDS = 60 * 60;
    /** Shortest segment worth running (choice: one slow pass over a region). */
    static final int MIN_SEGMENT_SECONDS = 10;
    /** DOMAIN.md §4: WARM lasts 5–15 min. */
    static final int MIN_WARM_SECONDS = 5 * 60;
    static final int MAX_WARM_SECONDS = 15 * 60;
    /** DOMAIN.md §2: the lift moves at most 10 mm/s; a stretch has to raise and lower it. */
    static final double LIFT_SPEED_MM_PER_S = 10;
    /**
     * Full stretch height (choice: a bit over half the reference bed's 70 mm lift, DOMAIN.md §2).
     * SCIATICA stretches at half height (DOMAIN.md §5), i.e. at most half of this.
     */
    static final double STRETCH_FULL_LIFT_MM = 40;
    /** DOMAIN.md §5: FIBROMYALGIA force ≤ 150 N and start at intensity 2. */
    static final double FIBROMYALGIA_MAX_FORCE_N = 150;
    static final int FIBROMYALGIA_START_INTENSITY = 2;
    /** DOMAIN.md §5: DEGENERATION force ≤ 200 N. */
    static final double DEGENERATION_MAX_FORCE_N = 200;
    /** DOMAIN.md §5: SCIATICA allows no PRESS on L4–S1. */
    static final Level SCIATICA_NO_PRESS_FROM = Level.L4;
    /** DOMAIN.md §4: STRETCH raises the lift under the thoracic or lumbar region. */
    static final Level STRETCH_FIRST = Level.T1;
    static final Level STRETCH_LAST = Level.L5;

    static final int MAX_ID_LENGTH = 40;
    static final int MAX_NAME_LENGTH = 80;
    static final int MAX_TEXT_LENGTH = 2000;

    /** The top-level fields of a program file. */
    static final List<String> PROGRAM_FIELDS =
            List.of("format", "id", "name", "description", "goals", "suits", "sources", "segments");
    /** The fields every segment may carry, whatever its technique. */
    static final List<String> SEGMENT_FIELDS =
            List.of("technique", "from", "to", "at", "focus", "intensity", "forceN", "rollerTempC", "seconds", "note");

    /** Each technique's own parameters and their ranges (DOMAIN.md §4 unless marked choice). */
    static final Map<Technique, List<ParamSpec>> PARAMS = Map.of(
            Technique.ROLL, List.of(
                    new ParamSpec("speedMmPerS", 10, 60, "mm/s", false, "travel speed")),
            Technique.KNEAD, List.of(
                    new ParamSpec("strokeMm", 20, 60, "mm", false, "stroke length"),
                    new ParamSpec("frequencyHz", 0.5, 1.5, "Hz", false, "strokes per second"),
                    // choice: slow enough that each spot gets several strokes
                    new ParamSpec("creepMmPerS", 1, 20, "mm/s", false, "how fast the strokes creep along the span")),
            Technique.PRESS, List.of(
                    new ParamSpec("rampS", 3, 5, "s", false, "time to ramp the force up (and down)"),
                    // Hou et al. 2002: 90 s at low or 30 s at high pressure; upper bound choice
                    new ParamSpec("holdS", 5, 120, "s", false, "hold at full force"),
                    new ParamSpec("repetitions", 1, 3, "", true, "presses on each point"),
                    new ParamSpec("restS", 0, 60, "s", false, "rest between presses (choice)")),
            Technique.STRETCH, List.of(
                    new ParamSpec("liftMm", 10, STRETCH_FULL_LIFT_MM, "mm", false, "how far the rollers rise"),
                    new ParamSpec("holdS", 10, 30, "s", false, "hold at full height"),
                    new ParamSpec("repetitions", 3, 5, "", true, "stretches"),
                    new ParamSpec("restS", 0, 60, "s", false, "rest between stretches (choice)")),
            Technique.WARM, List.of(
                    // choice: 0 rests at the middle of the span, up to a slow glide
                    new ParamSpec("speedMmPerS", 0, 30, "mm/s", false, "travel speed, 0 to rest")));

    private ProgramRules() {
    }

    /** The parameter named {@code name} of {@code technique}, or null. */
    static ParamSpec param(Technique technique, String name) {
        for (ParamSpec spec : PARAMS.get(technique)) {
            if (spec.name().equals(name)) {
                return spec;
            }
        }
        return null;
    }

    static Technique techniqueOf(TechniqueParams params) {
        if (params instanceof TechniqueParams.Roll) {
            return Technique.ROLL;
        } else if (params instanceof TechniqueParams.Knead) {
            return Technique.KNEAD;
        } else if (params instanceof TechniqueParams.Press) {
            return Technique.PRESS;
        } else if (params instanceof TechniqueParams.Stretch) {
            return Technique.STRETCH;
        } else {
            return Technique.WARM;
        }
    }

    /** Whether a technique works on a point ({@code "at"}) rather than over a span. */
    static boolean worksOnPoint(Technique technique) {
        return technique == Technique.PRESS;
    }

    /**
     * A technique's parameter set with its range.
     *
     * @param whole  true when only whole numbers make sense (repetitions)
     * @param what   what it means, for messages
     */
    record ParamSpec(String name, double min, double max, String unit, boolean whole, String what) {
    }
}
