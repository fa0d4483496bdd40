package org.rollwell.therapy.course;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rollwell.therapy.input.FieldReader;
import org.rollwell.therapy.input.JsonText;
import org.rollwell.therapy.input.ParseResult;

/**
 * Reads a person's own course, {@code rollwell.course/1} (docs/courses.md). A course outside the
 * daily limits is refused with every reason, each at its field's path; it is never shortened or
 * thinned to fit.
 */
public final class CourseParser {

    /** The {@code format} value of a course file. */
    public static final String FORMAT = "rollwell.course/1";

    private static final Set<String> FIELDS = new LinkedHashSet<>(List.of("format", "name", "minutesPerSession",
            "sessionsPerDay", "days", "weeks"));

    private CourseParser() {
    }

    /** Parses the text of course file {@code file}, named in every problem. */
    public static ParseResult<Course> parse(String file, String json) {
        return JsonText.read(file, json == null ? "" : json, "a " + FORMAT + " object", CourseParser::read);
    }

    private static Course read(JsonNode root, FieldReader fields) {
        fields.unknownFields(root, "$", FIELDS);
        fields.format(root, FORMAT);
        String name = fields.text(root, "$", "name", 80, true);
        // Read wide, then held to the limits by Course.problems, so every reason names the rule it breaks.
        Integer minutes = fields.whole(root, "$", "minutesPerSession", 0, 1440, "min", true);
        Integer perDay = fields.whole(root, "$", "sessionsPerDay", 0, 100, "", true);
        List<DayOfWeek> days = fields.constants(root, "$", "days", DayOfWeek.class, "day", true);
        Integer weeks = fields.whole(root, "$", "weeks", 0, 1000, "", true);
        if (fields.problemCount() > 0) {
            return null;
        }
        Set<DayOfWeek> daySet = EnumSet.copyOf(days);
        for (String problem : Course.problems(minutes, perDay, daySet, weeks)) {
            int colon = problem.indexOf(": ");
            fields.problem("$." + problem.substring(0, colon), problem.substring(colon + 2));
        }
        return fields.problemCount() > 0 ? null : new Course(name, minutes, perDay, daySet, weeks);
    }
}
