package org.rollwell.therapy.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.rollwell.therapy.input.FieldReader;
import org.rollwell.therapy.screening.ScreeningId;

/**
 * The required {@code "answers"} object of a profile or a check-in: screening id → true/false.
 * One reader for both files; they differ only in which ids they may answer.
 */
final class Answers {

    private Answers() {
    }

    /**
     * The answers under {@code $.answers}; an id that fails {@code allowed} (or is no screening id)
     * is refused with {@code refusal}.
     */
    static Map<ScreeningId, Boolean> read(JsonNode root, FieldReader fields, String what,
                                          Predicate<ScreeningId> allowed, String refusal) {
        Map<ScreeningId, Boolean> answers = new EnumMap<>(ScreeningId.class);
        JsonNode node = fields.field(root, "$", "answers", true, "an object of " + what);
        if (node == null || !fields.object(node, "$.answers", "an object of " + what)) {
            return answers;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String path = FieldReader.child("$.answers", field.getKey());
            Optional<ScreeningId> id = ScreeningId.parse(field.getKey());
            if (id.isEmpty() || !allowed.test(id.get())) {
                fields.problem(path, refusal);
                continue;
            }
            Boolean answer = fields.boolValue(field.getValue(), path);
            if (answer != null) {
                answers.put(id.get(), answer);
            }
        }
        return answers;
    }
}
