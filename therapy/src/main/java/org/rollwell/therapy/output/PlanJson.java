package org.rollwell.therapy.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rollwell.therapy.envelope.ExcludedRange;
import org.rollwell.therapy.envelope.SafetyEnvelope;
import org.rollwell.therapy.envelope.TechniqueBan;
import org.rollwell.therapy.plan.PlanSegment;
import org.rollwell.therapy.plan.Reason;
import org.rollwell.therapy.plan.SessionPlan;
import org.rollwell.therapy.plan.TechniqueParams;

/**
 * A session plan as JSON, in the field order of issue 3:
 * {@code {"status","reasons","envelope","segments","totalSeconds"}}. Millimetres, newtons
 * and degrees are rounded to 0.1, the thermal dose to 0.01; a temperature that does not
 * apply (heat off) is {@code null}. After the fields each object may carry more
 * (the rule that set each limit, the technique's parameters) for engineers and scripts.
 */
public final class PlanJson {

    private PlanJson() {
    }

    public static ObjectNode of(SessionPlan plan) {
        ObjectNode root = JsonNumbers.object();
        root.put("status", plan.status().name());
        ArrayNode reasons = root.putArray("reasons");
        for (Reason reason : plan.reasons()) {
            ObjectNode r = reasons.addObject();
            r.put("code", reason.code());
            r.put("message", reason.message());
        }
        root.set("envelope", plan.envelope() == null ? NullNode.getInstance() : envelope(plan.envelope()));
        ArrayNode segments = root.putArray("segments");
        for (PlanSegment segment : plan.segments()) {
            segments.add(segment(segment));
        }
        root.put("totalSeconds", plan.totalSeconds());
        return root;
    }

    static ObjectNode envelope(SafetyEnvelope envelope) {
        ObjectNode e = JsonNumbers.object();
        e.set("maxForceN", JsonNumbers.tenths(envelope.maxForceN().value()));
        e.set("maxRollerTempC", envelope.heatAllowed() ? JsonNumbers.tenths(envelope.maxRollerTempC().value()) : NullNode.getInstance());
        e.set("maxSkinTempC", JsonNumbers.tenths(envelope.maxSkinTempC().value()));
        e.set("cem43CapMin", JsonNumbers.hundredths(envelope.cem43CapMin().value()));
        ArrayNode excluded = e.putArray("excluded");
        for (ExcludedRange range : envelope.excluded()) {
            ObjectNode x = excluded.addObject();
            x.set("fromMm", JsonNumbers.tenths(range.fromMm()));
            x.set("toMm", JsonNumbers.tenths(range.toMm()));
            x.put("reason", range.reason());
        }
        e.set("maxMinutes", JsonNumbers.tenths(envelope.maxMinutes().value()));
        e.set("maxIntensity", JsonNumbers.tenths(envelope.maxIntensity().value()));
        e.put("heatAllowed", envelope.heatAllowed());
        ArrayNode bans = e.putArray("bans");
        for (TechniqueBan ban : envelope.bans()) {
            ObjectNode b = bans.addObject();
            b.put("technique", ban.technique().name());
            b.put("from", ban.from().name());
            b.put("to", ban.to().name());
            b.put("setBy", ban.setBy());
        }
        ObjectNode setBy = e.putObject("setBy");
        setBy.put("maxForceN", envelope.maxForceN().setBy());
        setBy.put("maxRollerTempC", envelope.heatAllowed() ? envelope.maxRollerTempC().setBy() : envelope.heatSetBy());
        setBy.put("maxSkinTempC", envelope.maxSkinTempC().setBy());
        setBy.put("cem43CapMin", envelope.cem43CapMin().setBy());
        setBy.put("maxMinutes", envelope.maxMinutes().setBy());
        setBy.put("maxIntensity", envelope.maxIntensity().setBy());
        return e;
    }

    static ObjectNode segment(PlanSegment s) {
        ObjectNode n = JsonNumbers.object();
        n.put("technique", s.technique().name());
        n.put("from", s.from().name());
        n.put("to", s.to().name());
        n.set("startMm", JsonNumbers.tenths(s.startMm()));
        n.set("endMm", JsonNumbers.tenths(s.endMm()));
        n.set("forceN", JsonNumbers.tenths(s.forceN()));
        n.set("rollerTempC", s.heated() ? JsonNumbers.tenths(s.rollerTempC()) : NullNode.getInstance());
        n.put("seconds", s.seconds());
        n.put("why", s.why());
        n.set("params", params(s.params()));
        return n;
    }

    /** The technique's own parameters, named as in the program format. */
    public static JsonNode params(TechniqueParams params) {
        ObjectNode p = JsonNumbers.object();
        if (params instanceof TechniqueParams.Roll roll) {
            p.set("speedMmPerS", JsonNumbers.tenths(roll.speedMmPerS()));
        } else if (params instanceof TechniqueParams.Knead knead) {
            p.set("strokeMm", JsonNumbers.tenths(knead.strokeMm()));
            p.set("frequencyHz", JsonNumbers.hundredths(knead.frequencyHz()));
            p.set("creepMmPerS", JsonNumbers.tenths(knead.creepMmPerS()));
        } else if (params instanceof TechniqueParams.Press press) {
            p.set("rampS", JsonNumbers.tenths(press.rampS()));
            p.set("holdS", JsonNumbers.tenths(press.holdS()));
            p.put("repetitions", press.repetitions());
            p.set("restS", JsonNumbers.tenths(press.restS()));
        } else if (params instanceof TechniqueParams.Stretch stretch) {
            p.set("liftMm", JsonNumbers.tenths(stretch.liftMm()));
            p.set("holdS", JsonNumbers.tenths(stretch.holdS()));
            p.put("repetitions", stretch.repetitions());
            p.set("restS", JsonNumbers.tenths(stretch.restS()));
        } else if (params instanceof TechniqueParams.Warm warm) {
            p.set("speedMmPerS", JsonNumbers.tenths(warm.speedMmPerS()));
        }
        return p;
    }
}
