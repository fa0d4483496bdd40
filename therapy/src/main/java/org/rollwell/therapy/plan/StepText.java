package org.rollwell.therapy.plan;

import java.util.Locale;
import java.util.regex.Pattern;
import org.rollwell.therapy.technique.Technique;

/**
 * Plain words for what a step does, from what it will actually do (its technique, span and
 * parameters after fitting), and the checks that keep a hand-written sentence true: it may
 * refer to another technique only if that technique is in the plan, and to warmth only if
 * the rollers are heated.
 */
final class StepText {

    private static final Pattern NEGATED = Pattern.compile(
            "(?i)\\b(no|not|without|instead of|un)[ -]?(press\\w*|stretch\\w*|knead\\w*|heat\\w*|warm\\w*)");
    private static final Pattern HEAT = Pattern.compile("(?i)\\bwarm(ed|th|ing)?\\b|\\bheat(ed|ing)?\\b|\\bhot\\b");

    private StepText() {
    }

    /** "rolling T1–T6 at 30 mm/s", "pressing T7: ramp 4 s, hold 60 s, 2 times", ... */
    static String describe(Step s) {
        String span = s.span();
        return switch (s.technique) {
            case ROLL -> "rolling " + span + " at " + EnvelopeFitter.whole(((TechniqueParams.Roll) s.params).speedMmPerS())
                    + " mm/s" + (s.heat ? "" : ", rollers not heated");
            case KNEAD -> {
                TechniqueParams.Knead k = (TechniqueParams.Knead) s.params;
                yield "kneading " + span + " in strokes of " + EnvelopeFitter.whole(k.strokeMm()) + " mm at "
                        + EnvelopeFitter.whole(k.frequencyHz()) + " Hz";
            }
            case PRESS -> {
                TechniqueParams.Press p = (TechniqueParams.Press) s.params;
                yield "pressing " + span + ": ramp " + EnvelopeFitter.whole(p.rampS()) + " s, hold "
                        + EnvelopeFitter.whole(p.holdS()) + " s, " + times(p.repetitions());
            }
            case STRETCH -> {
                TechniqueParams.Stretch st = (TechniqueParams.Stretch) s.params;
                yield "stretching " + span + ": the rollers lift " + EnvelopeFitter.whole(st.liftMm())
                        + " mm under it and hold " + EnvelopeFitter.whole(st.holdS()) + " s, " + times(st.repetitions());
            }
            case WARM -> ((TechniqueParams.Warm) s.params).speedMmPerS() == 0
                    ? "warmth from the heated rollers resting under the middle of " + span
                    : "a slow warm pass over " + span + " with heated rollers";
        };
    }

    /** "Label: description." */
    static String plain(Step s) {
        String what = describe(s);
        String sentence = Character.toUpperCase(what.charAt(0)) + what.substring(1) + ".";
        return s.label.isEmpty() ? sentence : s.label + ": " + what + ".";
    }

    /** Whether the text speaks of {@code technique} as something done (negated mentions do not count). */
    static boolean names(String text, Technique technique) {
        String claims = NEGATED.matcher(text).replaceAll("");
        String stem = technique.name().toLowerCase(Locale.ROOT);
        return Pattern.compile("(?i)\\b" + stem + "(ed|es|s|ing)?\\b").matcher(claims).find();
    }

    /** Whether the text speaks of warmth or heat as given (negated mentions and the word "Warm-up" do not count). */
    static boolean namesHeat(String text) {
        return HEAT.matcher(NEGATED.matcher(text.replace("Warm-up", "")).replaceAll("")).find();
    }

    private static String times(int repetitions) {
        return switch (repetitions) {
            case 1 -> "once";
            case 2 -> "twice";
            default -> repetitions + " times";
        };
    }
}
