package org.rollwell.therapy.program;

import static org.rollwell.therapy.input.FieldReader.child;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rollwell.therapy.anatomy.Level;
import org.rollwell.therapy.input.FieldReader;
import org.rollwell.therapy.input.Shown;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.program.ProgramRules.ParamSpec;
import org.rollwell.therapy.technique.Technique;

/** Reads one segment of a program file, recording every problem it finds. */
final class SegmentReader {

    private static final String TRIGGER_POINTS = "TRIGGER_POINTS";
    private static final String PAIN = "PAIN";

    private final FieldReader fields;

    SegmentReader(FieldReader fields) {
        this.fields = fields;
    }

    /** The segment at {@code path}, or null when it has a problem (recorded). */
    ProgramSegment read(JsonNode node, String path) {
        if (!node.isObject()) {
            fields.problem(path, "must be an object describing one step, was " + Shown.value(node));
            return null;
        }
        int before = fields.problemCount();
        Technique technique = technique(node, path);
        checkFields(node, path, technique);
        Location location = location(node, path, technique);
        Double intensity = fields.number(node, path, "intensity", 1, 10, "", true, false);
        Double forceN = fields.number(node, path, "forceN", 1, ProgramRules.MAX_FORCE_N, "N", false, false);
        if (node.has("intensity") && node.has("forceN")) {
            fields.problem(child(path, "forceN"), "give either intensity or forceN, not both");
        } else if (!node.has("intensity") && !node.has("forceN")) {
            fields.problem(child(path, "intensity"), "missing; give intensity 1–10 or forceN 1–350 N");
        }
        Double rollerTempC = fields.number(node, path, "rollerTempC",
                ProgramRules.MIN_ROLLER_TEMP_C, ProgramRules.MAX_ROLLER_TEMP_C, "°C", false, false);
        if (technique == Technique.WARM && !node.has("rollerTempC")) {
            fields.problem(child(path, "rollerTempC"), "missing; WARM needs heated rollers, 30–65 °C");
        }
        Double seconds = fields.number(node, path, "seconds",
                ProgramRules.MIN_SEGMENT_SECONDS, ProgramRules.MAX_PROGRAM_SECONDS, "s", true, true);
        String note = fields.text(node, path, "note", ProgramRules.MAX_TEXT_LENGTH, false);
        TechniqueParams params = technique == null ? null : params(node, path, technique);
        if (params != null && seconds != null) {
            checkDuration(path, technique, params, seconds.intValue());
        }
        if (fields.problemCount() > before) {
            return null;
        }
        return new ProgramSegment(technique, location,
                intensity == null ? null : intensity.intValue(), forceN,
                rollerTempC != null, rollerTempC == null ? 0 : rollerTempC,
                seconds.intValue(), params, note);
    }

    private Technique technique(JsonNode node, String path) {
        JsonNode value = node.get("technique");
        if (value == null) {
            fields.problem(child(path, "technique"), "missing; must be one of " + Shown.names(Technique.class));
            return null;
        }
        return fields.constantValue(value, child(path, "technique"), Technique.class, "technique");
    }

    /** Unknown fields, and parameters that belong to another technique. */
    private void checkFields(JsonNode node, String path, Technique technique) {
        List<String> allowed = new ArrayList<>(ProgramRules.SEGMENT_FIELDS);
        if (technique != null) {
            ProgramRules.PARAMS.get(technique).forEach(spec -> allowed.add(spec.name()));
        }
        fields.unknownFields(node, path, allowed, name -> {
            List<Technique> owners = owners(name);
            if (owners.isEmpty()) {
                return null;
            }
            // Without a known technique we cannot say whose parameter it is; the technique's own problem says enough.
            return technique == null ? "" : "belongs to " + join(owners) + ", not " + technique;
        });
    }

    private Location location(JsonNode node, String path, Technique technique) {
        boolean point = technique == null ? node.has("at") : ProgramRules.worksOnPoint(technique);
        if (point) {
            for (String spanField : List.of("from", "to", "focus")) {
                if (node.has(spanField) && technique != null) {
                    fields.problem(child(path, spanField), technique + " works on a point: give \"at\" "
                            + "(a level such as \"T8\" or \"TRIGGER_POINTS\"), not a span");
                }
            }
            JsonNode at = node.get("at");
            if (at == null) {
                fields.problem(child(path, "at"), "missing; " + technique
                        + " needs a point: a level such as \"T8\" or \"TRIGGER_POINTS\"");
                return null;
            }
            if (at.isTextual() && TRIGGER_POINTS.equals(at.textValue())) {
                return new Location.MarkedTriggerPoints();
            }
            Level level = fields.levelValue(at, child(path, "at"));
            return level == null ? null : new Location.Point(level);
        }
        if (node.has("at") && technique != null) {
            fields.problem(child(path, "at"), technique + " works over a span: give \"from\" and \"to\", not \"at\"");
        }
        boolean painFocus = focus(node, path, technique);
        Level from = spanEnd(node, path, "from");
        Level to = spanEnd(node, path, "to");
        if (from == null || to == null) {
            return null;
        }
        if (to.isAbove(from)) {
            fields.problem(child(path, "from"), from + " lies below " + to
                    + " on the spine; \"from\" is the end nearer the head, \"to\" the end nearer the sacrum");
            return null;
        }
        if (technique == Technique.STRETCH
                && (from.isAbove(ProgramRules.STRETCH_FIRST) || ProgramRules.STRETCH_LAST.isAbove(to))) {
            // DOMAIN.md §4: the lift is raised under the thoracic or lumbar region, not the neck or sacrum.
            String field = from.isAbove(ProgramRules.STRETCH_FIRST) ? "from" : "to";
            fields.problem(child(path, field), "STRETCH works under the thoracic or lumbar spine ("
                    + ProgramRules.STRETCH_FIRST + "–" + ProgramRules.STRETCH_LAST + "), was "
                    + (field.equals("from") ? from : to));
            return null;
        }
        return painFocus ? new Location.PainfulRegion(from, to) : new Location.Span(from, to);
    }

    /** Whether the segment says {@code "focus":"PAIN"}; records a problem for anything else. */
    private boolean focus(JsonNode node, String path, Technique technique) {
        JsonNode focus = node.get("focus");
        if (focus == null) {
            return false;
        }
        String at = child(path, "focus");
        if (!focus.isTextual() || !PAIN.equals(focus.textValue())) {
            fields.problem(at, "must be \"PAIN\" (work on the person's painful levels), was " + Shown.value(focus));
            return false;
        }
        if (technique == Technique.STRETCH) {
            fields.problem(at, "STRETCH works on a fixed span; \"focus\" is for ROLL, KNEAD and WARM");
            return false;
        }
        return true;
    }

    private Level spanEnd(JsonNode node, String path, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            fields.problem(child(path, field), "missing; a span needs \"from\" and \"to\" levels such as \"T10\" and \"L5\"");
            return null;
        }
        return fields.levelValue(value, child(path, field));
    }

    private TechniqueParams params(JsonNode node, String path, Technique technique) {
        Map<String, Double> values = new HashMap<>();
        boolean complete = true;
        for (ParamSpec spec : ProgramRules.PARAMS.get(technique)) {
            Double value = fields.number(node, path, spec.name(), spec.min(), spec.max(), spec.unit(), spec.whole(), true);
            if (value == null) {
                complete = false;
            } else {
                values.put(spec.name(), value);
            }
        }
        if (!complete) {
            return null;
        }
        switch (technique) {
            case ROLL:
                return new TechniqueParams.Roll(values.get("speedMmPerS"));
            case KNEAD:
                return new TechniqueParams.Knead(values.get("strokeMm"), values.get("frequencyHz"), values.get("creepMmPerS"));
            case PRESS:
                return new TechniqueParams.Press(values.get("rampS"), values.get("holdS"),
                        values.get("repetitions").intValue(), values.get("restS"));
            case STRETCH:
                return new TechniqueParams.Stretch(values.get("liftMm"), values.get("holdS"),
                        values.get("repetitions").intValue(), values.get("restS"));
            default:
                return new TechniqueParams.Warm(values.get("speedMmPerS"));
        }
    }

    /** A segment must last long enough to do what its parameters ask. */
    private void checkDuration(String path, Technique technique, TechniqueParams params, int seconds) {
        String at = child(path, "seconds");
        if (technique == Technique.WARM
                && (seconds < ProgramRules.MIN_WARM_SECONDS || seconds > ProgramRules.MAX_WARM_SECONDS)) {
            fields.problem(at, "WARM must last 300–900 s (5–15 min; docs/therapy.md, techniques), was " + seconds);
        } else if (params instanceof TechniqueParams.Press press) {
            // ramp up, hold, ramp down, for each repetition, with rests between
            double needed = press.repetitions() * (2 * press.rampS() + press.holdS())
                    + (press.repetitions() - 1) * press.restS();
            requireAtLeast(at, seconds, needed, press.repetitions() + " × (2 × rampS + holdS) + rests");
        } else if (params instanceof TechniqueParams.Stretch stretch) {
            double liftTravelS = 2 * stretch.liftMm() / ProgramRules.LIFT_SPEED_MM_PER_S;
            double needed = stretch.repetitions() * (liftTravelS + stretch.holdS())
                    + (stretch.repetitions() - 1) * stretch.restS();
            requireAtLeast(at, seconds, needed, stretch.repetitions()
                    + " × (raise and lower the lift at 10 mm/s + holdS) + rests");
        }
    }

    private void requireAtLeast(String at, int seconds, double needed, String how) {
        int neededS = (int) Math.ceil(needed - 1e-9);
        if (seconds < neededS) {
            fields.problem(at, "too short for its parameters: needs at least " + neededS + " s ("
                    + how + "), was " + seconds);
        }
    }

    private static List<Technique> owners(String field) {
        List<Technique> owners = new ArrayList<>();
        for (Technique technique : Technique.values()) {
            if (ProgramRules.param(technique, field) != null) {
                owners.add(technique);
            }
        }
        return owners;
    }

    private static String join(List<Technique> techniques) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < techniques.size(); i++) {
            if (i > 0) {
                out.append(i == techniques.size() - 1 ? " and " : ", ");
            }
            out.append(techniques.get(i));
        }
        return out.toString();
    }
}
