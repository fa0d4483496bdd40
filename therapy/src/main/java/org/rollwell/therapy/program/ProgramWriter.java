package org.rollwell.therapy.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rollwell.therapy.plan.TechniqueParams;

/**
 * Writes a {@link Program} as a {@code rollwell.program/1} file that
 * {@link ProgramParser} reads back to an equal program; for {@code rollwell program show ID --json}
 * and for tools that edit programs. Output is deterministic (fixed field order).
 */
public final class ProgramWriter {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ProgramWriter() {
    }

    /** The program as an indented JSON text. */
    public static String toJson(Program program) {
        try {
            return JSON.writeValueAsString(toTree(program));
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serialises; reaching this is a bug.
            throw new IllegalStateException("cannot write program " + program.id(), e);
        }
    }

    /** The program as a JSON tree, for callers that embed it in a larger document. */
    public static ObjectNode toTree(Program program) {
        ObjectNode root = NODES.objectNode();
        root.put("format", ProgramRules.FORMAT);
        root.put("id", program.id());
        root.put("name", program.name());
        root.put("description", program.description());
        ArrayNode goals = root.putArray("goals");
        program.goals().forEach(goal -> goals.add(goal.name()));
        ArrayNode suits = root.putArray("suits");
        program.suits().forEach(condition -> suits.add(condition.name()));
        ArrayNode sources = root.putArray("sources");
        program.sources().forEach(sources::add);
        ArrayNode segments = root.putArray("segments");
        program.segments().forEach(segment -> segments.add(segment(segment)));
        return root;
    }

    private static ObjectNode segment(ProgramSegment segment) {
        ObjectNode node = NODES.objectNode();
        node.put("technique", segment.technique().name());
        location(node, segment.location());
        if (segment.intensity() != null) {
            node.put("intensity", segment.intensity());
        } else {
            node.put("forceN", segment.forceN());
        }
        if (segment.heat()) {
            node.put("rollerTempC", segment.rollerTempC());
        }
        node.put("seconds", segment.seconds());
        params(node, segment.params());
        if (!segment.note().isEmpty()) {
            node.put("note", segment.note());
        }
        return node;
    }

    private static void location(ObjectNode node, Location location) {
        if (location instanceof Location.Span span) {
            node.put("from", span.from().name());
            node.put("to", span.to().name());
        } else if (location instanceof Location.Point point) {
            node.put("at", point.at().name());
        } else if (location instanceof Location.MarkedTriggerPoints) {
            node.put("at", "TRIGGER_POINTS");
        } else if (location instanceof Location.PainfulRegion region) {
            node.put("focus", "PAIN");
            node.put("from", region.fallbackFrom().name());
            node.put("to", region.fallbackTo().name());
        }
    }

    private static void params(ObjectNode node, TechniqueParams params) {
        if (params instanceof TechniqueParams.Roll roll) {
            node.put("speedMmPerS", roll.speedMmPerS());
        } else if (params instanceof TechniqueParams.Knead knead) {
            node.put("strokeMm", knead.strokeMm());
            node.put("frequencyHz", knead.frequencyHz());
            node.put("creepMmPerS", knead.creepMmPerS());
        } else if (params instanceof TechniqueParams.Press press) {
            node.put("rampS", press.rampS());
            node.put("holdS", press.holdS());
            node.put("repetitions", press.repetitions());
            node.put("restS", press.restS());
        } else if (params instanceof TechniqueParams.Stretch stretch) {
            node.put("liftMm", stretch.liftMm());
            node.put("holdS", stretch.holdS());
            node.put("repetitions", stretch.repetitions());
            node.put("restS", stretch.restS());
        } else if (params instanceof TechniqueParams.Warm warm) {
            node.put("speedMmPerS", warm.speedMmPerS());
        }
    }
}
