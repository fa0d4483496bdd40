package org.rollwell.therapy.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.rollwell.therapy.input.FieldReader;
import org.rollwell.therapy.input.JsonText;
import org.rollwell.therapy.input.ParseResult;
import org.rollwell.therapy.screening.ScreeningId;

/**
 * Reads a {@code rollwell.checkin/1} file (docs/checkin-format.md) with the same field reader as
 * {@link ProfileParser}: the {@link CheckIn}, or every problem with its file and JSON path.
 * A missing {@code painNowNrs} or symptoms-now answer is not a parse problem: the planner
 * blocks with {@code CHECK_IN_MISSING} or {@code SCREENING_INCOMPLETE}, never taking it as "no".
 */
public final class CheckInParser {

    private static final Set<String> FIELDS = new LinkedHashSet<>(List.of("format", "date", "answers", "painNowNrs",
            "changes"));

    private CheckInParser() {
    }

    /** Parses the text of check-in file {@code file}, named in every problem (empty: text from no file). */
    public static ParseResult<CheckIn> parse(String file, String json) {
        return JsonText.read(file, json, "a " + CheckIn.FORMAT + " object", CheckInParser::read);
    }

    private static CheckIn read(JsonNode root, FieldReader fields) {
        fields.unknownFields(root, "$", FIELDS);
        fields.format(root, CheckIn.FORMAT);
        LocalDate date = fields.date(root, "$", "date", true);
        Map<ScreeningId, Boolean> answers = Answers.read(root, fields, "symptoms-now id → true/false",
                ScreeningId::symptomNow, "a check-in answers only RF_CAUDA_EQUINA, RF_PROGRESSIVE_DEFICIT and"
                        + " RF_FEVER_INFECTION; list anything else that is new under \"changes\"");
        Integer pain = fields.whole(root, "$", "painNowNrs", 0, 10, "", false);
        Set<ScreeningId> changes = changes(root, fields);
        if (fields.problemCount() > 0) {
            return null;
        }
        return new CheckIn(date, answers, pain == null ? OptionalInt.empty() : OptionalInt.of(pain),
                changes, CheckIn.Source.CHECK_IN);
    }

    private static Set<ScreeningId> changes(JsonNode root, FieldReader fields) {
        Set<ScreeningId> changes = EnumSet.noneOf(ScreeningId.class);
        List<ScreeningId> ids = fields.constants(root, "$", "changes", ScreeningId.class, "screening id", false);
        for (int i = 0; ids != null && i < ids.size(); i++) {
            ScreeningId id = ids.get(i);
            if (!CheckIn.changeable(id)) {
                fields.problem(FieldReader.index("$.changes", i), id + " is not a change: "
                        + (id.symptomNow() ? "answer it under \"answers\"" : "an assessment does not come undone"));
            } else {
                changes.add(id);
            }
        }
        return changes;
    }
}
