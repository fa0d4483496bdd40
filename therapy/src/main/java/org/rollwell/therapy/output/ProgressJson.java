package org.rollwell.therapy.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.OptionalDouble;
import org.rollwell.therapy.outcomes.Effect;
import org.rollwell.therapy.outcomes.Progress;
import org.rollwell.therapy.outcomes.Scores;

/**
 * Progress as JSON, exactly the fields of issue 13 in their order:
 * {@code {"baseline":{"nrs","peg"},"latest":{"nrs","peg"},"pegChangePct","nrsChangePct","immpact",
 * "micReached","verdict","effect":{"meanDiff","ciLow","ciHigh"},"missing"}}. Scores and per cents
 * are rounded to 0.1, the effect (NRS points) to 0.01; a figure that cannot be stated is
 * {@code null} and {@code missing} says why in words.
 */
public final class ProgressJson {

    private ProgressJson() {
    }

    public static ObjectNode of(Progress progress) {
        ObjectNode root = JsonNumbers.object();
        root.set("baseline", scores(progress.baseline()));
        root.set("latest", scores(progress.latest()));
        root.set("pegChangePct", tenths(progress.pegChangePct()));
        root.set("nrsChangePct", tenths(progress.nrsChangePct()));
        root.set("immpact", progress.immpact().<JsonNode>map(i -> TextNode.valueOf(i.name()))
                .orElse(NullNode.getInstance()));
        root.set("micReached", progress.micReached().<JsonNode>map(BooleanNode::valueOf)
                .orElse(NullNode.getInstance()));
        root.put("verdict", progress.verdict().name());
        ObjectNode effect = root.putObject("effect");
        Effect e = progress.effect().orElse(null);
        effect.set("meanDiff", e == null ? NullNode.getInstance() : JsonNumbers.hundredths(e.meanDiff()));
        effect.set("ciLow", e == null ? NullNode.getInstance() : JsonNumbers.hundredths(e.ciLow()));
        effect.set("ciHigh", e == null ? NullNode.getInstance() : JsonNumbers.hundredths(e.ciHigh()));
        ArrayNode missing = root.putArray("missing");
        progress.missing().forEach(missing::add);
        return root;
    }

    private static ObjectNode scores(Scores scores) {
        ObjectNode node = JsonNumbers.object();
        node.set("nrs", tenths(scores.nrs()));
        node.set("peg", tenths(scores.peg()));
        return node;
    }

    private static JsonNode tenths(OptionalDouble value) {
        return value.isPresent() ? JsonNumbers.tenths(value.getAsDouble()) : NullNode.getInstance();
    }
}
