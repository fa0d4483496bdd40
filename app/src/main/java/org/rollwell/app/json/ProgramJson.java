package org.rollwell.app.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rollwell.therapy.goal.Condition;
import org.rollwell.therapy.goal.Goal;
import org.rollwell.therapy.plan.TechniqueParams;
import org.rollwell.therapy.program.Location;
import org.rollwell.therapy.program.Program;
import org.rollwell.therapy.program.ProgramParser;
import org.rollwell.therapy.program.ProgramSegment;

/**
 * Programs as JSON: the one-line summary {@code rollwell programs --json} lists, and the
 * whole program in its own file format ({@code rollwell.program/1}, docs/program-format.md),
 * so {@code rollwell program show ID --json > mine.json} gives a file a person can edit and
 * {@code rollwell program check} accepts.
 */
public final class ProgramJson {

    private ProgramJson() {
    }

    /** {@code {"id","name","goals":[...],"conditions":[...],"minutes"}}, minutes rounded to 0.1. */
    public static ObjectNode summary(Program p) {
        ObjectNode n = Json.object();
        n.put("id", p.id());
        n.put("name", p.name());
        ArrayNode goals = n.putArray("goals");
        for (Goal goal : p.goals()) {
            goals.add(goal.name());
        }
        ArrayNode conditions = n.putArray("conditions");
        for (Condition condition : p.suits()) {
            conditions.add(condition.name());
        }
        n.set("minutes", Json.tenths(p.minutes()));
        return n;
    }

    /** The program as a {@code rollwell.program/1} file. */
    public static ObjectNode file(Program p) {
        ObjectNode n = Json.object();
        n.put("format", ProgramParser.FORMAT);
        n.put("id", p.id());
        n.put("name", p.name());
        n.put("description", p.description());
        ArrayNode goals = n.putArray("goals");
        p.goals().forEach(g -> goals.add(g.name()));
        ArrayNode suits = n.putArray("suits");
        p.suits().forEach(c -> suits.add(c.name()));
        ArrayNode sources = n.putArray("sources");
        p.sources().forEach(sources::add);
        ArrayNode segments = n.putArray("segments");
        for (ProgramSegment s : p.segments()) {
            segments.add(segment(s));
        }
        return n;
    }

    private static ObjectNode segment(ProgramSegment s) {
        ObjectNode n = Json.object();
        n.put("technique", s.technique().name());
        Location location = s.location();
        if (location instanceof Location.Span span) {
            n.put("from", span.from().name());
            n.put("to", span.to().name());
        } else if (location instanceof Location.Point point) {
            n.put("at", point.at().name());
        } else if (location instanceof Location.MarkedTriggerPoints) {
            n.put("at", "TRIGGER_POINTS");
        } else if (location instanceof Location.PainfulRegion pain) {
            n.put("focus", "PAIN");
            n.put("from", pain.fallbackFrom().name());
            n.put("to", pain.fallbackTo().name());
        }
        if (s.intensity() != null) {
            n.put("intensity", s.intensity());
        } else {
            n.set("forceN", Json.number(s.forceN()));
        }
        if (s.heat()) {
            n.set("rollerTempC", Json.number(s.rollerTempC()));
        }
        n.put("seconds", s.seconds());
        TechniqueParams params = s.params();
        if (params instanceof TechniqueParams.Roll roll) {
            n.set("speedMmPerS", Json.number(roll.speedMmPerS()));
        } else if (params instanceof TechniqueParams.Knead k) {
            n.set("strokeMm", Json.number(k.strokeMm()));
            n.set("frequencyHz", Json.number(k.frequencyHz()));
            n.set("creepMmPerS", Json.number(k.creepMmPerS()));
        } else if (params instanceof TechniqueParams.Press press) {
            n.set("rampS", Json.number(press.rampS()));
            n.set("holdS", Json.number(press.holdS()));
            n.put("repetitions", press.repetitions());
            n.set("restS", Json.number(press.restS()));
        } else if (params instanceof TechniqueParams.Stretch st) {
            n.set("liftMm", Json.number(st.liftMm()));
            n.set("holdS", Json.number(st.holdS()));
            n.put("repetitions", st.repetitions());
            n.set("restS", Json.number(st.restS()));
        } else if (params instanceof TechniqueParams.Warm w) {
            n.set("speedMmPerS", Json.number(w.speedMmPerS()));
        }
        if (!s.note().isEmpty()) {
            n.put("note", s.note());
        }
        return n;
    }
}
