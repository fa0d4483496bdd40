package org.rollwell.therapy.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.screening.ScreeningId;

/**
 * Reads a {@code rollwell.checkin/1} file (docs/checkin-format.md) the way
 * {@link ProfileParser} reads a profile: the {@link CheckIn}, or every problem with its JSON path.
 * A missing {@code painNowNrs} or symptoms-now answer is not a parse problem: the planner
 * blocks with {@code CHECK_IN_MISSING} or {@code SCREENING_INCOMPLETE}, never taking it as "no".
 */
public final class CheckInParser {

    private static final Set<String> FIELDS = new LinkedHashSet<>(List.of("format", "date", "answers", "painNowNrs",
            "changes"));

    private CheckInParser() {
    }

    /** Parses one check-in file's text. */
    public static ParseResult<CheckIn> parse(String json) {
        JsonChecks checks = new JsonChecks();
        JsonNode root = ProfileParser.tree(json, checks, "a " + CheckIn.FORMAT + " object");
        Optional<CheckIn> checkIn = root == null ? Optional.empty() : read(root, checks);
        if (!checks.problems().isEmpty() || checkIn.isEmpty()) {
            return new ParseResult.Refused<>(checks.problems());
        }
        return new ParseResult.Parsed<>(checkIn.get());
    }

    private static Optional<CheckIn> read(JsonNode root, JsonChecks checks) {
        if (!checks.object(root, "$", FIELDS)) {
            return Optional.empty();
        }
        Optional<String> format = checks.text(root, "$", "format", true);
        if (format.isPresent() && !format.get().equals(CheckIn.FORMAT)) {
            checks.problem("$.format", "must be \"" + CheckIn.FORMAT + "\", was \"" + format.get() + "\"");
        }
        Optional<LocalDate> date = checks.date(root, "$", "date", true);
        Map<ScreeningId, Boolean> answers = answers(root, checks);
        Optional<Integer> pain = checks.whole(root, "$", "painNowNrs", false, 0, 10);
        Set<ScreeningId> changes = changes(root, checks);
        if (!checks.problems().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CheckIn(date.get(), answers, pain.map(OptionalInt::of).orElse(OptionalInt.empty()),
                changes, CheckIn.Source.CHECK_IN));
    }

    private static Map<ScreeningId, Boolean> answers(JsonNode root, JsonChecks checks) {
        Map<ScreeningId, Boolean> answers = new EnumMap<>(ScreeningId.class);
        JsonNode node = checks.field(root, "$", "answers", true);
        if (node == null) {
            return answers;
        }
        if (!node.isObject()) {
            checks.problem("$.answers", "must be an object of symptoms-now id → true/false, was " + JsonChecks.shown(node));
            return answers;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String path = JsonChecks.child("$.answers", field.getKey());
            Optional<ScreeningId> id = ScreeningId.parse(field.getKey());
            if (id.isEmpty() || !id.get().symptomNow()) {
                checks.problem(path, "a check-in answers only RF_CAUDA_EQUINA, RF_PROGRESSIVE_DEFICIT and"
                        + " RF_FEVER_INFECTION; list anything else that is new under \"changes\"");
                continue;
            }
            checks.boolValue(field.getValue(), path).ifPresent(answer -> answers.put(id.get(), answer));
        }
        return answers;
    }

    private static Set<ScreeningId> changes(JsonNode root, JsonChecks checks) {
        Set<ScreeningId> changes = EnumSet.noneOf(ScreeningId.class);
        JsonNode node = checks.array(root, "$", "changes");
        if (node == null) {
            return changes;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = JsonChecks.index("$.changes", i);
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                checks.problem(path, "must be a string, was " + JsonChecks.shown(item));
                continue;
            }
            Optional<ScreeningId> id = checks.constantValue(item.textValue(), path, ScreeningId.class);
            if (id.isEmpty()) {
                continue;
            }
            if (!CheckIn.changeable(id.get())) {
                checks.problem(path, id.get() + " is not a change: "
                        + (id.get().symptomNow() ? "answer it under \"answers\"" : "an assessment does not come undone"));
            } else if (!changes.add(id.get())) {
                checks.problem(path, "duplicate " + id.get());
            }
        }
        return changes;
    }
}
